"""One grading run per course at a time: an exclusive lock on a file in the course folder
(released by the operating system if the process dies). `coursekit grade`, `coursekit exercises
autograde` and stock `nbgrader autograde` (through the course's nbgrader_config.py, stock.py)
all take this same lock, so two runs never write one gradebook at once.

The file holds the holder's pid and command, for the message a second run prints; the pid is
named as running only when that process is alive (worker processes never keep the lock: they
close it, see worker.py, and exit when their parent goes away).
"""

from __future__ import annotations

import fcntl
import os
import sys
from pathlib import Path

NAME = ".coursekit-grade.lock"


class Busy(Exception):
    def __init__(self, path: Path, pid: str, command: str = ""):
        self.path, self.pid, self.command = path, pid, command
        super().__init__(f"{path} held by pid {pid}")

    @property
    def alive(self) -> bool:
        return alive(self.pid)

    def describe(self, lang: str) -> str:
        """Who holds the lock, for a message: 'pid 123 (coursekit grade)' or, when the recorded
        process is gone, that the lock is held by a process that did not record itself."""
        from ..strings import say

        if self.alive:
            return say("classgrader.messages.lock_holder", lang, pid=self.pid,
                        command=self.command or "?")
        return say("classgrader.messages.lock_holder_unknown", lang)


def alive(pid: str) -> bool:
    try:
        n = int(pid)
    except (TypeError, ValueError):
        return False
    if n <= 0:
        return False
    try:
        os.kill(n, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Lock:
    def __init__(self, root: Path):
        self.path = Path(root) / NAME
        self.fh = None

    def acquire(self, wait: bool = False, on_wait=None) -> None:
        self.fh = open(self.path, "a+")  # noqa: SIM115 - held for the whole run
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = Busy(self.path, *self.holder())
            if not wait:
                self.fh.close()
                self.fh = None
                raise busy from None
            if on_wait:
                on_wait(busy)
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"{os.getpid()} {_command()}")
        self.fh.flush()

    def holder(self) -> tuple[str, str]:
        """(pid, command) recorded in the lock file."""
        try:
            pid, _, command = self.path.read_text().strip().partition(" ")
        except (OSError, UnicodeDecodeError):
            return "?", ""
        return pid or "?", command

    def fileno(self) -> int | None:
        return self.fh.fileno() if self.fh else None

    def release(self) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()


def holds(lock: Lock, pid: str) -> bool:
    """Whether process pid (alive) holds lock now (the file names it and the lock is taken)."""
    if not alive(pid) or lock.holder()[0] != str(pid):
        return False
    try:
        with open(lock.path, "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fh, fcntl.LOCK_UN)
            return False  # nobody holds it
    except BlockingIOError:
        return True
    except OSError:
        return False


def _command() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    args = [a for a in sys.argv[1:3] if not a.startswith("-")]
    return " ".join([name, *args])[:80]
