"""Called by the hidden part of each test cell (present only in the instructor's source and during
autograding): scores the answer cell's SOURCE (never its kernel variables), prints the feedback
with the rationale to stdout (never stderr), and returns the points as the cell's last value,
which nbgrader takes as partial credit. The test cell holds no keys: ``nilai("q01")`` reads them
from the instructor-only keys file (runtime.keys_file); the feedback it prints covers only the
item this student was given."""

from __future__ import annotations

from ..strings import say
from . import runtime
from .feedback import explain
from .score import score_question
from .variant import autograde_student, slot, student_for


def nilai(qid: str, keys: dict | None = None, source: str | None = None,
          ns: dict | None = None) -> float:
    """keys: {item: key} (default: from the keys file); ns: the kernel namespace (default:
    IPython's); the kernel-free grader passes its own."""
    lang = runtime.language(ns)
    display = runtime.load_display()
    if display is None:
        print(say("gradedquiz.no-questions-file", lang))
        return 0.0
    question = runtime.question(display, qid)
    if question is None:
        print(say("gradedquiz.unknown-question", lang, qid=qid))
        return 0.0
    assignment = display["assignment"]
    if keys is None:
        keys = runtime.load_keys(assignment, qid)
    if not keys:
        print(say("gradedquiz.no-keys-file", lang))
        return 0.0
    declared = runtime.declared_nim(ns)
    student = student_for(assignment, declared)
    src = source if source is not None else runtime.previous_source()
    result = score_question(question, keys, assignment, student, src)
    try:
        lines = explain(result, question, keys, slot(question, assignment, student), lang)
    except Exception:  # feedback must never cost points
        lines = []
    submitter = autograde_student(assignment)
    if submitter is not None and declared and declared != submitter:
        lines.append(say("gradedquiz.flag.nim", lang, declared=declared, student=submitter))
    print("\n".join(lines))
    return min(result.points, result.max_points)
