"""The look of every figure: Okabe-Ito colours, markers and hatches that survive grey-scale."""

from __future__ import annotations

# Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky-blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#767676"

# Role of a position on an axis: first approach, combination, second approach, not stated.
# Each role differs in colour, marker shape AND hatch, so no role relies on colour alone.
ROLES = ("first", "combination", "second", "not-stated")
COLOUR = {"first": OKABE_ITO["vermillion"], "combination": OKABE_ITO["green"],
          "second": OKABE_ITO["blue"], "not-stated": GREY}
MARKER = {"first": "o", "combination": "D", "second": "s", "not-stated": "x"}
HATCH = {"first": "///", "combination": "...", "second": "\\\\\\", "not-stated": ""}
FILL = {"first": "#FBE3D1", "combination": "#D6F0E7", "second": "#D6E6F2", "not-stated": "#F2F2F2"}

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.edgecolor": "#333333",
    "hatch.linewidth": 0.6,
    "hatch.color": "#555555",
    "svg.fonttype": "none",
}
DPI = 110
WIDTH = 8.8  # inches: 968 px, shown at full size in a notebook (labels stay readable)
MIN_FONT_PX = 12  # no text smaller than this at the displayed size (tests/figures)
