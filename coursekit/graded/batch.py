"""Autograde a class with stock `nbgrader autograde`, one student per call, so one bad submission
(nbgrader stops a whole batch on e.g. a duplicated cell id or an unreadable notebook) never stops
the others; print one line per student with what was found, and a summary."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from ..scoring import INVALID
from .answers import parse_answer, parse_identity
from .cells import IDENTITY, answer_id, find_cells, source_of, test_id
from .runtime import QUESTIONS_FILE
from .score import format_status


def inspect_submission(root: Path, quiz: str, student: str) -> list[str]:
    """Kernel-free look at a submitted notebook: problems a lecturer should know about."""
    folder = root / "submitted" / student / quiz
    path = folder / f"{quiz}.ipynb"
    if not path.exists():
        others = sorted(p.name for p in folder.glob("*.ipynb"))
        if others:
            return [f"notebook renamed: expected {quiz}.ipynb, found {', '.join(others)} (not graded; "
                    f"rename it to {quiz}.ipynb and run again with --student {student})"]
        return [f"no notebook {quiz}.ipynb submitted"]
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
        nb["cells"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as err:
        return [f"notebook unreadable (broken JSON: {str(err)[:60]}); scored 0"]
    flags = []
    display = json.loads((root / "source" / quiz / QUESTIONS_FILE).read_text(encoding="utf-8"))
    ident = find_cells(nb, IDENTITY)
    declared = parse_identity(source_of(ident[-1]) if ident else None)["NIM"]
    if not declared:
        flags.append("NIM blank")
    elif declared != student:
        flags.append(f"NIM {declared!r} differs from submitter {student!r} (graded as {student})")
    for q in display["questions"]:
        qid = q["qid"]
        answers = find_cells(nb, answer_id(qid))
        if len(answers) > 1:
            flags.append(f"{qid} answer cell duplicated (last one graded)")
        if q["type"] != "essay":
            tests = find_cells(nb, test_id(qid))
            if not tests:
                flags.append(f"{qid} test cell deleted (restored from the gradebook)")
            elif len(tests) > 1:
                flags.append(f"{qid} test cell duplicated (copies ignored)")
            elif source_of(tests[-1]).strip() != f'kuis.periksa("{qid}")':
                flags.append(f"{qid} test cell edited (restored from the gradebook)")
            if answers and answers[-1].get("cell_type") != "code":
                flags.append(f"{qid} answer cell changed to {answers[-1].get('cell_type')} (read as code)")
            answer = parse_answer(source_of(answers[-1]) if answers else None)
            status = format_status(q, quiz, student, answer)
            if status.status == INVALID:
                flags.append(f"{qid} invalid answer ({status.detail}); scored 0")
    added = [c for c in nb["cells"]
             if c.get("cell_type") == "code" and not c.get("metadata", {}).get("nbgrader")]
    if added:
        flags.append(f"{len(added)} code cell(s) added by the student, not executed")
    return flags


def autograde_all(root: Path, quiz: str, students: list[str] | None = None, timeout: float = 300) -> int:
    root = Path(root).resolve()
    submitted = root / "submitted"
    if students is None:
        students = sorted(p.parent.name for p in submitted.glob(f"*/{quiz}") if p.is_dir())
    if not students:
        print(f"no submissions of {quiz} in {submitted}", file=sys.stderr)
        return 1
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    env.setdefault("USER", "instructor")
    nbgrader = [str(Path(bindir) / "nbgrader")] if (Path(bindir) / "nbgrader").exists() else \
        [sys.executable, "-m", "nbgrader"]
    failed, flagged, start = [], [], time.monotonic()
    for n, student in enumerate(students, 1):
        flags = inspect_submission(root, quiz, student)
        t0 = time.monotonic()
        try:
            proc = subprocess.run([*nbgrader, "autograde", quiz, "--student", student, "--force"],
                                  cwd=root, env=env, capture_output=True, text=True, timeout=timeout)
            ok, log = proc.returncode == 0, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            ok, log = False, f"timed out after {timeout:g} s"
        if not ok:
            failed.append(student)
            flags.append("nbgrader could not grade it: " + _last_error(log))
        elif flags:
            flagged.append(student)
        state = "FAILED" if not ok else ("FLAG" if flags else "ok")
        print(f"[{n}/{len(students)}] {student:<14} {state:<6} {time.monotonic() - t0:5.1f}s  "
              + ("; ".join(flags) if flags else "-"), flush=True)
    print(f"{quiz}: {len(students)} submission(s), {len(students) - len(failed)} graded, "
          f"{len(flagged)} flagged, {len(failed)} failed, {time.monotonic() - start:.1f}s"
          + (f"; failed: {', '.join(failed)}" if failed else ""))
    return 0 if not failed else 3


def _last_error(log: str) -> str:
    lines = [ln.strip() for ln in log.splitlines() if re.match(r"\s*[\w.]*(Error|Exception)\b.*:", ln)]
    lines = lines or [ln.strip() for ln in log.splitlines() if "ERROR" in ln]
    return (lines[-1] if lines else (log.strip().splitlines() or ["unknown error"])[-1])[:200]
