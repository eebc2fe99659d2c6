"""Issue 8, "the grader, against hostile submissions": the exact inputs, graded by both paths -
stock `nbgrader autograde` with the project's config (driven by `coursekit exercises autograde`,
which adds the flags) and the kernel-free `coursekit grade` - on one class of the new hostile
cases plus a plain all-correct submission for reference. Nothing runs, every student is graded
(or fails alone), the flags say why, and the two gradebooks are identical."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import classroom

from .conftest import COURSEKIT, QUIZ, REPO, grade_cli

pytestmark = pytest.mark.slow
NEW = ("all-correct", *classroom.HOSTILE[classroom.HOSTILE.index("smuggling"):])


@pytest.fixture(scope="module")
def both(base_course, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    stock = tmp / "stock"
    shutil.copytree(base_course, stock)
    handed = classroom.hand_in(stock, QUIZ, len(NEW), seed=5, kinds=NEW)
    ours = tmp / "coursekit"
    classroom.copy_course(stock, ours)
    stock_proc = subprocess.run([COURSEKIT, "exercises", "autograde", QUIZ, "--course", str(stock),
                                 "--lang", "en"], capture_output=True, text=True, timeout=1800,
                                env=classroom.nbgrader_env())
    ours_proc = grade_cli(ours)
    from coursekit.classgrader import nbgrader_compat

    nbgrader_compat.load()
    who = {h.kind: h.student for h in handed}
    return {"stock": stock, "ours": ours, "who": who, "stock_out": stock_proc.stdout,
            "ours_out": ours_proc.stdout + ours_proc.stderr,
            "theirs": classroom.cell_scores(stock, QUIZ), "mine": classroom.cell_scores(ours, QUIZ)}


def _line(out: str, student: str) -> str:
    return next(ln for ln in out.splitlines() if f" {student} " in f" {ln} ")


def _total(scores, student):
    return scores[(student, None, None)]


def test_identical_gradebooks(both):
    assert classroom.differences(both["theirs"], both["mine"]) == []


def test_nothing_runs_in_either_path(both):
    """Finding 1: the smuggling forms (SMUGGLING), in answer cells and the identity cell."""
    assert classroom.canary_found(both["stock"]) == []
    assert classroom.canary_found(both["ours"]) == []
    for course in (both["stock"], both["ours"]):
        nb = json.loads((course / "autograded" / both["who"]["smuggling"] / QUIZ /
                         f"{QUIZ}.ipynb").read_text(encoding="utf-8"))
        code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        assert "__import__" not in code and "exec(" not in code


def test_every_student_is_graded_and_flagged(both):
    """Findings 2, 5, 6, 7, 9, 10: graded (not FAILED), with the reason in both reports."""
    expect = {"timestamp-not-a-date": "timestamp.txt is not a valid date",
              "timestamp-byte-ff": "timestamp.txt is not a valid date",
              "huge-answer": "invalid answer (too-long)",
              "hex-literal": "invalid answer (wrong-type)",
              "grade-cell-added": "tampering",
              "test-cell-to-solution": "tampering",
              "links-and-special-files": "link(s) or special file(s) not copied",
              "extra-notebook": "extra notebook(s) not graded: catatan.ipynb",
              "smuggling": "invalid answer (", "smuggling-identity": "NIM blank"}
    for kind, student in both["who"].items():
        for out in (both["stock_out"], both["ours_out"]):
            line = _line(out, student)
            assert "FAILED" not in line, (kind, line)
            assert len(line) < 1500, kind  # truncated echoes
            if kind in expect:
                assert expect[kind] in line, (kind, line)
            if kind in ("nbformat-3", "lone-surrogate", "all-correct"):
                assert "unreadable" not in line and "FLAG" not in line, (kind, line)
    # the batches finished: one summary line each
    assert "submission(s)" in both["stock_out"] and "Summary of kuis-1" in both["ours_out"]


def _hand_graded_points() -> float:
    """Points of the questions marked by hand (the case analyses): no autograder gives them."""
    display = json.loads((REPO / "exercises" / "source" / QUIZ / "questions.json").read_text("utf-8"))
    return sum(q["points"] for q in display["questions"] if q["type"] == "essay")


def test_scores(both):
    theirs, who = both["theirs"], both["who"]
    full = _total(theirs, who["all-correct"])
    assert full[0] == full[1] - _hand_graded_points() and full[0] > 0
    # all answers right: full marks, and never more (the added 100-point cell is dropped, the
    # test cell turned into a solution cell is restored and scores its question)
    for kind in ("nbformat-3", "timestamp-not-a-date", "timestamp-byte-ff",
                 "links-and-special-files", "extra-notebook", "grade-cell-added",
                 "test-cell-to-solution"):
        assert _total(theirs, who[kind]) == full, kind
    for kind in ("huge-answer", "hex-literal", "lone-surrogate"):
        got, top = _total(theirs, who[kind])
        assert top == full[1] and full[0] - 3 <= got < full[0], kind  # one question lost
    assert (who["grade-cell-added"], QUIZ, "bonus") not in theirs


def test_links_are_never_followed(both):
    for course in (both["stock"], both["ours"]):
        folder = course / "autograded" / both["who"]["links-and-special-files"] / QUIZ
        assert sorted(p.name for p in folder.iterdir()) == [f"{QUIZ}.ipynb", "questions.json",
                                                            "timestamp.txt"]


def test_responses_file_is_whole_with_a_lone_surrogate(both):
    """Finding 6: responses.csv holds every student; export-items lists none as missing."""
    from coursekit.classgrader.table import read_csv

    rows = read_csv(both["ours"] / ".coursekit" / QUIZ / "responses.csv")
    assert {r.student for r in rows} == set(both["who"].values())
    out = both["ours"] / "items.csv"
    subprocess.run([COURSEKIT, "export-items", QUIZ, "--course", str(both["ours"]), "-o", str(out)],
                   check=True, capture_output=True, env=classroom.nbgrader_env())
    assert ",missing," not in out.read_text(encoding="utf-8")
