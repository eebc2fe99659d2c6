"""The submission guard and the metadata restorer, on notebooks built in memory with a gradebook
stand-in (the snapshot class the kernel-free grader uses): every code cell that would run is text
the guard wrote; tampered nbgrader metadata is dropped or restored."""

from __future__ import annotations

import copy
from types import SimpleNamespace

import nbformat

from coursekit.classgrader.course import GradebookView, Snapshot
from coursekit.gradedquiz.answers import MARKER, parse_answer
from coursekit.gradedquiz.preprocess import GuardSubmission, RestoreMetadata
from coursekit.gradedquiz.protocol import grade_id
from tests.support.classroom import EXERCISES, SMUGGLING

QUIZ = "kuis-1"


def _master_and_release():
    """The master notebook (source) and the notebook as released (answers blank)."""
    nb = nbformat.read(EXERCISES / "source" / QUIZ / f"{QUIZ}.ipynb", as_version=4)
    released = copy.deepcopy(nb)
    for cell in released.cells:
        if (grade_id(cell) or "").startswith("jawaban-") and cell.cell_type == "code":
            lines = [ln for ln in cell.source.splitlines() if ln.startswith("# ")]
            cell.source = "\n".join([*lines, 'jawaban = ""'])
    return nb, released


def _resources(released):
    """A snapshot of the gradebook as generate_assignment would store it (released sources)."""
    src, grade, sol = [], [], []
    for c in released.cells:
        meta = c.metadata.get("nbgrader")
        if not meta:
            continue
        src.append(SimpleNamespace(name=meta["grade_id"], cell_type=c.cell_type,
                                   locked=meta["locked"], source=c.source, checksum=None))
        if meta.get("grade"):
            grade.append(SimpleNamespace(name=meta["grade_id"], max_score=meta["points"],
                                         cell_type=c.cell_type))
        if meta.get("solution"):
            sol.append(SimpleNamespace(name=meta["grade_id"]))
    snap = Snapshot(QUIZ, None, {QUIZ: SimpleNamespace(
        name=QUIZ, kernelspec=None, source_cells=src, grade_cells=grade, task_cells=[],
        solution_cells=sol)})
    return {"nbgrader": {"notebook": QUIZ, "assignment": QUIZ, "db_url": "", "student": "s"},
            "coursekit_gradebook": GradebookView(snap)}


def _run(nb, resources):
    for p in (RestoreMetadata(), GuardSubmission()):
        nb, resources = p.preprocess(nb, resources)
    return nb


def _answer_cells(nb):
    return [c for c in nb.cells if (grade_id(c) or "").startswith("jawaban-")
            and c.cell_type == "code"]


def test_the_guard_writes_every_answer_cell_itself():
    _, released = _master_and_release()
    resources = _resources(released)
    nb = copy.deepcopy(released)
    forms = list(SMUGGLING.values()) + ['jawaban = "b"  # student comment; __import__("os")',
                                        'jawaban = \\\n  "b"']
    cells = _answer_cells(nb)
    for cell, form in zip(cells, forms, strict=False):
        cell.source = "# my note: import os\n" + form.format(c="PWNED")
    out = _run(nb, resources)
    for cell in out.cells:
        if cell.cell_type != "code":
            continue
        assert "__import__" not in cell.source and "my note" not in cell.source
        assert "student comment" not in cell.source
    answers = _answer_cells(out)
    n = len(SMUGGLING)
    assert all(MARKER in c.source for c in answers[:n])
    assert [parse_answer(c.source).value for c in answers[n:n + 2]] == ["b", "b"]


def test_an_untouched_answer_cell_is_the_released_text():
    _, released = _master_and_release()
    out = _run(copy.deepcopy(released), _resources(released))
    by_id = {grade_id(c): c.source for c in released.cells}
    for cell in _answer_cells(out):
        assert cell.source == by_id[grade_id(cell)]


def test_tampered_metadata_is_dropped_or_restored():
    _, released = _master_and_release()
    nb = copy.deepcopy(released)
    bonus = nbformat.v4.new_code_cell("100")
    bonus.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "locked": False,
                                  "points": 100, "schema_version": 3, "solution": False,
                                  "task": False}
    nb.cells.insert(4, bonus)
    test = next(c for c in nb.cells if grade_id(c) == "nilai-q01")
    test.metadata.nbgrader.update(solution=True, locked=False, points=50)
    resources = _resources(released)
    out = _run(nb, resources)
    assert "bonus" not in {grade_id(c) for c in out.cells}
    assert any(c.cell_type == "raw" and c.source == "100" for c in out.cells)
    test = next(c for c in out.cells if grade_id(c) == "nilai-q01")
    assert test.metadata.nbgrader["solution"] is False and test.metadata.nbgrader["locked"] is True
    assert test.metadata.nbgrader["points"] == 1
    assert set(resources["coursekit_tampered"]) == {"bonus", "nilai-q01"}


def test_added_code_and_missing_answers_become_valid_cells():
    _, released = _master_and_release()
    nb = copy.deepcopy(released)
    nb.cells.insert(1, nbformat.v4.new_code_cell("import os"))  # added by the student
    answer = _answer_cells(nb)[0]
    nb.cells.remove(answer)  # an answer cell deleted
    out = _run(nb, _resources(released))
    added = [c for c in out.cells if c.cell_type == "raw" and c.source == "import os"]
    placeholders = [c for c in out.cells if c.metadata.get("coursekit", {}).get("placeholder")]
    assert len(added) == 1 and len(placeholders) == 1
    assert MARKER in placeholders[0].source
    nbformat.validate(out)  # the cells the guard made carry nbformat's fields
    assert all(isinstance(c, nbformat.NotebookNode) for c in out.cells)
