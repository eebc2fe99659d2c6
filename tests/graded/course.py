"""Helpers for the graded-quiz tests: a temporary nbgrader course made from exercises/, the real
nbgrader commands, and submissions written the way students would leave them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

from coursekit.graded import build
from coursekit.graded.bank import load
from coursekit.graded.keys import item_key
from coursekit.graded.protocol import answer_id, find_cell
from coursekit.graded.variant import slot

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
BIN = Path(sys.executable).parent


def env(user: str = "instructor", **extra) -> dict:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "USER": user,
            "LOGNAME": user, **extra}


def make_course(tmp: Path) -> Path:
    course = tmp / "course"
    course.mkdir(parents=True)
    shutil.copy(EXERCISES / "nbgrader_config.py", course)
    shutil.copytree(EXERCISES / "source", course / "source")
    shutil.copytree(EXERCISES / "keys", course / "keys")
    return course


def nbgrader(course_or_cwd: Path, *args: str, user: str = "instructor", exchange: Path | None = None,
             check: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    extra = {"COURSEKIT_EXCHANGE": str(exchange)} if exchange else {}
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course_or_cwd, env=env(user, **extra),
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def bank():
    b, problems = load(EXERCISES)
    assert not problems, problems
    return b


def display(course: Path, quiz: str) -> dict:
    return json.loads((course / "source" / quiz / "questions.json").read_text(encoding="utf-8"))


def right_answers(b, disp: dict, student: str) -> dict:
    """qid -> the right answer (plain data) for this student's variant."""
    out = {}
    for q in disp["questions"]:
        if q["type"] == "essay":
            continue
        s = slot(q, disp["assignment"], student)
        out[q["qid"]] = build._solution(s, item_key(disp["assignment"], b.items[s.item]))
    return out


def wrong_answers(b, disp: dict, student: str) -> dict:
    out = {}
    for q in disp["questions"]:
        if q["type"] == "essay":
            continue
        s = slot(q, disp["assignment"], student)
        key = item_key(disp["assignment"], b.items[s.item])
        if s.type in ("single", "multiple"):
            wrong = [x for x, t in s.letters.items() if not key["options"][t]["correct"]]
            out[q["qid"]] = wrong[0] if s.type == "single" else wrong
        elif s.type == "true-false":
            out[q["qid"]] = "salah" if key["answer"] else "benar"
        elif s.type == "short":
            out[q["qid"]] = "tidak tahu"
        else:  # matching: every pair wrong
            right = build._solution(s, key)
            letters = list(s.right)
            out[q["qid"]] = {n: next(x for x in letters if x != r) for n, r in right.items()}
    return out


def fill(nb, answers: dict, nim: str | None, bahasa: str = "id"):
    """Write answers into a released notebook as a student would (edit the answer cells)."""
    for qid, value in answers.items():
        cell = find_cell(nb, answer_id(qid))
        lines = [ln for ln in cell.source.splitlines() if ln.startswith("#")]
        cell.source = "\n".join([*lines, f"jawaban = {value!r}"]) if not isinstance(value, Raw) \
            else "\n".join([*lines, str(value)])
    if nim is not None:
        ident = find_cell(nb, "identitas")
        lines = [ln for ln in ident.source.splitlines() if ln.startswith("#")]
        ident.source = "\n".join([*lines, f"NIM = {nim!r}", f"BAHASA = {bahasa!r}"])
    return nb


class Raw(str):
    """An answer cell's source line written as is (for hostile submissions)."""


def place(course: Path, student: str, quiz: str, nb=None, name: str | None = None,
          text: str | None = None) -> Path:
    """Put a submission where `nbgrader collect` leaves it."""
    folder = course / "submitted" / student / quiz
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text("2025-01-01 10:00:00.000000 UTC")
    path = folder / (name or f"{quiz}.ipynb")
    path.write_text(text if text is not None else nbformat.writes(nb), encoding="utf-8")
    return path


def release(course: Path, quiz: str):
    return nbformat.read(course / "release" / quiz / f"{quiz}.ipynb", as_version=4)
