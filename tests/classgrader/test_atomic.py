"""Files the grader writes: whole or not at all; a lone surrogate never stops a write."""

from __future__ import annotations

import pytest

from coursekit.classgrader import atomic


def test_write_text_replaces_the_file_whole(tmp_path):
    path = tmp_path / "sub" / "nb.ipynb"
    atomic.write_text(path, "first")
    atomic.write_text(path, "second")
    assert path.read_text(encoding="utf-8") == "second"
    assert [p.name for p in path.parent.iterdir()] == ["nb.ipynb"]  # no temporary file left


def test_a_lone_surrogate_is_written_as_an_escape(tmp_path):
    path = tmp_path / "a.txt"
    atomic.write_text(path, "x\ud800y")
    assert path.read_text(encoding="utf-8") == "x\\ud800y"
    assert atomic.clean_text("x\ud800y") == "x\\ud800y"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    atomic.write_text(path, "old")

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken)
    with pytest.raises(OSError):
        atomic.write_text(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_unsynced_writes_are_whole_and_synced_with_the_folder(tmp_path):
    path = tmp_path / "nb.ipynb"
    atomic.write_text(path, "data", sync=False)
    atomic.sync_folder(tmp_path)
    assert path.read_text(encoding="utf-8") == "data"
