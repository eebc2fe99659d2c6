"""The LMS exports' lecturer-facing messages and names (strings.yaml), validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile
from ..content.problems import ContentError

HERE = Path(__file__).parent


def check():
    return datafile.read(HERE / "strings.yaml", HERE / "strings.schema.json", "lms/strings.yaml")


@cache
def strings() -> dict:
    data, problems = check()
    if problems:
        raise ContentError(problems)
    return data


def say(key: str, lang: str, **values) -> str:
    """One message in lang ('id' or 'en'; 'both' gives Indonesian, then English)."""
    entry = strings()["messages"][key]
    langs = ("id", "en") if lang == "both" else (lang,)
    return "\n".join(entry[x].format(**values) for x in langs)


def name(key: str) -> dict:
    return strings()["names"][key]


def limits(fmt: str) -> list[dict]:
    return strings()["limits"][fmt]
