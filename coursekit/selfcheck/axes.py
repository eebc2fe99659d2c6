"""The three strategic axes and their positions, read from the case schema (one source of truth)."""

from __future__ import annotations

from functools import cache

from ..content.schema import schema


@cache
def axes() -> dict[str, list[str]]:
    """axis -> its positions, e.g. 'conflict-consensus' -> ['conflict', 'consensus', 'combination']."""
    props = schema("case")["properties"]["axes"]["properties"]
    return {
        axis: [p for p in spec["properties"]["position"]["enum"] if p != "not-stated"]
        for axis, spec in props.items()
    }
