"""The generated notebooks' own strings (headings, navigation), from strings.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content.problems import ContentError
from ..figures.strings import Strings, validate

HERE = Path(__file__).parent


@cache
def strings() -> Strings:
    data, problems = validate(HERE / "strings.yaml", HERE.parent / "figures" / "strings.schema.json")
    if problems:
        raise ContentError(problems)
    return Strings(data["labels"])
