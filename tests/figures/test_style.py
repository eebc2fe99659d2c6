"""The look of every figure: the Okabe-Ito colour-blind-safe palette, and for each role (first
approach, combination, second approach, not stated) a marker and a hatch of its own, so colour is
never the only signal; light bands under black labels and marker edges."""

from __future__ import annotations

from itertools import combinations

import matplotlib

from coursekit.figures import style

matplotlib.use("Agg")


def _luminance(colour: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_palette_is_okabe_ito():
    assert {k: v.upper() for k, v in style.OKABE_ITO.items()} == {
        "orange": "#E69F00", "sky-blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
        "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000"}


def test_every_role_has_a_colour_of_the_palette_a_marker_a_hatch_and_a_fill():
    for table in (style.COLOUR, style.MARKER, style.HATCH, style.FILL):
        assert tuple(table) == style.ROLES
    assert set(style.COLOUR.values()) <= {*style.OKABE_ITO.values(), style.GREY}


def test_colour_is_never_the_only_signal():
    for a, b in combinations(style.ROLES, 2):
        assert style.MARKER[a] != style.MARKER[b], (a, b)
        assert style.HATCH[a] != style.HATCH[b], (a, b)


def test_grey_and_fills_read_well_on_white():
    assert _contrast(style.GREY, "#FFFFFF") >= 4.5  # WCAG AA, as text too
    for role, fill in style.FILL.items():
        assert _contrast("#000000", fill) >= 7, role  # black labels and marker edges on every band


def test_text_is_drawn_with_the_bundled_font_and_stays_text_in_svg():
    assert style.RC["font.family"] == "DejaVu Sans"  # ships with matplotlib: no missing glyphs
    assert style.RC["svg.fonttype"] == "none"
    assert style.MIN_FONT_PX >= 12 and style.WIDTH * style.DPI <= 1000
