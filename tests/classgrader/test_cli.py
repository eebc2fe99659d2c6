"""cli.py on its own: `coursekit grade`, `export-items` and `report` as a lecturer runs them
(python -m coursekit.cli): a wrong argument or a course not ready is one clear line on stderr and
an exit code (2 usage or nothing to do, 75 busy), never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from coursekit.classgrader.lock import Lock
from tests.support import classroom

from .conftest import refused, run_all
from .generated import QUIZ, fresh, generate


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True,
                          env=classroom.nbgrader_env(), timeout=120)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "coursekit.cli", *args]


USAGE = {
    "no-assignment": (["grade"], "coursekit grade: error: the following arguments are required: assignment"),
    "jobs": (["grade", QUIZ, "--jobs", "x"], "argument --jobs: invalid int value: 'x'"),
    "lang": (["grade", QUIZ, "--lang", "fr"], "argument --lang: invalid choice: 'fr'"),
    "typo": (["grade", QUIZ, "--studnet", "x"], "coursekit: error: unrecognized arguments: --studnet x"),
    "export": (["export-items"], "coursekit export-items: error: the following arguments are required: "
               "assignment"),
    "report": (["report", QUIZ, "--lang", "de"], "argument --lang: invalid choice: 'de'"),
}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A generated course (gradebook, release), nothing handed in."""
    return generate(tmp_path_factory.mktemp("cli"))


@pytest.fixture(scope="module")
def ran(course, tmp_path_factory):
    # one course per grade command: grade runs on one course, side by side, would be refused (busy)
    c, c2, c3 = str(course), *(str(fresh(course, tmp_path_factory.mktemp("copy"))) for _ in range(2))
    return run_all({name: (command(*args), None) for name, args in {
        **{name: args for name, (args, _) in USAGE.items()},
        "export-en": ["export-items", QUIZ, "--course", c, "--lang", "en"],
        "report-en": ["report", QUIZ, "--course", c, "--lang", "en"],
        "report-id": ["report", QUIZ, "--course", c, "--lang", "id"],
        "grade-none": ["grade", QUIZ, "--course", c, "--lang", "en"],
        "grade-student": ["grade", QUIZ, "--course", c2, "--student", "2301*", "--lang", "id"],
        "grade-kuis-2": ["grade", "kuis-2", "--course", c3, "--lang", "en"],
    }.items()})


@pytest.mark.parametrize("name", USAGE)
def test_a_wrong_argument_is_a_usage_error(ran, name):
    err = refused(ran[name], 2)
    assert err.startswith("usage: coursekit") and USAGE[name][1] in err


@pytest.mark.parametrize("name", ["export-en", "report-en"])
def test_export_and_report_before_grading_say_what_to_run(ran, course, name):
    path = course / ".coursekit" / QUIZ / "responses.csv"
    assert refused(ran[name], 2) == (f"coursekit: No graded responses for {QUIZ} yet ({path} does not "
                                     f"exist). Run `coursekit grade {QUIZ}` first.\n")


def test_the_lecturers_language(ran):
    assert refused(ran["report-id"], 2).startswith(f"coursekit: Belum ada jawaban yang dinilai untuk {QUIZ}")
    assert refused(ran["grade-student"], 2).startswith(f"coursekit: Tidak ada kiriman untuk {QUIZ} di ")


def test_grade_without_submissions_says_where_it_looked(ran, course):
    assert refused(ran["grade-none"], 2) == \
        f"coursekit: No submissions for {QUIZ} in {course / 'submitted' / '*' / QUIZ}\n"


def test_grade_of_an_assignment_never_generated(ran):
    err = refused(ran["grade-kuis-2"], 2)
    assert err.startswith("coursekit: Assignment kuis-2 is not in the gradebook sqlite:///")
    assert "run `nbgrader generate_assignment kuis-2` first" in err


def test_grade_outside_a_course_says_so_and_leaves_the_folder_as_it_was(tmp_path):
    err = refused(run("grade", QUIZ, "--course", str(tmp_path), "--lang", "en"), 2)
    assert err.startswith(f"coursekit: {tmp_path} is not an nbgrader course folder")
    assert list(tmp_path.iterdir()) == []


def test_grade_stops_while_another_run_holds_the_course(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("")
    with Lock(tmp_path) as held:
        held.acquire(wait=False)
        err = refused(run("grade", QUIZ, "--course", str(tmp_path), "--lang", "en"), 75)
    assert err.startswith("coursekit: Another grading run is in progress (pid ")
    assert err.rstrip().endswith("Wait for it to finish, or run with --wait.")
    assert not (tmp_path / "gradebook.db").exists()  # stopped before anything was opened


def test_a_course_folder_that_does_not_exist_is_a_clear_error(tmp_path):
    missing = tmp_path / "kuis-kelas-a"
    err = refused(run("grade", QUIZ, "--course", str(missing), "--lang", "en"), 2)
    assert err.startswith("coursekit: ") and str(missing) in err
