"""The grading part's strings and reference ranges (strings.yaml), validated on load."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ..content.parse import line_of, read_yaml
from ..content.problems import ContentError, Problem, dotted
from ..content.schema import _describe

HERE = Path(__file__).parent
STRINGS = HERE / "strings.yaml"
SCHEMA = HERE / "strings.schema.json"


def check(path: Path = STRINGS) -> tuple[dict | None, list[Problem]]:
    """(data, []) when valid, else (None, every problem with file/line/field)."""
    data, problems = read_yaml(path, path.name)
    if problems:
        return None, problems
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for err in jsonschema.Draft7Validator(schema).iter_errors(data):
        for field, message in _describe(err):
            problems.append(Problem(path.name, line_of(path, field), dotted(field), message))
    return (None, sorted(set(problems))) if problems else (data, [])


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
