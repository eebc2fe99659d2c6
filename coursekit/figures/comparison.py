"""A comparison figure per strategic choice: the cases placed between the two approaches."""

from __future__ import annotations

from ..content import content
from ..strings import say
from . import style
from .data import NOT_STATED, cases, figure_axes, listing, wrap
from .view import FigureView


def comparison(slug: str, lang: str) -> FigureView:
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    axis = next(a for a in figure_axes() if a.slug == slug)
    comp = content().get("comparison", slug)
    names = {comp["approaches"][0]["key"]: comp["approaches"][0]["name"],
             comp["approaches"][1]["key"]: comp["approaches"][1]["name"],
             comp["combination"]["key"]: comp["combination"]["name"]}
    columns = axis.positions[:3]
    rows = cases()
    placed = {p: [c["short"][lang] for c in rows if c["axes"][slug]["position"] == p]
              for p in axis.positions}
    depth = max(len(placed[p]) for p in columns) or 1
    with matplotlib.rc_context(style.RC):
        fig = Figure(figsize=(style.WIDTH, 1.9 + 0.42 * depth), dpi=style.DPI, layout="constrained")
        ax = fig.subplots()
        for x, pos in enumerate(columns):
            role = axis.roles[pos]
            ax.add_patch(FancyBboxPatch((x + 0.04, 0.1), 0.92, depth + 0.4,
                                        boxstyle="round,pad=0,rounding_size=0.05",
                                        facecolor=style.FILL[role], hatch=style.HATCH[role],
                                        edgecolor="#555555", linewidth=1))
            ax.text(x + 0.5, -0.05, wrap(names[pos][lang], 30), ha="center", va="bottom",
                    fontsize=10, fontweight="bold")
            for i, name in enumerate(placed[pos]):
                y = 0.6 + i
                ax.scatter([x + 0.14], [y], marker=style.MARKER[role], s=60, zorder=3,
                           facecolor=style.COLOUR[role], edgecolor="black", linewidth=0.8)
                ax.text(x + 0.22, y, name, va="center", fontsize=9.5,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})
        not_stated = say(f"content.position.{NOT_STATED}", lang)
        ax.text(0.04, depth + 0.75, f"{not_stated}: {listing(placed[NOT_STATED], lang)}",
                va="top", fontsize=9, color="#444444", style="italic")
        ax.set_xlim(0, len(columns))
        ax.set_ylim(depth + 1.2, -0.9)
        ax.axis("off")
        title = say("figures.comparison.title", lang, title=comp["title"][lang])
        fig.suptitle(wrap(title, 90), fontweight="bold", fontsize=12)
    parts = []
    for pos in columns:
        pname = names[pos][lang]
        key = "figures.comparison.column" if placed[pos] else "figures.comparison.column-empty"
        parts.append(say(key, lang, position=pname, cases=listing(placed[pos], lang)))
    missing = (say("figures.comparison.not-stated", lang, cases=listing(placed[NOT_STATED], lang))
               if placed[NOT_STATED] else "")
    alt = say("figures.comparison.alt", lang, axis=say(f"content.axis.{slug}", lang),
                        details="; ".join(parts), not_stated_part=missing)
    caption = say("figures.comparison.caption", lang)
    return FigureView(slug, lang, fig, title, caption, alt)
