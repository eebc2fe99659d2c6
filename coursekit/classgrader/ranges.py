"""The reference ranges of the item-analysis flags (ranges.yaml), validated on load."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile

HERE = Path(__file__).parent


@cache
def ranges() -> dict:
    return datafile.load(HERE / "ranges.yaml", HERE / "ranges.schema.json")["ranges"]


def band(kind: str, value: float | None, lang: str) -> str:
    """The reference band (e.g. 'about right for the average student') a value falls in."""
    if value is None:
        return ""
    label = ""
    for b in ranges()[kind]["bands"]:
        if value >= b["from"]:
            label = b["label"][lang]
    return label
