"""A generated nbgrader course (kuis-1 and kuis-3, the real `nbgrader generate_assignment`), built
once per test session; tests copy it and hand in simulated submissions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import classroom

REPO = Path(__file__).resolve().parents[2]
QUIZ = "kuis-1"
COURSEKIT = str(Path(sys.executable).parent / "coursekit")


@pytest.fixture(scope="session")
def base_course(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("grading-base")
    return classroom.make_course(tmp / "course", REPO / "exercises", (QUIZ, "kuis-3"),
                                 exchange=tmp / "exchange")


@pytest.fixture
def course(base_course, tmp_path) -> Path:
    """A fresh copy of the generated course, nothing handed in yet."""
    target = tmp_path / "course"
    shutil.copytree(base_course, target)
    return target


def grade_cli(course: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`coursekit grade` as a lecturer runs it."""
    return subprocess.run([COURSEKIT, "grade", QUIZ, "--course", str(course), "--lang", "en",
                           *args], capture_output=True, text=True, timeout=timeout,
                          env=classroom.nbgrader_env())


def lines_by_student(stdout: str) -> dict[str, str]:
    return {ln.split()[0]: ln for ln in stdout.splitlines() if ln[:1].isdigit()}


def run_all(commands: dict) -> dict:
    """{name: CompletedProcess} of {name: (argv, cwd)} run side by side (each is a second of
    imports)."""
    procs = {name: subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, cwd=cwd, env=classroom.nbgrader_env())
             for name, (argv, cwd) in commands.items()}
    out = {}
    for name, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=120)
        out[name] = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    return out


def refused(proc, code: int) -> str:
    """The one stderr message of a refused command (and nothing on stdout)."""
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    return proc.stderr
