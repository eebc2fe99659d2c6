"""What runs in the student's kernel: where the quiz data is, who the student is, which cell came before."""

from __future__ import annotations

import json
from pathlib import Path

from ..lang import LANGS

QUESTIONS_FILE = "questions.json"


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
    path = Path(folder or ".") / QUESTIONS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def question(display: dict, qid: str) -> dict | None:
    return next((q for q in display["questions"] if q["qid"] == qid), None)
