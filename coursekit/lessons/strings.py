"""The generated notebooks' own strings (headings, navigation), from strings.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile
from ..figures.strings import Strings

HERE = Path(__file__).parent


@cache
def strings() -> Strings:
    schema = HERE.parent / "figures" / "strings.schema.json"  # the same labels-file schema
    return Strings(datafile.load(HERE / "strings.yaml", schema)["labels"])
