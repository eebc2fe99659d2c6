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
from functools import cache
from pathlib import Path

from ..gradedquiz.answers import echo, parse_answer, parse_identity
from ..gradedquiz.protocol import IDENTITY, answer_id, cells_by_id, source_of, test_id
from ..gradedquiz.runtime import QUESTIONS_FILE, read_display
from ..gradedquiz.score import format_status
from ..scoring import INVALID
from ..strings import say
from .stock import read_timestamp, regular


def inspect_submission(root: Path, quiz: str, student: str, lang: str = "en",
                       nb=None, stamp: tuple | None = None) -> list[str]:
    """Kernel-free look at a submission: problems a lecturer should know about (bilingual data:
    coursekit/classgrader/strings.yaml, section submission). nb: the notebook already read from the
    submission (read_notebook), which this only reads; stamp: its read_timestamp, if read."""
    def flag(key, **fields):
        return say("classgrader.submission." + key, lang, **fields)

    folder = root / "submitted" / student / quiz
    path = folder / f"{quiz}.ipynb"
    flags = []
    _, bad_stamp = read_timestamp(folder) if stamp is None else stamp
    if bad_stamp:
        flags.append(flag("bad_timestamp"))
    special = special_files(folder)
    if special:
        flags.append(flag("special_files", n=len(special), names=_names(special)))
    others = sorted(p.name for p in folder.glob("*.ipynb") if p.name != path.name)
    if not regular(path):
        if others:
            return [*flags, flag("renamed", expected=f"{quiz}.ipynb", found=_names(others),
                                 student=student)]
        return [*flags, flag("no_notebook", expected=f"{quiz}.ipynb")]
    if others:
        flags.append(flag("extra_notebooks", names=_names(others)))
    try:
        nb = read_notebook(path) if nb is None else nb
    except Exception as err:  # any broken file: the flag says so, grading goes on
        return [*flags, flag("unreadable", error=echo(f"{type(err).__name__}: {err}", 80))]
    display = read_display(root / "source" / quiz / QUESTIONS_FILE)
    by_id = cells_by_id(nb)
    ident = by_id.get(IDENTITY, [])
    declared = parse_identity(source_of(ident[-1]) if ident else None)["NIM"]
    if not declared:
        flags.append(flag("nim_blank"))
    elif declared != student:
        flags.append(flag("nim_differs", declared=echo(repr(declared)), student=student))
    tampered = tampered_cells(nb, master_flags(root / "source" / quiz / f"{quiz}.ipynb"))
    if tampered:
        flags.append(flag("tampered", cells=_names(tampered)))
    for q in display["questions"]:
        qid = q["qid"]
        answers = by_id.get(answer_id(qid), [])
        if len(answers) > 1:
            flags.append(flag("answer_duplicated", qid=qid))
        if q["type"] != "essay":
            tests = by_id.get(test_id(qid), [])
            if not tests:
                flags.append(flag("test_deleted", qid=qid))
            elif len(tests) > 1:
                flags.append(flag("test_duplicated", qid=qid))
            elif source_of(tests[-1]).strip() != f'kuis.periksa("{qid}")':
                flags.append(flag("test_edited", qid=qid))
            if answers and answers[-1].get("cell_type") != "code":
                flags.append(flag("answer_not_code", qid=qid, kind=echo(answers[-1].get("cell_type"))))
            answer = parse_answer(source_of(answers[-1]) if answers else None)
            status = format_status(q, quiz, student, answer)
            if status.status == INVALID:
                flags.append(flag("invalid_answer", qid=qid, reason=echo(status.detail)))
    added = [c for c in nb["cells"]
             if c.get("cell_type") == "code" and not c.get("metadata", {}).get("nbgrader")]
    if added:
        flags.append(flag("added_code", n=len(added)))
    return flags


def _names(names) -> str:
    names = [echo(n) for n in names]
    return ", ".join(names[:5]) + (f", ... ({len(names)})" if len(names) > 5 else "")


def read_notebook(path: Path):
    """A notebook of any nbformat version (3 or 4), as version 4, without running anything."""
    import nbformat
    from nbformat import reader

    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    nb = _read_v4(text)
    if nb is None:  # any other version or shape: nbformat's reader, and its errors
        nb = reader.reads(text)
        nb = nb if nb.nbformat == 4 else nbformat.convert(nb, 4)
    nb["cells"]
    return nb


def _read_v4(text: str):
    """nbformat.reader.reads(text) of a version 4 notebook, 3x faster: the JSON parser makes the
    notebook nodes itself (nbformat converts every dict after parsing); None for anything else."""
    from nbformat import NotebookNode
    from nbformat.v4.rwbase import rejoin_lines, strip_transient

    try:
        nb = json.loads(text, object_hook=NotebookNode)
        if not isinstance(nb, NotebookNode) or nb.get("nbformat") != 4:
            return None
        return strip_transient(rejoin_lines(nb))
    except Exception:
        return None


def special_files(folder: Path) -> list[str]:
    """Paths (relative to folder) of links and special files in a submission, never followed."""
    found = []
    if not os.path.isdir(folder) or os.path.islink(folder):
        return found
    for dirname, dirnames, filenames in os.walk(folder):
        for name in [*dirnames, *filenames]:
            full = os.path.join(dirname, name)
            if os.path.islink(full) or (name in filenames and not regular(full)):
                found.append(os.path.relpath(full, folder))
    return sorted(found)


@cache
def master_flags(path: Path) -> dict:
    """{grade_id: nbgrader metadata} of the master notebook (source/<quiz>/<quiz>.ipynb)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return {c["metadata"]["nbgrader"]["grade_id"]: c["metadata"]["nbgrader"] for c in nb["cells"]
            if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")}


def tampered_cells(nb, master: dict) -> list[str]:
    """Cells whose nbgrader metadata the master does not have, or whose flags were changed."""
    from ..gradedquiz.preprocess import _changed

    out = []
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get("nbgrader")
        if meta is None or meta == {}:
            continue
        gid = meta.get("grade_id") if isinstance(meta, dict) else None
        want = master.get(gid)
        if want is None:
            out.append(str(gid))
            continue
        want = {k: bool(want.get(k, False)) for k in ("grade", "solution", "locked", "task")} | \
            ({"points": float(want["points"])} if want.get("grade") else {})
        if _changed(meta, want):
            out.append(gid)
    return out


def autograde_all(root: Path, quiz: str, students: list[str] | None = None, timeout: float = 300,
                  lang: str = "en") -> int:
    """Under the course's grading lock (the one `coursekit grade` and `nbgrader autograde` take;
    the nbgrader calls below are let through by COURSEKIT_GRADE_LOCK_PID)."""
    from .lock import Busy, Lock
    from .stock import LOCK_PID_ENV

    root = Path(root).resolve()
    lock = Lock(root)
    try:
        lock.acquire(wait=False)
    except Busy as busy:
        print("coursekit: " + say("classgrader.messages.locked_stop", lang, who=busy.describe(lang),
                                   path=busy.path), file=sys.stderr)
        return 75
    try:
        return _autograde_all(root, quiz, students, timeout, lang,
                              {LOCK_PID_ENV: str(os.getpid())})
    finally:
        lock.release()


def _autograde_all(root: Path, quiz: str, students, timeout: float, lang: str, extra: dict) -> int:
    submitted = root / "submitted"
    if students is None:
        students = sorted(p.parent.name for p in submitted.glob(f"*/{quiz}") if p.is_dir())
    if not students:
        print(say("classgrader.messages.no_submissions", lang, assignment=quiz, path=submitted),
              file=sys.stderr)
        return 1
    from . import stock

    env = stock.environment(os.environ.get("USER") or "instructor", **extra)
    failed, flagged, start = [], [], time.monotonic()
    for n, student in enumerate(students, 1):
        flags = inspect_submission(root, quiz, student, lang)
        t0 = time.monotonic()
        try:
            proc = stock.run(root, "autograde", quiz, "--student", student, "--force", env=env,
                             timeout=timeout)
            ok, log = proc.returncode == 0, proc.stdout + proc.stderr
        except subprocess.TimeoutExpired:
            ok, log = False, say("classgrader.messages.timed_out_log", lang, seconds=timeout)
        if not ok:
            failed.append(student)
            flags.append(say("classgrader.submission.nbgrader_failed", lang,
                             error=echo(_last_error(log), 200)))
        elif flags:
            flagged.append(student)
        state = say("classgrader.states." + ("failed" if not ok else ("flag" if flags else "ok")), lang)
        print(f"[{n}/{len(students)}] {student:<14} {state:<6} {time.monotonic() - t0:5.1f}s  "
              + ("; ".join(flags) if flags else "-"), flush=True)
    print(say("classgrader.messages.batch_summary", lang, quiz=quiz, n=len(students),
              graded=len(students) - len(failed), flagged=len(flagged), failed=len(failed),
              seconds=time.monotonic() - start)
          + (say("classgrader.messages.batch_failed", lang, students=", ".join(failed)) if failed else ""))
    return 0 if not failed else 3


def _last_error(log: str) -> str:
    lines = [ln.strip() for ln in log.splitlines() if re.match(r"\s*[\w.]*(Error|Exception)\b.*:", ln)]
    lines = lines or [ln.strip() for ln in log.splitlines() if "ERROR" in ln]
    return (lines[-1] if lines else (log.strip().splitlines() or ["unknown error"])[-1])[:200]
