"""The learner-facing strings of quizzes, explorers and progress: strings.yaml, validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content.problems import ContentError

FILE = Path(__file__).parent / "strings.yaml"
SCHEMA = Path(__file__).parents[1] / "selfcheck" / "schemas" / "strings.json"


@cache
def strings() -> dict:
    from ..content import datafile

    data, problems = datafile.read(FILE, SCHEMA, "coursekit/widgets/strings.yaml")
    if problems:
        raise ContentError(problems)
    return data["strings"]


def s(key: str, lang: str, **fields) -> str:
    """The string `key` in `lang`, with {fields} filled in; content UI labels as a fallback."""
    table = strings()
    if key in table:
        text = table[key][lang]
    else:
        from ..content import content

        text = content().label(key, lang)
    return text.format(**fields) if fields else text
