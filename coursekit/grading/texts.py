"""The grading part's strings and reference ranges (strings.yaml), validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile
from ..content.problems import ContentError, Problem

HERE = Path(__file__).parent
STRINGS = HERE / "strings.yaml"
SCHEMA = HERE / "strings.schema.json"


def check(path: Path = STRINGS) -> tuple[dict | None, list[Problem]]:
    """(data, []) when valid, else (None, every problem with file/line/field)."""
    return datafile.read(path, SCHEMA, path.name)


@cache
def strings() -> dict:
    data, problems = check()
    if problems:
        raise ContentError(problems)
    return data


def ranges() -> dict:
    return strings()["ranges"]


def text(section: str, name: str, lang: str, **values) -> str:
    """One string in lang, formatted with values."""
    entry = strings()[section][name][lang]
    return entry.format(**values) if values else entry


def band(kind: str, value: float | None, lang: str) -> str:
    """The reference band (e.g. 'about right for the average student') a value falls in."""
    if value is None:
        return ""
    label = ""
    for b in ranges()[kind]["bands"]:
        if value >= b["from"]:
            label = b["label"][lang]
    return label
