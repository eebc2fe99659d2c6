"""Comparison and case explorers, through their twins and their widgets, in both languages."""

from __future__ import annotations

import pytest

import coursekit as ck
from coursekit.api import content

LANGS = ["id", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_comparison_explorer_shows_approaches_side_by_side(lang):
    x = ck.explore_comparisons("conflict-consensus", lang=lang)
    x.select(dimension="strengths")
    v = x.visible
    assert v["comparison"] == "conflict-consensus" and v["dimension"] == "strengths"
    item = content().get("comparison", "conflict-consensus")
    assert [a["key"] for a in v["approaches"]] == [a["key"] for a in item["approaches"]]
    assert v["approaches"][0]["points"][0] == item["approaches"][0]["points"]["strengths"][0][lang]
    assert "dsni" in v["combination"]["cases"]
    html = x.html("comparisons", **x.context())
    assert all(a["name"] in html for a in v["approaches"])
    assert v["approaches"][0]["name"] in str(x)


def test_comparison_explorer_widgets_and_case_buttons():
    x = ck.explore_comparisons(lang="en")
    assert x.widget is not None
    x._pick.value = "single-multiple-issue"
    assert x.visible["comparison"] == "single-multiple-issue"
    dim = content().get("comparison", "single-multiple-issue")["dimensions"][-1]
    x._dim.value = dim
    assert x.dimension == dim
    buttons = x._buttons.children
    assert buttons, "example cases have buttons"
    buttons[0].click()
    assert x.opened and content().get("case", x.opened)["short"][x.lang] == buttons[0].description
    assert content().get("case", x.opened)["summary"]["en"][:40] in x._case.value


def test_comparison_explorer_rejects_unknown_names():
    with pytest.raises(LookupError, match="conflict-consensus"):
        ck.explore_comparisons("conflict-consensu")
    with pytest.raises(LookupError, match="strengths"):
        ck.explore_comparisons().select(dimension="strength")


@pytest.mark.parametrize("lang", LANGS)
def test_case_explorer_filters_by_axis_region_and_module(lang):
    x = ck.explore_cases(lang=lang)
    everything = x.visible
    assert len(everything) == len(content().all("case"))
    conflict = x.filter(axis="conflict-consensus", position="conflict")
    assert conflict and set(conflict) < set(everything)
    assert all(
        content().get("case", s)["axes"]["conflict-consensus"]["position"] == "conflict" for s in conflict
    )
    indonesian = x.filter(region="indonesia")
    assert all(content().get("case", s)["region"] == "indonesia" for s in indonesian)
    x.clear()
    m4 = x.filter(module="m4")
    assert m4 and all("m4" in content().get("case", s)["modules"] for s in m4)
    x.filter(module="")
    assert x.visible == everything


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_case_shows_summary_rationale_per_axis_and_sources(lang):
    x = ck.explore_cases(lang=lang)
    d = x.open("dsni")
    case = content().get("case", "dsni")
    assert d["summary"] == case["summary"][lang]
    assert d["axes"]["conflict-consensus"]["why"] == case["axes"]["conflict-consensus"]["why"][lang]
    assert [s["slug"] for s in d["sources"]] == case["sources"]
    text = " ".join(str(x).split())
    assert case["axes"]["single-multiple-issue"]["why"][lang][:50] in text
    html = x.html("case_detail", d=d)
    assert content().get("source", case["sources"][0])["citation"][:30] in html


def test_case_explorer_widgets_change_the_list():
    x = ck.explore_cases(lang="en")
    assert x.widget is not None
    before = [v for _, v in x._list.options]
    x._drops["conflict-consensus"].value = "consensus"
    after = [v for _, v in x._list.options]
    assert after == x.visible and len(after) < len(before)
    assert f"{len(after)} of {len(before)}" in x._count.value
    x._list.value = after[0]
    assert x.opened == after[0] and "ck-case-detail" in x._detail.value
    x._drops["region"].value = "usa"
    assert all(content().get("case", s)["region"] == "usa" for _, s in x._list.options)
    assert "ck-case-list" in x._list._dom_classes


def test_case_explorer_unknown_axis_or_position():
    x = ck.explore_cases()
    with pytest.raises(LookupError, match="conflict-consensus"):
        x.filter(axis="conflict", position="conflict")
    with pytest.raises(LookupError, match="consensus"):
        x.filter(axis="conflict-consensus", position="konsensus")
