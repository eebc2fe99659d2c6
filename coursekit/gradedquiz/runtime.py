"""What runs in the student's kernel: where the quiz data is, who the student is, which cell came before."""

from __future__ import annotations

import contextlib
import functools
import json
import os
from pathlib import Path

from ..lang import LANGS

QUESTIONS_FILE = "questions.json"
KEYS_DIR = "keys"  # <course>/keys/<quiz>.json: instructor-only, beside source/, never released
KEYS_ENV = "COURSEKIT_KEYS"  # set by the course's nbgrader_config.py (the folder of keys files)


_HERE: dict = {}  # while pinned(): the working directory and what was looked up from it


@contextlib.contextmanager
def pinned():
    """For the class grader's run of one notebook (kernel.py), during which nothing changes its
    working directory or files: the directory, the display data and the keys are looked up
    once, not once per question."""
    _HERE.clear()
    _HERE["cwd"] = os.getcwd()
    try:
        yield
    finally:
        _HERE.clear()


def here() -> str:
    """The working directory (as the system gives it: absolute, links resolved)."""
    return _HERE.get("cwd") or os.getcwd()


def _once(key: tuple, look):
    """look() once while pinned, else every time."""
    if not _HERE:
        return look()
    if key not in _HERE:
        _HERE[key] = look()
    return _HERE[key]


def user_ns() -> dict:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there in a kernel
        return {}
    ip = get_ipython()
    return ip.user_ns if ip is not None else {}


def previous_source(back: int = 2) -> str | None:
    """The raw source of the cell run ``back - 1`` cells before the current one (In[-2])."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    ip = get_ipython()
    if ip is None:
        return None
    hist = ip.history_manager.input_hist_raw
    return hist[-back] if len(hist) >= back else None


def language(ns: dict | None = None) -> str:
    ns = user_ns() if ns is None else ns
    value = str(ns.get("BAHASA", "")).strip().lower()
    return value if value in LANGS else "id"


def declared_nim(ns: dict | None = None) -> str:
    ns = user_ns() if ns is None else ns
    value = ns.get("NIM", "")
    return value.strip() if isinstance(value, str) else ""


def load_display(folder: str | Path | None = None) -> dict | None:
    """questions.json of the folder (read-only: the parsed data is shared, see _parse)."""
    if folder is None:
        return _once(("display",), lambda: load_display("."))
    try:
        return read_display(Path(folder or ".") / QUESTIONS_FILE)
    except (OSError, ValueError):
        return None


def read_display(path: Path) -> dict:
    """A questions.json (OSError, ValueError when unreadable); read-only, see _parse."""
    st = os.stat(path)
    return _read(str(path), st.st_ino, st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read(path: str, inode: int, size: int, mtime: int) -> dict:
    """Read once per file as it is (every question's render and test cell asks)."""
    return _parse(Path(path).read_bytes())


@functools.lru_cache(maxsize=8)
def _parse(raw: bytes) -> dict:
    """Parsed once per process per content: every student's copy is the master's."""
    return json.loads(raw)


def question(display: dict, qid: str) -> dict | None:
    return next((q for q in display["questions"] if q["qid"] == qid), None)


def keys_file(assignment: str, cwd=None, env: dict | None = None) -> Path | None:
    """Where the keys of an assignment are: found from the folder nbgrader runs the notebook in
    (autograded/<student>/<quiz>/ or source/<quiz>/: the course's keys/), else
    COURSEKIT_KEYS/<quiz>.json (set by the course's nbgrader_config.py, for other layouts).
    Never the notebook's own folder: a student could put a file there."""
    env = os.environ if env is None else env
    found = _key_places(assignment, here() if cwd is None else os.path.realpath(cwd),
                        env.get(KEYS_ENV) or "")
    return next((p for p in found if p.is_file()), None)


@functools.lru_cache(maxsize=64)
def _key_places(assignment: str, folder: str, keys_env: str) -> tuple[Path, ...]:
    """Where keys_file looks from folder (absolute, links resolved), in order (worked out once
    per folder: every question's hidden test asks)."""
    name = f"{Path(assignment).name}.json"
    here = Path(folder)
    found = []
    if here.name == assignment and here.parent.parent.name == "autograded":
        found.append(here.parents[2] / KEYS_DIR / name)
    if here.name == assignment and here.parent.name == "source":
        found.append(here.parents[1] / KEYS_DIR / name)
    if keys_env:
        found.append(Path(keys_env) / name)
    return tuple(found)


def load_keys(assignment: str, qid: str, cwd=None) -> dict | None:
    """{item: key data} of one question, or None when the keys file is not found."""
    data = _keys(assignment, cwd) if cwd is not None else \
        _once(("keys", assignment), lambda: _keys(assignment, None))
    return None if data is None else data.get("questions", {}).get(qid)


def _keys(assignment: str, cwd) -> dict | None:
    path = keys_file(assignment, cwd)
    if path is None:
        return None
    try:
        return read_keys(path)
    except (OSError, ValueError):
        return None


def read_keys(path: Path) -> dict:
    """A keys file (OSError, ValueError when unreadable); read-only, shared like the display."""
    return _read_keys(str(path), os.stat(path).st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _read_keys(path: str, mtime: int) -> dict:
    """A keys file, read once per process (and again when it changes)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
