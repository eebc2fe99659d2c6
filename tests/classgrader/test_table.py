"""The tidy response table: a CSV round trip keeps every field."""

from __future__ import annotations

from coursekit.classgrader.table import Response, read_csv, write_csv


def test_csv_round_trip(tmp_path):
    rows = [Response("2301", "q01", "item-a", 1.0, 1.0, ("opt-1",), "ABC123", "right"),
            Response("2301", "q02", "item-b", None, 2.0, (), "ABC123", "manual"),
            Response("2302", "q01", "item-a", 0.5, 1.0, ("opt-1", "opt-2"), "DEF456", "partial")]
    path = tmp_path / "responses.csv"
    write_csv(rows, path)
    assert read_csv(path) == rows
