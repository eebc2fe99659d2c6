"""exercises_cli.py on its own: `coursekit exercises check` and `coursekit exercises autograde` as
a lecturer runs them (python -m coursekit.cli): the bank checked with every problem named (file,
line, field, what is allowed) and a count; a wrong argument, an empty or busy course is one clear
message and an exit code (2 usage, 1 problems or nothing to grade, 75 busy), never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from coursekit.classgrader.exercises_cli import find_root
from coursekit.classgrader.lock import Lock
from tests.support import classroom

from .conftest import refused, run_all

QUIZ = "kuis-1"
REPO = classroom.REPO


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "coursekit.cli", "exercises", *args]


def broken_bank(folder):
    """A copy of the bank with two items broken (a bad value, no correct option)."""
    shutil.copytree(classroom.EXERCISES / "bank", folder / "bank")
    shutil.copy(classroom.EXERCISES / "quizzes.yaml", folder)
    path = folder / "bank" / "m1.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("    bloom: remember\n", "    bloom: memorise\n"),
                     ("- {id: sama-publik, correct: true, text:", "- {id: sama-publik, text:")):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return folder


USAGE = {
    "no-action": (["exercises"], "coursekit exercises: error: the following arguments are required: ACTION"),
    "bad-action": (["exercises", "grade"], "argument ACTION: invalid choice: 'grade'"),
    "no-quiz": (["exercises", "autograde"], "the following arguments are required: quiz"),
    "timeout": (["exercises", "autograde", QUIZ, "--timeout", "soon"],
                "argument --timeout: invalid float value: 'soon'"),
    "lang": (["exercises", "autograde", QUIZ, "--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
}


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    broken = broken_bank(tmp_path_factory.mktemp("broken"))
    empty, other = tmp_path_factory.mktemp("empty"), tmp_path_factory.mktemp("other")
    for folder in (empty, other):  # two courses: two runs on one course, side by side, would collide
        (folder / "submitted").mkdir()
    runs = {
        **{name: (args[1:], None) for name, (args, _) in USAGE.items()},
        "check": (["check", "--course", str(classroom.EXERCISES)], None),
        "check-here": (["check"], REPO),
        "check-broken": (["check", "--course", str(broken)], None),
        "none-en": (["autograde", QUIZ, "--course", str(empty), "--lang", "en"], None),
        "none-id": (["autograde", QUIZ, "--course", str(other), "--lang", "id"],
                    None),
    }
    return {"broken": broken, "empty": empty}, run_all(
        {name: (command(*args), cwd) for name, (args, cwd) in runs.items()})


@pytest.mark.parametrize("name", USAGE)
def test_a_wrong_argument_is_a_usage_error(ran, name):
    err = refused(ran[1][name], 2)
    assert err.startswith("usage: coursekit exercises") and USAGE[name][1] in err


def test_the_repositorys_bank_is_ok(ran):
    for name in ("check", "check-here"):  # from the repository, exercises/ is found
        proc = ran[1][name]
        assert proc.returncode == 0 and proc.stderr == ""
        assert proc.stdout.startswith("bank OK: ") and proc.stdout.endswith(" items, 3 quizzes\n")


def test_every_problem_of_the_bank_is_named_then_counted(ran):
    err = refused(ran[1]["check-broken"], 1)
    assert err.splitlines() == [
        "bank/m1.yaml:7: items[0].bloom: 'memorise' is not allowed; allowed: analyse, apply, create, "
        "evaluate, remember, understand",
        "bank/m1.yaml:27: items[1].options: a single-choice question needs exactly one correct option, "
        "has 0 (mark it 'correct: true')",
        "2 problem(s) found in the question bank"]


def test_autograde_without_submissions_says_where_it_looked(ran):
    folders, procs = ran
    where = folders["empty"].resolve() / "submitted"
    assert refused(procs["none-en"], 1) == f"No submissions for {QUIZ} in {where}\n"
    assert refused(procs["none-id"], 1).startswith(f"Tidak ada kiriman untuk {QUIZ} di ")


def test_autograde_stops_while_another_run_holds_the_course(tmp_path):
    with Lock(tmp_path) as held:
        held.acquire(wait=False)
        proc = subprocess.run(command("autograde", QUIZ, "--course", str(tmp_path), "--lang", "id"),
                              capture_output=True, text=True, env=classroom.nbgrader_env(), timeout=120)
    err = refused(proc, 75)
    assert err.startswith("coursekit: Penilaian lain sedang berjalan (pid ")
    assert "jalankan dengan --wait" in err


def test_a_course_folder_that_does_not_exist_is_a_clear_error(tmp_path):
    missing = tmp_path / "kelas-a"
    proc = subprocess.run(command("autograde", QUIZ, "--course", str(missing), "--lang", "en"),
                          capture_output=True, text=True, env=classroom.nbgrader_env(), timeout=120)
    err = refused(proc, 2)
    assert err.startswith("coursekit: ") and str(missing) in err


# find_root

def test_the_course_given_is_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    assert find_root(str(tmp_path)) == tmp_path


def test_from_the_repository_exercises_is_the_root(monkeypatch):
    monkeypatch.chdir(REPO)
    assert find_root(None) == REPO / "exercises"


def test_elsewhere_the_current_folder_is_the_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert find_root(None) == tmp_path
    (tmp_path / "exercises").mkdir()  # without a bank it is not the exercises folder
    assert find_root(None) == tmp_path
