"""End to end with the real nbgrader commands: generate, release, fetch, submit, collect,
autograde (through `coursekit exercises autograde`, one student per nbgrader call), feedback,
export; plus the hostile submissions of issue 4, each graded correctly or flagged."""

from __future__ import annotations

import copy
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from coursekit.gradedquiz.keys import item_key
from coursekit.gradedquiz.protocol import answer_id, find_cell, source_of, test_id
from coursekit.gradedquiz.score import score_question
from tests.support.classroom import (
    Raw,
    bank,
    course_sources,
    display,
    fill,
    nbgrader_env,
    place,
    release,
    right_answers,
    run_nbgrader,
    wrong_answers,
)

pytestmark = pytest.mark.slow
COURSEKIT = str(Path(sys.executable).parent / "coursekit")
QUIZ = "kuis-1"


def _hostile(course, b, disp, marker):
    """student id -> (how it was made, notebook or raw text or None)."""
    base = release(course, QUIZ)
    out = {}

    def nb_for(student, answers, nim=None):
        return fill(copy.deepcopy(base), answers, student if nim is None else nim)

    right = lambda s: right_answers(course, QUIZ, s)  # noqa: E731
    out["h-blank"] = nb_for("h-blank", {})
    out["h-wrong"] = nb_for("h-wrong", wrong_answers(course, QUIZ, "h-wrong"))
    odd = right("h-odd")
    singles = [q["qid"] for q in disp["questions"] if q["type"] == "single"]
    for qid, fmt in zip(singles, ["{} ", "{})", "({})", "{}.", "{}"], strict=False):
        odd[qid] = fmt.format(odd[qid].upper() if fmt == "{} " else odd[qid])
    out["h-odd"] = nb_for("h-odd", odd)
    out["h-nooption"] = nb_for("h-nooption", {**right("h-nooption"), "q01": "z"})
    out["h-syntax"] = nb_for("h-syntax", {**right("h-syntax"), "q02": Raw('jawaban = ["a", "b"')})
    out["h-code"] = nb_for("h-code", {**right("h-code"),
                                      "q01": Raw(f'jawaban = __import__("os").system("touch {marker}")')})
    nb = nb_for("h-noanswer", right("h-noanswer"))
    nb.cells.remove(find_cell(nb, answer_id("q03")))
    out["h-noanswer"] = nb
    nb = nb_for("h-deltest", right("h-deltest"))
    nb.cells.remove(find_cell(nb, test_id("q04")))
    out["h-deltest"] = nb
    nb = nb_for("h-edittest", wrong_answers(course, QUIZ, "h-edittest"))
    find_cell(nb, test_id("q05")).source = "1.0"
    out["h-edittest"] = nb
    nb = nb_for("h-duptest", right("h-duptest"))
    cell = find_cell(nb, test_id("q06"))
    dup = copy.deepcopy(cell)
    dup.id = "dup-cell"
    nb.cells.insert(nb.cells.index(cell) + 1, dup)
    out["h-duptest"] = nb
    nb = nb_for("h-markdown", right("h-markdown"))
    cell = find_cell(nb, answer_id("q07"))
    md = nbformat.v4.new_markdown_cell(cell.source, metadata=cell.metadata)
    md.id = cell.id
    nb.cells[nb.cells.index(cell)] = md
    out["h-markdown"] = nb
    nb = nb_for("h-loop", {**right("h-loop"), "q08": Raw("while True:\n    pass")})
    nb.cells.insert(3, nbformat.v4.new_code_cell("while True:\n    pass"))
    out["h-loop"] = nb
    nb = nb_for("h-huge", right("h-huge"))
    nb.cells.insert(3, nbformat.v4.new_code_cell("print('x' * 50_000_000)"))
    out["h-huge"] = nb
    text = nbformat.writes(nb_for("h-truncated", right("h-truncated")))
    out["h-truncated"] = text[: len(text) // 2]
    out["h-renamed"] = ("kuis-1 (1).ipynb", nb_for("h-renamed", right("h-renamed")))
    out["h-other"] = nb_for("h-other", right("h-correct"), nim="h-correct")  # h-correct's variant
    return out


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("graded")
    course, exchange = course_sources(tmp), tmp / "exchange"
    marker = tmp / "PWNED"
    b = bank()
    times = {}
    t = time.monotonic()
    run_nbgrader(course, "generate_assignment", QUIZ, "--force", exchange=exchange)
    run_nbgrader(course, "release_assignment", QUIZ, "--force", exchange=exchange)
    times["generate+release"] = time.monotonic() - t
    disp = display(course, QUIZ)
    # two students go through fetch/submit for real
    t = time.monotonic()
    for student in ("h-correct", "h-partial"):
        home = tmp / f"home-{student}"
        home.mkdir()
        run_nbgrader(home, "fetch_assignment", QUIZ, "--course", "coursekit", f"--Exchange.root={exchange}",
                 user=student)
        path = home / QUIZ / f"{QUIZ}.ipynb"
        nb = nbformat.read(path, as_version=4)
        answers = right_answers(course, QUIZ, student)
        if student == "h-partial":  # multiple select and matching half right
            wrong = wrong_answers(course, QUIZ, student)
            for q in disp["questions"]:
                if q["type"] in ("multiple", "matching"):
                    answers[q["qid"]] = _half(answers[q["qid"]], wrong[q["qid"]])
        nbformat.write(fill(nb, answers, student), path)
        run_nbgrader(home, "submit", QUIZ, "--course", "coursekit", f"--Exchange.root={exchange}",
                 "--student", student, user=student)
    run_nbgrader(course, "collect", QUIZ, exchange=exchange)
    times["fetch+submit+collect"] = time.monotonic() - t
    hostile = _hostile(course, b, disp, marker)
    for student, what in hostile.items():
        if isinstance(what, tuple):
            place(course, student, QUIZ, what[1], name=what[0])
        elif isinstance(what, str):
            place(course, student, QUIZ, text=what)
        else:
            place(course, student, QUIZ, what)
    t = time.monotonic()
    proc = subprocess.run([COURSEKIT, "exercises", "autograde", QUIZ, "--course", str(course),
                           "--lang", "en"],
                          env=nbgrader_env(exchange), capture_output=True, text=True,
                          timeout=1800)
    times["autograde"] = time.monotonic() - t
    t = time.monotonic()
    run_nbgrader(course, "generate_feedback", QUIZ, "--force", exchange=exchange)
    run_nbgrader(course, "export", exchange=exchange)
    times["feedback+export"] = time.monotonic() - t
    print("timings:", {k: round(v, 1) for k, v in times.items()}, file=sys.stderr)
    return {"course": course, "bank": b, "display": disp, "driver": proc, "marker": marker,
            "hostile": hostile, "times": times}


def _half(right, wrong):
    if isinstance(right, list):
        return right[: max(1, len(right) // 2)]
    items = sorted(right.items())
    return dict(items[: len(items) // 2] + [(k, wrong[k]) for k, _ in items[len(items) // 2:]])


def _grades(course, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(QUIZ, QUIZ, student)
        return {g.name: (g.score, g.max_score, g.needs_manual_grade) for g in nb.grades}


def _lines(run):
    return {line.split()[1]: line for line in run["driver"].stdout.splitlines() if line.startswith("[")}


def test_batch_finishes_with_a_line_per_student(run):
    proc = run["driver"]
    print(proc.stdout)
    lines = _lines(run)
    expected = {"h-correct", "h-partial", *run["hostile"]}
    assert set(lines) == expected, proc.stdout + proc.stderr
    assert "FAILED" in lines["h-truncated"] and "unreadable" in lines["h-truncated"]
    assert "renamed" in lines["h-renamed"]
    assert "differs from submitter" in lines["h-other"]
    assert "q01 invalid answer (not-a-value)" in lines["h-code"]
    assert "q02 invalid answer (syntax-error)" in lines["h-syntax"]
    assert "q01 invalid answer (unknown-option:z)" in lines["h-nooption"]
    assert "q03" in lines["h-noanswer"] and "answer-cell-missing" in lines["h-noanswer"]
    assert "q04 test cell deleted" in lines["h-deltest"]
    assert "q06 test cell duplicated" in lines["h-duptest"]
    assert "q07 answer cell changed to markdown" in lines["h-markdown"]
    assert "added by the student" in lines["h-loop"] and "added by the student" in lines["h-huge"]
    assert lines["h-correct"].split()[2] == "ok"
    assert proc.returncode == 3  # some submissions could not be graded; every other one was


def test_every_cell_score_equals_the_shared_scoring_function(run):
    """nbgrader's per-cell scores == score_question on the submitted sources (kernel-free)."""
    course, disp, b = run["course"], run["display"], run["bank"]
    for student in ("h-correct", "h-partial", *run["hostile"]):
        if student in ("h-truncated", "h-renamed"):
            continue
        nb = nbformat.read(course / "submitted" / student / QUIZ / f"{QUIZ}.ipynb", as_version=4)
        grades = _grades(course, student)
        for q in disp["questions"]:
            if q["type"] == "essay":
                continue  # graded by hand
            keys = {i["item"]: item_key(QUIZ, b.items[i["item"]]) for i in q["items"]}
            want = score_question(q, keys, QUIZ, student, source_of(find_cell(nb, answer_id(q["qid"]))))
            got = grades[test_id(q["qid"])]
            assert got[0] == pytest.approx(want.points), (student, q["qid"], got, want)


def test_totals(run):
    course, disp = run["course"], run["display"]
    full = sum(q["points"] for q in disp["questions"] if q["type"] != "essay")  # essays: by hand
    total = lambda s: sum(g[0] or 0 for g in _grades(course, s).values())  # noqa: E731
    assert total("h-correct") == pytest.approx(full)
    assert total("h-odd") == pytest.approx(full)
    assert total("h-markdown") == pytest.approx(full)  # answer read back as code
    assert total("h-deltest") == pytest.approx(full)  # test cell restored and run
    assert total("h-duptest") == pytest.approx(full)
    assert total("h-blank") == 0 and total("h-wrong") == 0 and total("h-edittest") == 0
    assert 0 < total("h-partial") < full
    assert total("h-other") < full  # h-correct's answers against h-other's variant
    q01 = next(q for q in disp["questions"] if q["qid"] == "q01")["points"]
    assert total("h-code") == pytest.approx(full - q01)
    q08 = next(q for q in disp["questions"] if q["qid"] == "q08")["points"]
    assert total("h-loop") == pytest.approx(full - q08)  # q08 answered with a loop


def test_student_code_never_ran(run):
    assert not run["marker"].exists()


def test_export_has_every_student(run):
    rows = list(csv.DictReader((run["course"] / "grades.csv").open()))
    students = {r["student_id"] for r in rows if r["assignment"] == QUIZ}
    assert {"h-correct", "h-partial", *run["hostile"]} <= students
    scores = {r["student_id"]: float(r["raw_score"] or 0) for r in rows if r["assignment"] == QUIZ}
    assert scores["h-truncated"] == 0 and scores["h-renamed"] == 0


def test_feedback_shows_results_and_rationale(run):
    course, b = run["course"], run["bank"]
    html = (course / "feedback" / "h-partial" / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    assert "Sebagian benar" in html and "Benar (" in html
    assert "Aturan nilai" in html  # the partial-credit rule is explained
    why = b.items["m1-k1-03"]["options"][0]["why"]["id"]
    assert why in html
    html = (course / "feedback" / "h-other" / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    assert "PERINGATAN: NIM" in html


def test_released_notebook_validates_only_when_answered(run, tmp_path):
    course, disp = run["course"], run["display"]
    blank = tmp_path / "blank"
    blank.mkdir()
    nb = release(course, QUIZ)
    nbformat.write(nb, blank / f"{QUIZ}.ipynb")
    (blank / "questions.json").write_text(json.dumps(disp))
    proc = run_nbgrader(blank, "validate", f"{QUIZ}.ipynb", check=False)
    assert "VALIDATION FAILED" in proc.stdout + proc.stderr
    filled = tmp_path / "filled"
    filled.mkdir()
    nb = fill(nb, right_answers(course, QUIZ, "2201"), "2201")
    for q in disp["questions"]:
        if q["type"] == "essay":  # a hand-graded case analysis: any answer passes validation
            find_cell(nb, answer_id(q["qid"])).source = "Jawaban analisis kasus."
    nbformat.write(nb, filled / f"{QUIZ}.ipynb")
    (filled / "questions.json").write_text(json.dumps(disp))
    proc = run_nbgrader(filled, "validate", f"{QUIZ}.ipynb", check=False)
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout + proc.stderr
    proc = run_nbgrader(course, "validate", f"source/{QUIZ}/{QUIZ}.ipynb", check=False)
    assert "Success! Your notebook passes all the tests." in proc.stdout, proc.stdout + proc.stderr
