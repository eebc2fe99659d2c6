"""The strategy space: one panel per strategic axis, stacked; every case a row, its marker in the
column of its position with that role's colour and shape (not stated: a grey cross); alt text that
lists every case and, per axis, each position with its cases."""

from __future__ import annotations

from functools import cache

import matplotlib
import pytest
from matplotlib.colors import to_hex

from coursekit.figures import style
from coursekit.figures.data import cases, figure_axes, listing
from coursekit.figures.space import strategy_space
from coursekit.strings import say

matplotlib.use("Agg")

LANGS = ("id", "en")


@cache
def _view(lang: str):
    return strategy_space(lang)


@pytest.mark.parametrize("lang", LANGS)
def test_one_panel_per_axis_with_every_case_as_a_row(lang):
    view = _view(lang)
    panels, rows = view.figure.axes, [c["short"][lang] for c in cases()]
    assert len(panels) == len(figure_axes())
    for ax, axis in zip(panels, figure_axes(), strict=True):
        assert ax.get_title(loc="left") == say(f"content.axis.{axis.slug}", lang)
        assert [t.get_text() for t in ax.get_yticklabels()] == rows
        labels = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
        assert labels == [say(f"content.position.{p}", lang) for p in axis.positions]
    assert view.title == say("figures.strategy-space.title", lang)


def test_each_case_is_marked_in_its_positions_column_by_role():
    panels = _view("en").figure.axes
    for ax, axis in zip(panels, figure_axes(), strict=True):
        dots = ax.collections
        assert len(dots) == len(cases())
        for row, (case, dot) in enumerate(zip(cases(), dots, strict=True)):
            pos = case["axes"][axis.slug]["position"]
            (x, y), = dot.get_offsets()
            assert (x, y) == (axis.positions.index(pos), row), case["slug"]
            role = axis.roles[pos]
            if role == "not-stated":  # a cross: a line marker, grey, with no fill to tell it by
                assert to_hex(dot.get_edgecolor()[0]).upper() == style.GREY.upper()
            else:
                assert to_hex(dot.get_facecolor()[0]).upper() == style.COLOUR[role].upper()
                assert to_hex(dot.get_edgecolor()[0]) == "#000000"
        bands = sorted(ax.patches, key=lambda p: p.get_x())
        assert [b.get_hatch() or "" for b in bands] == [style.HATCH[r] for r in style.ROLES]


def test_marker_shapes_differ_by_role_in_the_drawing():
    ax = _view("en").figure.axes[0]
    axis = figure_axes()[0]
    shapes = {}
    for case, dot in zip(cases(), ax.collections, strict=True):
        role = axis.roles[case["axes"][axis.slug]["position"]]
        shapes.setdefault(role, set()).add(dot.get_paths()[0].vertices.round(3).tobytes())
    assert all(len(s) == 1 for s in shapes.values())  # one shape per role ...
    assert len({next(iter(s)) for s in shapes.values()}) == len(shapes)  # ... and none shared


@pytest.mark.parametrize("lang", LANGS)
def test_the_alt_text_lists_every_case_and_each_positions_cases(lang):
    alt = _view(lang).alt
    names = [c["short"][lang] for c in cases()]
    head = say("figures.strategy-space.alt", lang, panels=3, count=len(names),
               cases=listing(names, lang), details="")
    assert alt.startswith(head[:-2])  # the template ends with "{details}."
    for axis in figure_axes():
        assert say(f"content.axis.{axis.slug}", lang) + ": " in alt
        for pos in axis.positions:
            here = [c["short"][lang] for c in cases() if c["axes"][axis.slug]["position"] == pos]
            part = say("figures.alt.position-part", lang, cases=", ".join(here),
                       position=say(f"content.position.{pos}", lang))
            assert (part in alt) == bool(here), (axis.slug, pos)
