"""The report's figures (matplotlib, Agg): colour-blind-safe (Okabe-Ito palette, cividis), each
with alt text. Every function returns (name, png bytes, alt text)."""

from __future__ import annotations

import io

from ..strings import say
from . import ranges
from .analysis import Analysis, ItemStats

# Okabe & Ito (2008), safe for the common colour-vision deficiencies.
BLUE, ORANGE, GREEN, VERMILION, GREY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#999999"


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    _plt().close(fig)
    return buf.getvalue()


def histogram(a: Analysis, lang: str) -> tuple[str, bytes, str]:
    import numpy as np

    plt = _plt()
    totals = np.array(list(a.totals.values()) or [0.0])
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    bins = min(20, max(5, int(a.max_total) + 1)) if a.max_total else 10
    ax.hist(totals, bins=bins, range=(0, max(a.max_total, totals.max(), 1)), color=BLUE,
            edgecolor="white")
    ax.axvline(totals.mean(), color=VERMILION, linestyle="--", linewidth=1.5)
    ax.set_xlabel(say("classgrader.labels.histogram_x", lang))
    ax.set_ylabel(say("classgrader.labels.histogram_y", lang))
    ax.set_title(say("classgrader.labels.histogram", lang))
    ax.spines[["top", "right"]].set_visible(False)
    alt = say("classgrader.labels.histogram_alt", lang, n=len(a.totals), mean=totals.mean(),
                     max=a.max_total, median=float(np.median(totals)), low=totals.min(),
                     high=totals.max())
    return "histogram", _png(fig), alt


def item_map(a: Analysis, lang: str) -> tuple[str, bytes, str]:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    ref = ranges.ranges()
    ax.axvspan(ref["facility"]["too_hard_to"], ref["facility"]["too_easy_from"],
               color=GREEN, alpha=0.08)
    ax.axhline(ref["discrimination"]["weak_below"], color=GREY, linestyle=":", linewidth=1)
    ax.axhline(0, color=GREY, linewidth=0.8)
    flagged = 0
    points: dict = {}  # (x, y) -> question labels: items at the same point share one label
    for st in a.items:
        if st.facility is None:
            continue
        y = st.discrimination if st.discrimination is not None else 0.0
        bad = bool(st.flags)
        flagged += bad
        ax.scatter([st.facility], [y], marker="^" if bad else "o", s=46,
                   color=VERMILION if bad else BLUE, zorder=3)
        points.setdefault((st.facility, y), []).extend(st.questions)
    ax.set_xlim(-2, 102)
    ax.set_ylim(min(-40, *(s.discrimination or 0 for s in a.items)) - 5, 100)
    place_labels(fig, ax, points)
    ax.set_xlabel(say("classgrader.labels.facility_axis", lang))
    ax.set_ylabel(say("classgrader.labels.discrimination_axis", lang))
    ax.set_title(say("classgrader.labels.item_figure", lang))
    ax.spines[["top", "right"]].set_visible(False)
    shown = sum(1 for st in a.items if st.facility is not None)  # an ungraded essay is not drawn
    alt = say("classgrader.labels.item_figure_alt", lang, n=shown, flagged=flagged)
    return "items", _png(fig), alt


def place_labels(fig, ax, points: dict) -> list:
    """Label each point; a label that would overlap one already placed moves to the next free
    slot around its point (right, left, above, below, further out), so no two labels overlap."""
    renderer = fig.canvas.get_renderer()
    placed, out = [], []
    slots = [(4, 3), (-4, 3), (4, -9), (-4, -9), (4, 11), (-4, 11), (4, -17), (-4, -17)]
    slots += [(dx, dy * k) for k in (2, 3, 4) for dx, dy in ((4, 11), (-4, 11), (4, -11), (-4, -11))]
    for (x, y), names in sorted(points.items(), key=lambda p: (-p[0][1], p[0][0])):
        text = ",".join(sorted(set(names)))
        for dx, dy in slots:
            label = ax.annotate(text, (x, y), textcoords="offset points", xytext=(dx, dy),
                                fontsize=7, ha="left" if dx > 0 else "right")
            box = label.get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                break
            label.remove()
        else:
            label = ax.annotate(text, (x, y), textcoords="offset points", xytext=(4, 3), fontsize=7)
            box = label.get_window_extent(renderer)
        placed.append(box)
        out.append(label)
    return out


def distractors(st: ItemStats, lang: str, option_label) -> tuple[str, bytes, str]:
    plt = _plt()
    options = list(st.distractors)
    counts = [st.distractors[o] for o in options]
    labels = [option_label(st.item, o) for o in options]
    key = set(st.item.key)
    colours = [GREEN if o in key else (GREY if c == 0 else ORANGE)
               for o, c in zip(options, counts, strict=True)]
    if st.blank:
        labels.append(say("classgrader.labels.blank", lang))
        counts.append(st.blank)
        colours.append(GREY)
    fig, ax = plt.subplots(figsize=(5.2, 0.45 * len(labels) + 0.9))
    ax.barh(range(len(labels)), counts, color=colours, hatch=None)
    for i, (o, c) in enumerate(zip([*options, ""], counts, strict=False)):
        mark = f" ({say('classgrader.labels.key', lang)})" if o in key else ""
        ax.text(c, i, f" {c}{mark}", va="center", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(say("classgrader.labels.chosen", lang))
    ax.set_title(f"{','.join(st.questions)} · {st.item.id}", fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    alt = say("classgrader.labels.distractors_alt", lang, item=st.item.id,
                     counts="; ".join(f"{lab} {c}" for lab, c in zip(labels, counts, strict=False)),
                     answer_key=", ".join(option_label(st.item, k) for k in st.item.key if k in options))
    return f"options-{st.item.id}", _png(fig), alt


def confusion(matrix: dict, lang: str, title: str) -> tuple[str, bytes, str]:
    import numpy as np

    plt = _plt()
    data = np.array(matrix["matrix"], dtype=float)
    cols = [c or say("classgrader.labels.blank", lang) for c in matrix["cols"]]
    fig, ax = plt.subplots(figsize=(1.1 * len(cols) + 2, 0.7 * len(matrix["rows"]) + 1.6))
    ax.imshow(data, cmap="cividis", aspect="auto")
    peak = data.max() if data.size else 0
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            ax.text(j, i, int(data[i, j]), ha="center", va="center", fontsize=9,
                    color="black" if data[i, j] > peak * 0.6 else "white")
    ax.set_xticks(range(len(cols)), cols, rotation=30, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix["rows"])), matrix["rows"], fontsize=8)
    ax.set_xlabel(say("classgrader.labels.confusion_cols", lang))
    ax.set_ylabel(say("classgrader.labels.confusion_rows", lang))
    ax.set_title(title, fontsize=9)
    mixups = sorted(((data[i, j], matrix["rows"][i], cols[j])
                     for i in range(data.shape[0]) for j in range(data.shape[1])
                     if matrix["rows"][i] != matrix["cols"][j] and data[i, j] > 0), reverse=True)
    top = "; ".join(f"{r} -> {c} ({int(n)})" for n, r, c in mixups[:3]) or \
        say("classgrader.labels.no_mixups", lang)
    alt = say("classgrader.labels.confusion_alt", lang, item=title, top=top)
    return f"confusion-{matrix['item']}", _png(fig), alt
