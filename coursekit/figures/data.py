"""What the figures show, read from content: the strategic axes, their positions, the cases."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..api import content
from ..content.schema import schema
from ..strings import say

NOT_STATED = "not-stated"


@dataclass(frozen=True)
class Axis:
    slug: str                      # e.g. 'conflict-consensus' (also the comparison's slug)
    positions: tuple[str, ...]     # first approach, combination, second approach, not-stated
    roles: dict                    # position -> role in style.ROLES


def axes() -> list[Axis]:
    """The strategic axes in the case schema's order, positions from each comparison's data."""
    store = content()
    out = []
    for slug in schema("case")["properties"]["axes"]["required"]:
        comp = store.get("comparison", slug)
        first, second = comp["approaches"][0]["key"], comp["approaches"][1]["key"]
        middle = comp["combination"]["key"]
        positions = (first, middle, second, NOT_STATED)
        roles = dict(zip(positions, ("first", "combination", "second", "not-stated"), strict=True))
        out.append(Axis(slug, positions, roles))
    return out


def cases() -> list[dict]:
    """Every case: Indonesian cases first, then by short name."""
    return sorted(content().all("case"),
                  key=lambda c: (c["region"] != "indonesia", c["short"]["en"].lower()))



def wrap(text: str, width: int) -> str:
    """Break a label into lines of at most width characters."""
    return "\n".join(textwrap.wrap(text, width)) or text


def listing(names: list[str], lang: str) -> str:
    """'a, b and c' in the language; 'none' when empty."""
    if len(names) <= 1:
        return "".join(names) or say("figures.none", lang)
    return ", ".join(names[:-1]) + f" {say('figures.and', lang)} " + names[-1]
