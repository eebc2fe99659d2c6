"""One grading run per course at a time: an exclusive lock on a file in the course folder
(released by the operating system if the process dies)."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

NAME = ".coursekit-grade.lock"


class Busy(Exception):
    def __init__(self, path: Path, pid: str):
        self.path, self.pid = path, pid
        super().__init__(f"{path} held by pid {pid}")


class Lock:
    def __init__(self, root: Path):
        self.path = Path(root) / NAME
        self.fh = None

    def acquire(self, wait: bool = False, on_wait=None) -> None:
        self.fh = open(self.path, "a+")  # noqa: SIM115 - held for the whole run
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = self.holder()
            if not wait:
                self.fh.close()
                raise Busy(self.path, pid) from None
            if on_wait:
                on_wait(pid)
            fcntl.flock(self.fh, fcntl.LOCK_EX)
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()

    def holder(self) -> str:
        try:
            return self.path.read_text().strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
            self.fh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()
