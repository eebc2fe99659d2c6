"""The cell naming rules of a graded quiz notebook."""

from __future__ import annotations

from coursekit.gradedquiz import protocol


def _cell(gid, source="", kind="code"):
    return {"cell_type": kind, "source": source, "metadata": {"nbgrader": {"grade_id": gid}}}


def test_names_and_their_question():
    assert (protocol.answer_id("q01"), protocol.test_id("q01"), protocol.render_id("q01"),
            protocol.rubric_id("q01")) == ("jawaban-q01", "nilai-q01", "soal-q01", "rubrik-q01")
    assert protocol.qid_of("nilai-q07", protocol.TEST) == "q07"
    assert protocol.qid_of("jawaban-q07", protocol.TEST) is None


def test_a_duplicated_cell_counts_as_the_last_one():
    nb = {"cells": [_cell("identitas"), _cell("jawaban-q01", "a"), {"cell_type": "markdown",
          "source": ["x", "y"], "metadata": {}}, _cell("jawaban-q01", ["b", "c"])]}
    assert protocol.source_of(protocol.find_cell(nb, "jawaban-q01")) == "bc"
    assert len(protocol.find_cells(nb, "jawaban-q01")) == 2
    assert protocol.cells_by_id(nb)["jawaban-q01"] == protocol.find_cells(nb, "jawaban-q01")
    assert protocol.index_of(nb, "jawaban-q01") == 1
    assert protocol.find_cell(nb, "nilai-q01") is None and protocol.source_of(None) is None
