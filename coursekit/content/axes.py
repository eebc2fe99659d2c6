"""The three strategic axes, defined once: by the case schema (schemas/case.json, `axes`).

Every part that needs them (case views, figures, the self-check classifier and its build,
the case explorer) asks here.
"""

from __future__ import annotations

from functools import cache

from .schema import schema

NOT_STATED = "not-stated"


@cache
def axes() -> dict[str, tuple[str, ...]]:
    """axis -> its positions in the schema's order, 'not-stated' left out,
    e.g. 'conflict-consensus' -> ('conflict', 'consensus', 'combination')."""
    spec = schema("case")["properties"]["axes"]
    return {axis: tuple(p for p in spec["properties"][axis]["properties"]["position"]["enum"]
                        if p != NOT_STATED)
            for axis in spec["required"]}


def order(axis: str, comparison: dict) -> tuple[str, str, str]:
    """The axis's positions as its comparison presents them: first approach, combination, second."""
    first, second = (a["key"] for a in comparison["approaches"][:2])
    found = (first, comparison["combination"]["key"], second)
    if set(found) != set(axes()[axis]):
        raise ValueError(f"comparison {axis!r} names {found}, the case schema {axes()[axis]}")
    return found
