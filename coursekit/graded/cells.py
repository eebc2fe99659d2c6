"""Find the cells of a graded quiz notebook by nbgrader grade_id.

Names: identity cell ``identitas``; per question ``qNN``: render cell ``soal-qNN`` (locked),
answer cell ``jawaban-qNN`` (solution; markdown for essays), test cell ``nilai-qNN`` (points).
"""

from __future__ import annotations

IDENTITY = "identitas"


def answer_id(qid: str) -> str:
    return f"jawaban-{qid}"


def test_id(qid: str) -> str:
    return f"nilai-{qid}"


test_id.__test__ = False  # not a pytest test when imported into a test module


def render_id(qid: str) -> str:
    return f"soal-{qid}"


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


def source_of(cell) -> str | None:
    if cell is None:
        return None
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src
