"""Files the grader writes are written whole or not at all: a temporary file in the same folder,
then an atomic rename over the target. Text is UTF-8; characters UTF-8 cannot hold (a lone
surrogate such as "\\ud800" from a student's answer) are written as backslash escapes, never an
error half-way through a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_text(path, text: str, newline: str | None = None, sync: bool = True) -> None:
    write_bytes(path, text.encode("utf-8", errors="backslashreplace") if newline is None
                else text.replace("\n", newline).encode("utf-8", errors="backslashreplace"),
                sync)


def write_bytes(path, data: bytes, sync: bool = True) -> None:
    """sync False: on disk at the next sync_folder (the grader syncs a batch of notebooks
    before it commits their grades: one flush instead of one per file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def sync_folder(path) -> None:
    """Every file written so far on path's file system is on disk (Linux syncfs; os.sync where
    there is none)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        import ctypes

        if ctypes.CDLL(None, use_errno=True).syncfs(fd) == 0:
            return
    except (OSError, AttributeError):
        pass
    finally:
        os.close(fd)
    os.sync()


def clean_text(text: str) -> str:
    """text with characters UTF-8 cannot encode replaced by backslash escapes."""
    return text.encode("utf-8", errors="backslashreplace").decode("utf-8")
