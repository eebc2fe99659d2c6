"""What the figures show, read from content: the axes with positions in their comparison's order and
a role each, the cases with Indonesian ones first, labels wrapped, lists said in the language."""

from __future__ import annotations

import pytest

from coursekit.api import content
from coursekit.content.axes import axes
from coursekit.figures import style
from coursekit.figures.data import NOT_STATED, cases, figure_axes, listing, wrap


def test_each_strategic_axis_in_its_comparisons_order_with_a_role_per_position():
    drawn = figure_axes()
    assert [a.slug for a in drawn] == list(axes())
    for axis in drawn:
        comp = content().get("comparison", axis.slug)
        first, second = (a["key"] for a in comp["approaches"])
        assert axis.positions == (first, comp["combination"]["key"], second, NOT_STATED)
        assert set(axis.positions) == {*axes()[axis.slug], NOT_STATED}
        assert tuple(axis.roles[p] for p in axis.positions) == style.ROLES


def test_cases_indonesian_first_then_by_short_name():
    rows = cases()
    assert sorted(c["slug"] for c in rows) == sorted(c["slug"] for c in content().all("case"))
    regions = [c["region"] == "indonesia" for c in rows]
    assert regions == sorted(regions, reverse=True) and regions[0]
    for group in (True, False):
        names = [c["short"]["en"].lower() for c in rows if (c["region"] == "indonesia") is group]
        assert names == sorted(names)


def test_wrap_breaks_at_words_within_the_width():
    text = "Konsensus dan konflik digabung dalam satu strategi"
    lines = wrap(text, 20).split("\n")
    assert len(lines) > 1 and all(len(line) <= 20 for line in lines) and " ".join(lines) == text
    assert wrap("DSNI", 20) == "DSNI" and wrap("", 10) == ""


@pytest.mark.parametrize(("lang", "none", "word"), [("id", "tidak ada", "dan"), ("en", "none", "and")])
def test_listing_says_a_list_in_the_language(lang, none, word):
    assert listing([], lang) == none
    assert listing(["DSNI"], lang) == "DSNI"
    assert listing(["COPS", "IAF"], lang) == f"COPS {word} IAF"
    assert listing(["COPS", "IAF", "PUEBLO"], lang) == f"COPS, IAF {word} PUEBLO"
