"""The learner's language: Bahasa Indonesia ('id', the default) or English ('en')."""

from __future__ import annotations

import os

LANGS = ("id", "en")
_state = {"lang": os.environ["COURSEKIT_LANG"] if os.environ.get("COURSEKIT_LANG") in LANGS else "id"}


def check_lang(code: str) -> str:
    if code not in LANGS:
        raise ValueError(f"unknown language {code!r}; choose 'id' (Bahasa Indonesia) or 'en' (English)")
    return code


def lang(code: str | None = None) -> str | None:
    """lang('en') sets the language ('id' or 'en') and returns nothing (a lesson's first cell
    shows no output); lang() returns the current one."""
    if code is not None:
        _state["lang"] = check_lang(code)
        return None
    return _state["lang"]


def resolve(code: str | None) -> str:
    """An explicit language, else the current one."""
    return check_lang(code) if code is not None else _state["lang"]
