"""What the figures show, read from content: the strategic axes, their positions, the cases."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from ..content import content
from ..content.axes import NOT_STATED, order
from ..content.axes import axes as strategic_axes
from ..strings import say


@dataclass(frozen=True)
class Axis:
    slug: str                      # e.g. 'conflict-consensus' (also the comparison's slug)
    positions: tuple[str, ...]     # first approach, combination, second approach, not-stated
    roles: dict                    # position -> role in style.ROLES


def figure_axes() -> list[Axis]:
    """The strategic axes (content.axes) as the figures draw them: positions in the order each axis's
    comparison shows them, each with its colour role."""
    store = content()
    out = []
    for slug in strategic_axes():
        positions = (*order(slug, store.get("comparison", slug)), NOT_STATED)
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
