"""Stock `nbgrader`: `run()` is the one place it runs as a subprocess (command, environment);
and, against hostile submissions, what exercises/nbgrader_config.py installs (`harden(c, root)`),
so that `nbgrader autograde` behaves as `coursekit grade` does.

- `nbgrader autograde` takes the course's grading lock (lock.py, the one `coursekit grade`
  takes) for the whole run, or stops with a clear message when another grading run holds it
  (exit 75); `coursekit exercises autograde` holds it itself and lets its own nbgrader calls
  through (COURSEKIT_GRADE_LOCK_PID).
- A timestamp.txt that is not a date (or not text) is logged, naming the student, and ignored
  (nbgrader would stop that student); the batch drivers flag it.
- Symlinks and special files (fifos, devices) in a submission are never followed or copied
  (nbgrader would copy /etc/passwd through a link and read /dev/zero forever); a notebook that
  is a link is not graded.
- The autograde converter takes the same lock when it runs inside another process (formgrader's
  autograde button in the Jupyter server), and fails that student with the message when busy.
- The hidden tests find the instructor-only keys (keys/<quiz>.json) through COURSEKIT_KEYS.

These are small wrappers around nbgrader 0.9.6 functions, installed once per process through
nbgrader_compat.patch_stock (the fence around nbgrader's internals).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from datetime import datetime
from pathlib import Path

LOCK_PID_ENV = "COURSEKIT_GRADE_LOCK_PID"
KEYS_ENV = "COURSEKIT_KEYS"
_DONE: dict = {}


def harden(c, root) -> None:
    root = Path(root)
    os.environ[KEYS_ENV] = str(root / "keys")  # this course's (inherited by its kernels)
    if not _DONE.get("patched"):
        _patch()
        _DONE["patched"] = True
    if _command() == "autograde" and "lock" not in _DONE:
        _DONE["lock"] = _take_lock(root)


def _command() -> str:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return args[0] if args and Path(sys.argv[0]).name.startswith("nbgrader") else ""


def _take_lock(root: Path):
    from .lock import Busy, Lock, holds

    parent = os.environ.get(LOCK_PID_ENV, "")
    lock = Lock(root)
    if parent and holds(lock, parent):
        return None  # the batch driver that started this nbgrader holds it
    try:
        lock.acquire(wait=False)
    except Busy as busy:
        from ..strings import say

        print("coursekit: " + say("classgrader.messages.locked_stop_stock", "en", who=busy.describe("en"),
                                   path=busy.path), file=sys.stderr)
        print("coursekit: " + say("classgrader.messages.locked_stop_stock", "id", who=busy.describe("id"),
                                   path=busy.path), file=sys.stderr)
        raise SystemExit(75) from None
    return lock  # held until the process ends


def regular(path) -> bool:
    """A plain file (not a symlink, fifo, device or socket)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def safe_files(files: list[str], log=None) -> list[str]:
    out = []
    for f in files:
        if regular(f):
            out.append(f)
        elif log is not None:
            log.warning("coursekit: %s is a link or a special file; not copied", f)
    return out


def read_timestamp(folder) -> tuple[str | None, bool]:
    """(the timestamp text, or None; whether timestamp.txt is bad: not text, not a date, or not
    a plain file). Never raises."""
    path = Path(folder) / "timestamp.txt"
    if not os.path.lexists(path):
        return None, False
    if not regular(path):
        return None, True
    try:
        with open(path, "rb") as fh:
            raw = fh.read(200)
        text = raw.decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None, True
    if not text:
        return None, False
    try:
        parse_timestamp(text)
    except Exception:  # dateutil raises ValueError, OverflowError, ParserError...
        return None, True
    return text, False


USUAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} UTC")


def parse_timestamp(text: str) -> datetime:
    """nbgrader.utils.parse_utc(text) (naive UTC; it raises on what is not a date), without
    dateutil's parser (0.4 ms) for the form nbgrader's exchange writes (its timestamp_format
    "%Y-%m-%d %H:%M:%S.%f %Z", in UTC)."""
    if USUAL.fullmatch(text):
        with contextlib.suppress(ValueError):  # e.g. 30 February: parse_utc says why
            return datetime.strptime(text[:-4], "%Y-%m-%d %H:%M:%S.%f")
    from nbgrader.utils import parse_utc

    return parse_utc(text)


def _patch() -> None:
    from . import nbgrader_compat

    nbgrader_compat.patch_stock(lambda files: safe_files(files, None), _stock_timestamp,
                                _plain_glob, _locked_start)


def _stock_timestamp(log, dest_path):
    from nbgrader.utils import parse_utc

    text, bad = read_timestamp(dest_path)
    if bad:
        log.warning("coursekit: %s is not a valid timestamp; ignored (flagged)",
                    os.path.join(dest_path, "timestamp.txt"))
    return parse_utc(text) if text else None


def _plain_glob(log, pattern: str, found: list[str]) -> list[str]:
    if pattern.endswith(".ipynb"):
        kept = [f for f in found if regular(f)]
        for f in set(found) - set(kept):
            log.warning("coursekit: %s is a link or a special file; not graded", f)
        return kept
    return [f for f in found if not os.path.islink(f)]  # an assignment folder that is a link


def _locked_start(converter, original_start):
    """The converter itself (what formgrader's autograde button runs in the server) takes the
    grading lock too, unless this process or its batch driver already holds it."""
    from nbgrader.converters.base import NbGraderException

    from .lock import Busy, Lock, holds

    lock = Lock(Path(converter.coursedir.root))
    parent = os.environ.get(LOCK_PID_ENV, "")
    if _DONE.get("lock") is not None or (parent and holds(lock, parent)):
        return original_start()
    try:
        lock.acquire(wait=False)
    except Busy as busy:
        from ..strings import say

        raise NbGraderException(say("classgrader.messages.locked_stop_stock", "en",
                                    who=busy.describe("en"), path=busy.path)) from None
    try:
        return original_start()
    finally:
        lock.release()


def command() -> list[str]:
    """How to run stock nbgrader: the venv's script, else `python -m nbgrader`."""
    exe = Path(sys.executable).parent / "nbgrader"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "nbgrader"]


def environment(user: str = "instructor", **extra: str) -> dict:
    """The environment stock nbgrader needs: its venv on PATH (alembic), USER set."""
    bindir = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
            "USER": user, "LOGNAME": user, **extra}


def run(cwd, *args: str, env: dict | None = None, timeout: float | None = None,
        capture: bool = True):
    """The one place nbgrader runs as a subprocess: `nbgrader <args>` in cwd; the
    CompletedProcess (text output captured unless capture is False). TimeoutExpired propagates."""
    import subprocess

    return subprocess.run([*command(), *args], cwd=cwd, env=env or environment(),
                          capture_output=capture, text=True, timeout=timeout)
