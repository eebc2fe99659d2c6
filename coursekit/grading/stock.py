"""Stock `nbgrader` against hostile submissions: what exercises/nbgrader_config.py installs
(`harden(c, root)`), so that `nbgrader autograde` behaves as `coursekit grade` does.

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

These are small wrappers around nbgrader 0.9.6 functions, installed once per process.
"""

from __future__ import annotations

import os
import stat
import sys
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

        print("coursekit: " + say("grading.messages.locked_stop_stock", "en", who=busy.describe("en"),
                                   path=busy.path), file=sys.stderr)
        print("coursekit: " + say("grading.messages.locked_stop_stock", "id", who=busy.describe("id"),
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
    from nbgrader.utils import parse_utc

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
        parse_utc(text)
    except Exception:  # dateutil raises ValueError, OverflowError, ParserError...
        return None, True
    return text, False


def _patch() -> None:
    import glob

    from nbgrader import utils
    from nbgrader.converters import autograde, base
    from nbgrader.coursedir import CourseDirectory

    original_find = utils.find_all_files

    def find_all_files(path, exclude=None):
        return safe_files(original_find(path, exclude), None)

    utils.find_all_files = find_all_files
    base.find_all_files = find_all_files
    autograde.utils.find_all_files = find_all_files

    def get_existing_timestamp(self, dest_path):
        text, bad = read_timestamp(dest_path)
        if bad:
            self.log.warning("coursekit: %s is not a valid timestamp; ignored (flagged)",
                             os.path.join(dest_path, "timestamp.txt"))
        return utils.parse_utc(text) if text else None

    CourseDirectory.get_existing_timestamp = get_existing_timestamp

    original_init = base.BaseConverter.init_notebooks

    def init_notebooks(self):
        original_glob = glob.glob

        def plain_glob(pattern, *a, **k):
            found = original_glob(pattern, *a, **k)
            if pattern.endswith(".ipynb"):
                kept = [f for f in found if regular(f)]
                for f in set(found) - set(kept):
                    self.log.warning("coursekit: %s is a link or a special file; not graded", f)
                return kept
            return [f for f in found if not os.path.islink(f)]  # an assignment folder that is a link

        base.glob.glob = plain_glob
        try:
            return original_init(self)
        finally:
            base.glob.glob = original_glob

    base.BaseConverter.init_notebooks = init_notebooks

    original_start = autograde.Autograde.start

    def start(self):
        """The converter itself (what formgrader's autograde button runs in the server) takes
        the grading lock too, unless this process or its batch driver already holds it."""
        from nbgrader.converters.base import NbGraderException

        from .lock import Busy, Lock, holds

        lock = Lock(Path(self.coursedir.root))
        parent = os.environ.get(LOCK_PID_ENV, "")
        if _DONE.get("lock") is not None or (parent and holds(lock, parent)):
            return original_start(self)
        try:
            lock.acquire(wait=False)
        except Busy as busy:
            from ..strings import say

            raise NbGraderException(say("grading.messages.locked_stop_stock", "en",
                                         who=busy.describe("en"), path=busy.path)) from None
        try:
            return original_start(self)
        finally:
            lock.release()

    autograde.Autograde.start = start
