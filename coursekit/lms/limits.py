"""What each export format cannot carry (limits.yaml), told to the lecturer on export."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile

HERE = Path(__file__).parent


@cache
def _limits() -> dict:
    return datafile.load(HERE / "limits.yaml", HERE / "limits.schema.json")["limits"]


def limits(fmt: str) -> list[dict]:
    return _limits()[fmt]
