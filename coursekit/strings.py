"""Minimal shim of the strings contract (HOUSE.md, contract 1) for branch house-questions only:
the lead keeps R-strings' coursekit/strings.py at merge."""

from __future__ import annotations


def say(key: str, lang: str, **fields) -> str:
    """A string by "<part>.<name>", in lang, with {fields} filled."""
    part, _, name = key.partition(".")
    if part == "widgets":
        from .widgets.strings import s

        return s(name, lang, **fields)
    if part == "graded":
        from .graded.text import say as graded_say

        return graded_say(name, lang, **fields)
    raise KeyError(key)


def pick(text: dict | str | None, lang: str) -> str:
    """A bilingual value in a language."""
    from .graded.text import pick as graded_pick

    return graded_pick(text, lang)
