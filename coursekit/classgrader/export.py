"""Per-question export: one CSV row per student and question (score, max, chosen option ids,
variant, status), with the scores nbgrader's gradebook holds now (manual grades of essays
included) and, per student, the totals `nbgrader export` gives. Every student of the gradebook
is there: a submission that could not be graded has its rows with status "missing"."""

from __future__ import annotations

from pathlib import Path

from ..gradedquiz.protocol import answer_id, test_id
from .table import Response, read_csv

COLUMNS = ["assignment", "student_id", "question", "item", "score", "max_score", "chosen",
           "variant", "status", "total_score", "total_max_score", "needs_manual_grade",
           "late_submission_penalty", "timestamp"]


def gradebook_rows(course, assignment: str) -> tuple[dict, dict]:
    """({(student, grade cell name): score}, {student: nbgrader export's totals})."""
    from nbgrader.api import Gradebook

    cells, totals = {}, {}
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        for sub in gb.assignment_submissions(assignment):
            sid = sub.student.id
            totals[sid] = {"total_score": sub.score, "total_max_score": sub.max_score,
                           "needs_manual_grade": sub.needs_manual_grade,
                           "late_submission_penalty": sub.late_submission_penalty,
                           "timestamp": sub.timestamp.isoformat() if sub.timestamp else ""}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    graded = grade.auto_score is not None or grade.manual_score is not None
                    cells[(sid, grade.cell.name)] = grade.score if graded else None
    return cells, totals


class NotGraded(LookupError):
    """No `coursekit grade` run yet for this assignment (no responses file)."""

    def __init__(self, assignment: str, path):
        super().__init__(assignment, path)
        self.assignment, self.path = assignment, path


def merged(course, assignment: str) -> list[Response]:
    """The responses of the last `coursekit grade`, with the gradebook's current scores."""
    from .engine import responses_path

    path = responses_path(course, assignment)
    if not path.exists():
        raise NotGraded(assignment, path)
    cells, _ = gradebook_rows(course, assignment)
    out = []
    for r in read_csv(responses_path(course, assignment)):
        score = cells.get((r.student, test_id(r.question)),
                          cells.get((r.student, answer_id(r.question)), r.score))
        out.append(Response(r.student, r.question, r.item, score, r.max, r.chosen, r.variant,
                            r.status if score is not None or r.status != "manual" else "manual"))
    return out


def export_items(assignment: str, course_dir=None, output=None) -> tuple[Path, int]:
    from . import nbgrader_compat
    from .course import open_course

    nbgrader_compat.load()
    course = open_course(course_dir)
    rows = merged(course, assignment)
    cells, totals = gradebook_rows(course, assignment)
    rows += _not_graded(course, assignment, set(totals) - {r.student for r in rows}, cells)
    rows.sort(key=lambda r: (r.student, r.question))
    path = Path(output or f"{assignment}-items.csv")
    from .table import write_rows

    write_rows(path, [COLUMNS, *([assignment, r.student, r.question, r.item,
                                  "" if r.score is None else f"{r.score:g}", f"{r.max:g}",
                                  "|".join(r.chosen), r.variant, r.status,
                                  *(totals.get(r.student, {}).get(k, "") for k in COLUMNS[9:])]
                                 for r in rows)])
    return path, len(rows)


def _not_graded(course, assignment: str, students: set[str], cells: dict) -> list[Response]:
    """Rows for students in the gradebook whose submission could not be graded (e.g. a broken
    notebook): every question, status "missing", the gradebook's score if the lecturer gave one."""
    import json

    from ..gradedquiz.variant import fingerprint, slot

    display = json.loads((course.source(assignment) / "questions.json").read_text(encoding="utf-8"))
    out = []
    for sid in sorted(students):
        code = fingerprint(display, sid)
        for q in display["questions"]:
            qid = q["qid"]
            score = cells.get((sid, test_id(qid)), cells.get((sid, answer_id(qid))))
            out.append(Response(sid, qid, slot(q, assignment, sid).item, score, float(q["points"]),
                                (), code, "missing"))
    return out
