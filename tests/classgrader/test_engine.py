"""`coursekit grade` on a generated course: every hostile case of the graded quizzes issue, a
line per student, the batch always finishes, student code never runs, re-runs give the same
gradebook, one student or all, one grading run per course at a time; nbgrader's own
generate_feedback and export work on the result."""

from __future__ import annotations

import contextlib
import csv
import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from coursekit.classgrader.lock import Lock
from tests.support import classroom

from .conftest import COURSEKIT, QUIZ, grade_cli, lines_by_student

pytestmark = pytest.mark.slow
REALISTIC = 6
_QS = json.loads((Path(__file__).resolve().parents[2] / "exercises" / "source" / QUIZ / "questions.json")
                 .read_text(encoding="utf-8"))["questions"]
FULL = float(sum(q["points"] for q in _QS if q["type"] != "essay"))  # kuis-1's auto-graded points
MAX = float(sum(q["points"] for q in _QS))  # with the case analysis graded by hand
AUTO = sum(1 for q in _QS if q["type"] != "essay")  # auto-graded questions


@pytest.fixture(scope="module")
def graded(base_course, tmp_path_factory):
    course = tmp_path_factory.mktemp("graded") / "course"
    shutil.copytree(base_course, course)
    handed = classroom.hand_in(course, QUIZ, len(classroom.HOSTILE) + REALISTIC, seed=3)
    start = time.monotonic()
    proc = grade_cli(course)
    seconds = time.monotonic() - start
    from coursekit.classgrader import nbgrader_compat

    nbgrader_compat.load()
    return {"course": course, "proc": proc, "seconds": seconds,
            "kind": {h.kind: h.student for h in handed},
            "students": [h.student for h in handed],
            "scores": classroom.cell_scores(course, QUIZ),
            "lines": lines_by_student(proc.stdout)}


def _total(g, kind):
    return g["scores"][(g["kind"][kind], None, None)][0]


def _cell(g, kind, qid):
    return g["scores"][(g["kind"][kind], QUIZ, f"nilai-{qid}")][0]


def test_batch_finishes_with_a_line_per_student(graded):
    proc = graded["proc"]
    assert proc.returncode == 3, proc.stderr  # 3: some submissions could not be graded
    assert set(graded["lines"]) == set(graded["students"])
    summary = proc.stdout.strip().splitlines()[-1]
    failed = {s for s, line in graded["lines"].items() if " FAILED " in line}
    assert summary.startswith(f"Summary of {QUIZ}: ") and f"{len(failed)} failed" in summary
    # as stock nbgrader with the course's configuration (see test_equivalence)
    assert failed == {graded["kind"]["truncated-json"], graded["kind"]["renamed-notebook"]}
    assert "NotJSONError" in graded["lines"][graded["kind"]["truncated-json"]]
    assert "renamed" in graded["lines"][graded["kind"]["renamed-notebook"]]
    assert "graded" in proc.stderr  # progress with counts


def test_every_submission_has_its_gradebook_rows(graded):
    students = {k[0] for k in graded["scores"]}
    assert students == set(graded["students"])
    for sid in graded["students"]:
        assert all((sid, QUIZ, f"nilai-q{n:02d}") in graded["scores"] for n in range(1, 18))


def test_plain_outcomes(graded):
    assert _total(graded, "all-correct") == FULL
    assert _total(graded, "odd-format") == FULL  # "B ", "b)", "(b)", "  C" read as letters
    assert _total(graded, "all-wrong") == 0
    assert _total(graded, "blank") == 0
    assert "NIM blank" in graded["lines"][graded["kind"]["blank"]]
    comments = [v for k, v in graded["scores"].items()
                if k[0] == graded["kind"]["blank"] and str(k[2]).startswith("comment:jawaban")]
    assert comments and all(c == ("No response.",) for c in comments)


@pytest.mark.parametrize("kind, zero, reason", [
    ("unknown-option", ["q01", "q02", "q08"], "unknown-option"),
    ("syntax-error", ["q01"], "syntax-error"),
    ("code-not-value", ["q01", "q02"], "not-a-value"),
    ("answer-cell-deleted", ["q01"], "answer-cell-missing"),
    ("infinite-loop", ["q01"], "several-statements"),
    ("huge-output", ["q01"], "several-statements"),
])
def test_bad_answers_score_zero_on_their_question_only(graded, kind, zero, reason):
    assert all(_cell(graded, kind, q) == 0 for q in zero)
    others = [f"q{n:02d}" for n in range(1, 18) if f"q{n:02d}" not in zero]
    assert all(_cell(graded, kind, q) > 0 for q in others)
    assert reason in graded["lines"][graded["kind"][kind]]


@pytest.mark.parametrize("kind, flag", [
    ("test-cell-deleted", "test cell deleted"),
    ("test-cell-edited", None),
    ("code-to-markdown", "changed to markdown"),
    ("added-code-cell", "added by the student, not executed"),
])
def test_tampering_is_undone(graded, kind, flag):
    assert _total(graded, kind) == FULL  # the master's test cells and points come back
    assert graded["scores"][(graded["kind"][kind], None, None)][1] == MAX
    if flag:
        assert flag in graded["lines"][graded["kind"][kind]]


def test_duplicated_cells_do_not_stop_the_batch(graded):
    for kind in ("test-cell-duplicated", "answer-cell-duplicated"):
        assert graded["kind"][kind] in graded["lines"]
        assert "duplicated" in graded["lines"][graded["kind"][kind]]


def test_other_students_variant_is_flagged(graded):
    line = graded["lines"][graded["kind"]["other-variant"]]
    assert "differs from submitter" in line
    assert _total(graded, "other-variant") < FULL


def test_student_code_never_ran(graded):
    assert classroom.canary_found(graded["course"].parent) == []


def test_huge_output_is_not_kept(graded):
    path = graded["course"] / "autograded" / graded["kind"]["huge-output"] / QUIZ / f"{QUIZ}.ipynb"
    assert path.stat().st_size < 1_000_000


def test_autograded_notebooks_where_nbgrader_puts_them(graded):
    for sid, line in graded["lines"].items():
        folder = graded["course"] / "autograded" / sid / QUIZ
        if " FAILED " in line:
            assert not folder.exists()
        else:
            nb = json.loads((folder / f"{QUIZ}.ipynb").read_text(encoding="utf-8"))
            assert (folder / "questions.json").exists() and (folder / "timestamp.txt").exists()
            tests = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade")
                     and c["cell_type"] == "code"]
            assert len(tests) == AUTO and all(c.get("outputs") for c in tests)


def test_nbgrader_feedback_and_export_work_afterwards(graded, tmp_path):
    course = tmp_path / "course"
    classroom.copy_course(graded["course"], course)  # never follows a student's links
    classroom.run_nbgrader(course, "generate_feedback", QUIZ, exchange=tmp_path / "exchange")
    sid = graded["kind"]["all-wrong"]
    html = (course / "feedback" / sid / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    from coursekit.strings import say

    lines = [f"q01: {say('widgets.quiz.status.incorrect', lang)} "
             f"({say('widgets.quiz.points', lang, points='0', max='1')})" for lang in ("id", "en")]
    assert any(line in html for line in lines), lines
    classroom.run_nbgrader(course, "export", exchange=tmp_path / "exchange")
    rows = [r for r in (course / "grades.csv").read_text(encoding="utf-8").splitlines()
            if r.startswith(f"{QUIZ},")]
    assert sorted(r.split(",")[3] for r in rows) == sorted(graded["students"])


def test_export_lists_every_student_even_the_ungraded(graded, tmp_path):
    out = tmp_path / "items.csv"
    proc = subprocess.run([COURSEKIT, "export-items", QUIZ, "--course", str(graded["course"]),
                           "-o", str(out), "--lang", "en"], capture_output=True, text=True,
                          env=classroom.nbgrader_env())
    assert proc.returncode == 0, proc.stderr
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(_QS) * len(graded["students"])
    assert {r["student_id"] for r in rows} == set(graded["students"])
    broken = [r for r in rows if r["student_id"] == graded["kind"]["truncated-json"]]
    assert {r["status"] for r in broken} == {"missing"} and {r["score"] for r in broken} == {""}
    right = [r for r in rows if r["student_id"] == graded["kind"]["all-correct"]]
    essays = {q["qid"] for q in _QS if q["type"] == "essay"}
    assert {r["status"] for r in right if r["question"] not in essays} == {"correct"}
    assert right[0]["total_score"] == str(FULL)


def test_rerun_gives_the_same_gradebook(graded, tmp_path):
    course = tmp_path / "course"
    classroom.copy_course(graded["course"], course)  # never follows a student's links
    before = _notebooks(course)
    proc = grade_cli(course)
    assert proc.returncode == 3
    assert classroom.cell_scores(course, QUIZ) == graded["scores"]
    assert _notebooks(course) == before
    assert lines_by_student(proc.stdout) == graded["lines"]


def test_one_student_then_all(graded, course):
    classroom.hand_in(course, QUIZ, len(classroom.HOSTILE) + REALISTIC, seed=3)
    one = graded["kind"]["odd-format"]
    proc = grade_cli(course, "--student", one)
    assert proc.returncode == 0, proc.stderr
    assert set(lines_by_student(proc.stdout)) == {one}
    scores = classroom.cell_scores(course, QUIZ)
    assert {k[0] for k in scores} == {one}
    assert scores == {k: v for k, v in graded["scores"].items() if k[0] == one}
    assert not (course / "autograded" / graded["kind"]["blank"]).exists()
    assert grade_cli(course, "--student", "2301000[1-3]").returncode == 0
    assert {k[0] for k in classroom.cell_scores(course, QUIZ)} == {
        one, *graded["students"][:3]}
    assert grade_cli(course).returncode == 3
    assert classroom.cell_scores(course, QUIZ) == graded["scores"]


def test_a_second_run_stops_with_a_clear_message(course):
    classroom.hand_in(course, QUIZ, 3, seed=5, hostile=False)
    with Lock(course) as lock:
        lock.acquire()
        proc = grade_cli(course)
    assert proc.returncode == 75
    assert "Another grading run is in progress (pid " in proc.stderr and "--wait" in proc.stderr
    assert proc.stdout == ""
    assert not (course / "autograded").exists()


def test_a_second_run_with_wait_waits_then_grades(course):
    classroom.hand_in(course, QUIZ, 3, seed=5, hostile=False)
    lock = Lock(course)
    lock.acquire()
    err = (course.parent / "stderr.txt").open("w+")
    try:
        proc = subprocess.Popen([COURSEKIT, "grade", QUIZ, "--course", str(course), "--wait",
                                 "--lang", "en"], stdout=subprocess.PIPE, stderr=err, text=True,
                                env=classroom.nbgrader_env())
        _until(lambda: "wait" in (course.parent / "stderr.txt").read_text(), 60, "its wait line")
        assert proc.poll() is None  # still waiting: we hold the lock
        assert not (course / "autograded").exists()
    finally:
        lock.release()
    out, _ = proc.communicate(timeout=120)
    err.close()
    assert proc.returncode == 0
    assert len(lines_by_student(out)) == 3


def test_two_runs_at_once_one_writer(course):
    classroom.hand_in(course, QUIZ, 12, seed=6, hostile=False)
    cmd = [COURSEKIT, "grade", QUIZ, "--course", str(course), "--lang", "en"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=classroom.nbgrader_env()) for _ in range(2)]
    codes = sorted(p.wait(timeout=180) for p in procs)
    assert codes == [0, 75]
    once = classroom.cell_scores(course, QUIZ)
    assert len({k[0] for k in once}) == 12
    procs = [subprocess.Popen([*cmd, "--wait"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=classroom.nbgrader_env()) for _ in range(2)]
    assert [p.wait(timeout=180) for p in procs] == [0, 0]
    assert classroom.cell_scores(course, QUIZ) == once


def test_clear_messages_without_work(course):
    proc = grade_cli(course)
    assert proc.returncode == 2 and "no submissions" in proc.stderr.lower()
    proc = subprocess.run([COURSEKIT, "grade", "kuis-9", "--course", str(course), "--lang", "en"],
                          capture_output=True, text=True, env=classroom.nbgrader_env())
    assert proc.returncode == 2 and "kuis-9" in proc.stderr


def _notebooks(course: Path) -> dict:
    """Every autograded notebook, without cell ids (nbgrader gives restored cells new ones)."""
    out = {}
    for path in sorted((course / "autograded").rglob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            cell.pop("id", None)
        out[str(path.relative_to(course))] = nb
    return out


def test_feedback_holds_only_the_students_own_questions(graded, tmp_path):
    """Issue 8, finding 8: released feedback shows the student's own questions, answers, right
    answers and rationales; no hidden test, no key, nothing of items the student never saw."""
    from coursekit.classgrader.responses import master

    course = tmp_path / "course"
    classroom.copy_course(graded["course"], course)  # never follows a student's links
    classroom.run_nbgrader(course, "generate_feedback", QUIZ, exchange=tmp_path / "exchange")
    display, keys = master(course / "source" / QUIZ)
    from coursekit.gradedquiz.variant import slot

    sid = graded["kind"]["all-wrong"]
    html = (course / "feedback" / sid / QUIZ / f"{QUIZ}.html").read_text(encoding="utf-8")
    for word in ("HIDDEN TESTS", "coursekit.gradedquiz.hidden", "'correct'", "&#39;correct&#39;",
                 "accepted", "keys/"):
        assert word not in html, word
    seen = others = 0
    for q in display["questions"]:
        if q["type"] == "essay":
            continue
        mine = slot(q, QUIZ, sid).item
        for item, key in keys[q["qid"]].items():
            whys = [o["why"]["id"] for o in key.get("options", {}).values()] + \
                [e["why"]["id"] for e in key.get("left", {}).values()] + \
                ([key["why"]["id"]] if "why" in key else [])
            for why in whys:
                from html import escape

                found = escape(why, quote=True) in html or why in html
                if item == mine:
                    seen += found
                else:
                    others += found
    assert seen > 10 and others == 0


def test_stock_autograde_refuses_while_coursekit_grades(course):
    """Finding 4: one lock for both paths; nbgrader autograde stops clearly, changes nothing."""
    classroom.hand_in(course, QUIZ, 2, seed=5, hostile=False)
    with Lock(course) as lock:
        lock.acquire()
        proc = classroom.run_nbgrader(course, "autograde", QUIZ, check=False)
    assert proc.returncode == 75, proc.stdout + proc.stderr
    assert "another grading run is in progress" in proc.stderr
    assert str(__import__("os").getpid()) in proc.stderr
    assert not (course / "autograded").exists()
    proc = classroom.run_nbgrader(course, "autograde", QUIZ, check=False)  # free again
    assert proc.returncode == 0 and (course / "autograded").exists()


def test_coursekit_grade_refuses_while_stock_autograde_runs(course):
    classroom.hand_in(course, QUIZ, 6, seed=5, hostile=False)
    stock = subprocess.Popen([*classroom.nbgrader_cmd(), "autograde", QUIZ], cwd=course,
                             env=classroom.nbgrader_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        _until(lambda: (course / "autograded").exists(), what="stock's first autograded folder")
        proc = grade_cli(course)
        assert proc.returncode == 75 and "Another grading run is in progress" in proc.stderr
        assert "nbgrader autograde" in proc.stderr
    finally:
        stock.wait(600)
    assert stock.returncode == 0
    scores = classroom.cell_scores(course, QUIZ)
    assert len({k[0] for k in scores}) == 6  # no grade lost


def _until(check, timeout: float = 120.0, what: str = "") -> None:
    """Wait for an event (check() true), looking every 20 ms; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what or check}"
        time.sleep(0.02)


def _grading_started(course) -> bool:
    """At least one student's autograded notebook is written."""
    return any((course / "autograded").glob(f"*/{QUIZ}/{QUIZ}.ipynb"))


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] == "Z"
    except OSError:
        return True


def _workers_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


def _start(course, jobs=2):
    return subprocess.Popen([COURSEKIT, "grade", QUIZ, "--course", str(course), "--jobs",
                             str(jobs), "--lang", "en"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=classroom.nbgrader_env())


def test_a_killed_worker_fails_one_student_and_the_batch_completes(course):
    """Finding 3: kill -9 of a worker: detected, that student fails (or was done), the rest is
    graded, the run ends and frees the lock."""
    import os
    import signal

    handed = classroom.hand_in(course, QUIZ, 150, seed=5, hostile=False)
    proc = _start(course)
    _until(lambda: _grading_started(course) or proc.poll() is not None, what="grading")
    workers = _workers_of(proc.pid)
    assert workers, proc.communicate()
    with contextlib.suppress(ProcessLookupError):  # (a worker may just have finished)
        os.kill(workers[0], signal.SIGKILL)
    out, err = proc.communicate(timeout=600)
    lines = lines_by_student(out)
    assert set(lines) == {h.student for h in handed}, err
    died = [s for s, ln in lines.items() if "grading process died" in ln]
    failed = [ln for ln in lines.values() if " FAILED " in ln]
    assert len(died) <= 1 and len(failed) == len(died), failed
    assert proc.returncode == (3 if died else 0)
    with Lock(course) as lock:
        lock.acquire()


def test_ctrl_c_stops_cleanly_and_kill_9_leaves_no_lock(course):
    import os
    import signal

    classroom.hand_in(course, QUIZ, 300, seed=5, hostile=False)
    proc = _start(course)
    _until(lambda: _grading_started(course) or proc.poll() is not None, what="grading")
    proc.send_signal(signal.SIGINT)  # while most of the class is still to grade
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Stopped (Ctrl-C)" in err and "Traceback" not in err
    with Lock(course) as lock:
        lock.acquire()
    # kill -9 of the main process: its workers go too, and the lock is free at once
    proc = _start(course)
    _until(lambda: _workers_of(proc.pid) or proc.poll() is not None, what="workers")
    workers = _workers_of(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    _until(lambda: all(not os.path.exists(f"/proc/{w}") or _zombie(w) for w in workers), 30,
           "the workers to go with their parent")
    with Lock(course) as lock:
        lock.acquire()


def test_formgrader_autograde_takes_the_same_lock(course):
    """The in-process autograde formgrader runs (NbGraderAPI.autograde) refuses while another
    grading run holds the course, with the message, instead of writing the gradebook."""
    import sys

    sid = classroom.hand_in(course, QUIZ, 1, seed=5, hostile=False)[0].student
    script = f"""
import json
from nbgrader.apps.api import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader
cfg = PyFileConfigLoader("nbgrader_config.py", path={str(course)!r}).load_config()
coursedir = CourseDirectory(config=cfg)
coursedir.root = {str(course)!r}
print(json.dumps(NbGraderAPI(coursedir, config=cfg).autograde({QUIZ!r}, {sid!r})))
"""
    with Lock(course) as lock:
        lock.acquire()
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              cwd=course, env=classroom.nbgrader_env(), timeout=300)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not result["success"]
    assert "another grading run is in progress" in result.get("error", "") + result.get("log", "")
    assert not (course / "autograded" / sid).exists()


def test_summary_lines_speak_the_lecturers_language():
    """`coursekit grade --lang id` prints Indonesian: the state column, notes and the summary."""
    import io

    from coursekit.classgrader.engine import Summary, print_summary
    from coursekit.classgrader.worker import Outcome

    ok = Outcome("s1", notebooks={"kuis-1": {"grades": {"q1": 1.0, "q2": None}}})
    bad = Outcome("s2", state="failed", error="x")
    for lang, words in (("id", ("GAGAL", "dinilai manual", "Ringkasan kuis-1")),
                        ("en", ("FAILED", "manual", "Summary of kuis-1"))):
        out = io.StringIO()
        print_summary(Summary("kuis-1", [ok, bad], 1.0), lang, stream=out)
        assert all(w in out.getvalue() for w in words), out.getvalue()
