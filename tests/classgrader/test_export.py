"""On a really graded course (kuis-3: auto-graded questions and an essay graded by hand in the
gradebook, as formgrader does): `coursekit export-items` (one row per student and
question, with nbgrader export's totals) and `coursekit report` (the item analysis)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pytest

from tests.support import classroom

from .conftest import COURSEKIT

pytestmark = pytest.mark.slow
QUIZ = "kuis-3"
N = 16


def _run(course, *args):
    proc = subprocess.run([COURSEKIT, *args, "--course", str(course)], capture_output=True,
                          text=True, env=classroom.nbgrader_env(), timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.fixture(scope="module")
def graded(base_course, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    course = tmp / "course"
    shutil.copytree(base_course, course)
    handed = classroom.hand_in(course, QUIZ, N, seed=21, hostile=False)
    _run(course, "grade", QUIZ, "--quiet", "--lang", "en")
    from nbgrader.api import Gradebook

    from coursekit.classgrader import nbgrader_compat
    from coursekit.classgrader.course import open_course

    nbgrader_compat.load()
    c = open_course(course)
    display = json.loads((course / "source" / QUIZ / "questions.json").read_text())
    qids = [q["qid"] for q in display["questions"]]
    essay = next(q["qid"] for q in display["questions"] if q["type"] == "essay")
    with Gradebook(c.db_url, c.coursedir.course_id) as gb:  # the lecturer grades two essays
        for sid, points in ((handed[0].student, 4.0), (handed[1].student, 2.5)):
            grade = gb.find_grade(f"jawaban-{essay}", QUIZ, QUIZ, sid)
            grade.manual_score = points
            grade.needs_manual_grade = False
        gb.db.commit()
    out = tmp / "items.csv"
    proc = _run(course, "export-items", QUIZ, "-o", str(out), "--lang", "en")
    classroom.run_nbgrader(course, "export", exchange=tmp / "exchange")
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(course / "grades.csv", newline="", encoding="utf-8") as fh:
        nbgrader_rows = [r for r in csv.DictReader(fh) if r["assignment"] == QUIZ]
    return {"course": course, "handed": handed, "rows": rows, "nbgrader": nbgrader_rows,
            "proc": proc, "essay": essay, "qids": qids, "display": display, "tmp": tmp}


def test_one_row_per_student_and_question(graded):
    rows = graded["rows"]
    q = len(graded["qids"])
    assert len(rows) == N * q
    assert f"(rows: {N * q})" in graded["proc"].stdout
    by_student = {}
    for r in rows:
        by_student.setdefault(r["student_id"], []).append(r["question"])
    assert set(by_student) == {h.student for h in graded["handed"]}
    assert all(qs == graded["qids"] for qs in by_student.values())


def test_rows_hold_stable_option_ids_and_the_variant(graded):
    display = graded["display"]
    letters = set("abcdefgh")
    choice = {q["qid"] for q in display["questions"] if q["type"] in ("single", "multiple")}
    chosen = [r["chosen"] for r in graded["rows"] if r["question"] in choice and r["chosen"]]
    assert chosen and not any(set(c.split("|")) <= letters for c in chosen)
    variants = {r["student_id"]: r["variant"] for r in graded["rows"]}
    assert len(set(variants.values())) > N // 2  # students see different variants
    assert all(len(v) == 6 for v in variants.values())


def test_scores_are_the_gradebooks_including_manual_essay_grades(graded):
    rows = {(r["student_id"], r["question"]): r for r in graded["rows"]}
    first, second, third = (h.student for h in graded["handed"][:3])
    essay = graded["essay"]
    assert rows[(first, essay)]["score"] == "4" and rows[(second, essay)]["score"] == "2.5"
    assert rows[(third, essay)]["score"] == "" and rows[(third, essay)]["status"] == "manual"
    essays = {q["qid"] for q in graded["display"]["questions"] if q["type"] == "essay"}
    for r in graded["rows"]:
        if r["question"] not in essays:  # the other case analyses are not graded here
            assert 0 <= float(r["score"]) <= float(r["max_score"])


def test_totals_are_those_of_nbgrader_export(graded):
    totals = {r["student_id"]: float(r["score"]) for r in graded["nbgrader"]}
    assert set(totals) == {h.student for h in graded["handed"]}
    for r in graded["rows"]:
        assert float(r["total_score"]) == pytest.approx(totals[r["student_id"]])
    for sid, total in totals.items():
        summed = sum(float(r["score"]) for r in graded["rows"]
                     if r["student_id"] == sid and r["score"])
        assert summed == pytest.approx(total)


def test_report_on_the_graded_course(graded):
    out = graded["tmp"] / "report"
    proc = _run(graded["course"], "report", QUIZ, "-o", str(out), "--lang", "en")
    assert "Report written" in proc.stdout
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<script" not in html
    items = {r["item"] for r in graded["rows"]}
    assert all(i in html for i in items)
    pngs = list((out / "figures").glob("*.png"))
    assert len(pngs) >= 3 and all(p.read_bytes()[:4] == b"\x89PNG" for p in pngs)


def test_report_in_a_notebook_is_one_call(graded):
    from coursekit.classgrader.report import item_report

    rep = item_report(QUIZ, graded["course"], lang="id", out=graded["tmp"] / "report-id")
    assert '<html lang="id">' in rep._repr_html_()
    assert rep.analysis.items


def test_report_and_export_before_grading_say_what_to_run(course):
    """Issue 8, finding 10: no traceback, the command to run first."""
    for cmd in (["report", QUIZ], ["export-items", QUIZ]):
        proc = subprocess.run([COURSEKIT, *cmd, "--course", str(course), "--lang", "en"],
                              capture_output=True, text=True, env=classroom.nbgrader_env())
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        assert f"Run `coursekit grade {QUIZ}` first" in proc.stderr
