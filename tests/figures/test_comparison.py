"""A comparison figure per strategic choice: every case under the column of its position, each
column banded and marked by its role (colour, hatch and marker shape), the cases not stated listed
underneath, and alt text that says all of it in the figure's language."""

from __future__ import annotations

from functools import cache

import matplotlib
import pytest
from matplotlib.colors import to_hex

from coursekit.api import content
from coursekit.figures import style
from coursekit.figures.comparison import comparison
from coursekit.figures.data import NOT_STATED, cases, figure_axes, listing
from coursekit.strings import say

matplotlib.use("Agg")

AXES = {a.slug: a for a in figure_axes()}
FIGURES = [(slug, lang) for slug in AXES for lang in ("id", "en")]


@cache
def _view(slug: str, lang: str):
    return comparison(slug, lang)


def _placed(slug: str, lang: str) -> dict[str, list[str]]:
    return {p: [c["short"][lang] for c in cases() if c["axes"][slug]["position"] == p]
            for p in AXES[slug].positions}


@pytest.mark.parametrize(("slug", "lang"), FIGURES)
def test_every_case_is_drawn_under_the_column_of_its_position(slug, lang):
    ax = _view(slug, lang).figure.axes[0]
    at = {t.get_text(): t.get_position() for t in ax.texts}
    comp = content().get("comparison", slug)
    heads = [comp["approaches"][0]["name"][lang], comp["combination"]["name"][lang],
             comp["approaches"][1]["name"][lang]]
    flat = {text.replace("\n", " "): xy for text, xy in at.items()}
    assert [flat[h][0] for h in heads] == [0.5, 1.5, 2.5]  # the approaches' names head their columns
    for column, pos in enumerate(AXES[slug].positions[:3]):
        for row, name in enumerate(_placed(slug, lang)[pos]):
            x, y = at[name]
            assert column < x < column + 1 and y == pytest.approx(0.6 + row), name


@pytest.mark.parametrize(("slug", "lang"), FIGURES[:2])
def test_cases_not_stated_are_listed_underneath_in_words(slug, lang):
    ax = _view(slug, lang).figure.axes[0]
    hidden = _placed(slug, lang)[NOT_STATED]
    line = f"{say(f'content.position.{NOT_STATED}', lang)}: {listing(hidden, lang)}"
    assert line in [t.get_text() for t in ax.texts]
    drawn = [t.get_text() for t in ax.texts]
    assert not set(hidden) & set(drawn)  # not also drawn in a column


@pytest.mark.parametrize("slug", AXES)
def test_each_column_is_banded_hatched_and_marked_by_its_role(slug):
    ax = _view(slug, "en").figure.axes[0]
    roles = [AXES[slug].roles[p] for p in AXES[slug].positions[:3]]
    bands = sorted(ax.patches, key=lambda p: p.get_x())
    assert [b.get_hatch() for b in bands] == [style.HATCH[r] for r in roles]
    assert [to_hex(b.get_facecolor()).upper() for b in bands] == [style.FILL[r].upper() for r in roles]
    for dots in ax.collections:
        (x, _y), = dots.get_offsets()
        role = roles[int(x)]
        assert to_hex(dots.get_facecolor()[0]).upper() == style.COLOUR[role].upper()
        assert to_hex(dots.get_edgecolor()[0]) == "#000000"  # an edge that reads on any band
    placed = _placed(slug, "en")
    assert len(ax.collections) == sum(len(placed[p]) for p in AXES[slug].positions[:3])


@pytest.mark.parametrize(("slug", "lang"), FIGURES)
def test_the_alt_text_names_every_column_with_its_cases(slug, lang):
    view = _view(slug, lang)
    comp = content().get("comparison", slug)
    names = {comp["approaches"][0]["key"]: comp["approaches"][0]["name"][lang],
             comp["approaches"][1]["key"]: comp["approaches"][1]["name"][lang],
             comp["combination"]["key"]: comp["combination"]["name"][lang]}
    placed = _placed(slug, lang)
    for pos in AXES[slug].positions[:3]:
        key = "figures.comparison.column" if placed[pos] else "figures.comparison.column-empty"
        assert say(key, lang, position=names[pos], cases=listing(placed[pos], lang)) in view.alt
    assert f'"{say(f"content.axis.{slug}", lang)}"' in view.alt
    if placed[NOT_STATED]:
        assert listing(placed[NOT_STATED], lang) in view.alt
    assert view.title == say("figures.comparison.title", lang, title=comp["title"][lang])
    assert (view.name, view.lang) == (slug, lang)
