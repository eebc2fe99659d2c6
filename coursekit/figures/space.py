"""The strategy space: every case on the three strategic axes, as small multiples stacked one
above the other (side by side, the position labels of a panel had no room and overlapped)."""

from __future__ import annotations

from ..strings import say
from . import style
from .data import NOT_STATED, cases, figure_axes, listing, wrap
from .view import FigureView


def strategy_space(lang: str) -> FigureView:
    import matplotlib
    from matplotlib.figure import Figure

    rows, cols = cases(), figure_axes()
    names = [c["short"][lang] for c in rows]
    with matplotlib.rc_context(style.RC):
        fig = Figure(figsize=(style.WIDTH, len(cols) * (0.24 * len(rows) + 1.25) + 0.4), dpi=style.DPI,
                     layout="constrained")
        fig.get_layout_engine().set(h_pad=0.12, hspace=0.06)  # room between a panel and the next
        panels = fig.subplots(len(cols), 1)
        for ax, axis in zip(panels, cols, strict=True):
            _panel(ax, axis, rows, lang)
            ax.set_yticks(range(len(rows)), names)
        title = say("figures.strategy-space.title", lang)
        fig.suptitle(title, fontweight="bold", fontsize=12)
    details = []
    for axis in cols:
        parts = []
        for pos in axis.positions:
            here = [c["short"][lang] for c in rows if c["axes"][axis.slug]["position"] == pos]
            if here:
                parts.append(say("figures.alt.position-part", lang, cases=", ".join(here),
                                           position=say(f"content.position.{pos}", lang)))
        details.append(say("figures.alt.axis-part", lang, axis=say(f"content.axis.{axis.slug}", lang),
                                     positions="; ".join(parts)))
    not_stated = say(f"content.position.{NOT_STATED}", lang)
    alt = say("figures.strategy-space.alt", lang, panels=len(cols), count=len(rows),
                        cases=listing(names, lang), details=". ".join(details))
    caption = say("figures.strategy-space.caption", lang, not_stated=not_stated)
    return FigureView("strategy-space", lang, fig, title, caption, alt)


def _panel(ax, axis, rows, lang: str) -> None:
    xs = range(len(axis.positions))
    for x, pos in zip(xs, axis.positions, strict=True):
        role = axis.roles[pos]
        ax.axvspan(x - 0.45, x + 0.45, facecolor=style.FILL[role], hatch=style.HATCH[role],
                   edgecolor="#BBBBBB", linewidth=0, zorder=0)
    for y, case in enumerate(rows):
        pos = case["axes"][axis.slug]["position"]
        role = axis.roles[pos]
        x = axis.positions.index(pos)
        if role == "not-stated":  # an unfilled marker: a grey cross
            ax.scatter([x], [y], marker=style.MARKER[role], s=55, zorder=3, color=style.GREY,
                       linewidth=1.2)
        else:
            ax.scatter([x], [y], marker=style.MARKER[role], s=70, zorder=3,
                       facecolor=style.COLOUR[role], edgecolor="black", linewidth=0.8)
    ax.set_xticks(list(xs), [wrap(say(f"content.position.{p}", lang), 24) for p in axis.positions],
                  fontsize=9)
    ax.set_xlim(-0.5, len(axis.positions) - 0.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_title(say(f"content.axis.{axis.slug}", lang), loc="left")
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6, zorder=1)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
