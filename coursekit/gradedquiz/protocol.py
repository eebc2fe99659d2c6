"""The one place for the cell naming rules of a graded quiz notebook (nbgrader grade_ids), used
by the build, the guard, the worker, the kernel stand-in, the responses and the reports.

Names: identity cell ``identitas``; per question ``qNN``: render cell ``soal-qNN`` (locked),
answer cell ``jawaban-qNN`` (solution; markdown for essays), test cell ``nilai-qNN`` (points),
rubric cell ``rubrik-qNN`` (locked, instructor-only content removed on release).
"""

from __future__ import annotations

from ..renamed import current

IDENTITY = "identitas"
ANSWER, TEST, RENDER, RUBRIC = "jawaban-", "nilai-", "soal-", "rubrik-"

# the modules the quiz cells import from: the setup cell (`kuis`) and the hidden tests (`nilai`)
QUIZ_MODULE, HIDDEN_MODULE = "coursekit.gradedquiz.quiz", "coursekit.gradedquiz.hidden"


def module(name: str) -> str:
    """The current name of a module a cell imports from (quizzes released before the rename of
    issue 11 import coursekit.graded.*)."""
    return current(name)


def answer_id(qid: str) -> str:
    return ANSWER + qid


def test_id(qid: str) -> str:
    return TEST + qid


test_id.__test__ = False  # not a pytest test when imported into a test module


def render_id(qid: str) -> str:
    return RENDER + qid


def rubric_id(qid: str) -> str:
    return RUBRIC + qid


def qid_of(gid: str, prefix: str) -> str | None:
    """The question id of a grade_id with that prefix (ANSWER, TEST ...), else None."""
    return gid[len(prefix):] if gid.startswith(prefix) else None


def grade_id(cell) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader") or {}
    return meta.get("grade_id")


def find_cells(nb, gid: str) -> list:
    """Every cell whose nbgrader grade_id is gid (a student may have duplicated one)."""
    return [c for c in nb["cells"] if grade_id(c) == gid]


def find_cell(nb, gid: str):
    """The cell with that grade_id; when duplicated, the LAST one (as nbgrader's DeduplicateIds keeps)."""
    found = find_cells(nb, gid)
    return found[-1] if found else None


def cells_by_id(nb) -> dict[str, list]:
    """{grade_id: [cells with it, in order]}: find_cells for many ids with one pass."""
    out: dict[str, list] = {}
    for c in nb["cells"]:
        gid = grade_id(c)
        if gid is not None:
            out.setdefault(gid, []).append(c)
    return out


def index_of(nb, gid: str) -> int:
    """The position of the first cell with that grade_id (StopIteration when none)."""
    return next(i for i, c in enumerate(nb["cells"]) if grade_id(c) == gid)


def source_of(cell) -> str | None:
    if cell is None:
        return None
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src
