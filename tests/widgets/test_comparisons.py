"""The comparison explorer's own rules: what a new choice resets, refused names change nothing,
example cases by their short names, one labelled button per case, and the text view."""

from __future__ import annotations

import ipywidgets as w
import pytest

import coursekit as ck
from coursekit.api import content
from coursekit.strings import say

SMI = "single-multiple-issue"


def test_it_opens_on_the_first_comparison_and_its_first_dimension():
    x = ck.explore_comparisons(lang="en")
    first = content().all("comparison")[0]
    assert (x.visible["comparison"], x.dimension) == (first["slug"], first["dimensions"][0])
    assert x.slugs == [c["slug"] for c in content().all("comparison")]


def test_a_new_comparison_starts_on_its_first_dimension_and_a_dimension_keeps_the_comparison():
    x = ck.explore_comparisons("conflict-consensus", lang="en")
    x.select(dimension="weaknesses")
    x.select(SMI)
    assert (x.item["slug"], x.dimension) == (SMI, content().get("comparison", SMI)["dimensions"][0])
    x.select(dimension="methods")
    assert (x.item["slug"], x.dimension) == (SMI, "methods")


def test_refused_names_change_nothing():
    x = ck.explore_comparisons(SMI, lang="en")
    x.select(dimension="aims")
    x.open_case("pueblo")
    with pytest.raises(LookupError):
        x.select("no-such-comparison")
    with pytest.raises(LookupError, match=r"no dimension .aim. \(did you mean .aims.\?\); known: aims"):
        x.select(dimension="aim")
    with pytest.raises(LookupError, match=r"no case 'puebla' \(did you mean 'pueblo'\?\)"):
        x.open_case("puebla")
    assert (x.item["slug"], x.dimension, x.opened) == (SMI, "aims", "pueblo")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_example_cases_are_shown_by_their_short_names(lang):
    v = ck.explore_comparisons(SMI, lang=lang).visible
    item = content().get("comparison", SMI)
    short = {c["slug"]: c["short"][lang] for c in content().all("case")}
    for shown, approach in zip(v["approaches"], item["approaches"], strict=True):
        assert shown["cases"] == approach.get("cases", [])
        assert shown["case_names"] == [short[s] for s in shown["cases"]]
    assert v["combination"]["case_names"] == [short[s] for s in item["combination"]["cases"]]


def test_one_labelled_button_per_example_case_even_when_listed_twice():
    x = ck.explore_comparisons(SMI, lang="en")
    assert x.widget is not None
    v = x.visible
    listed = [s for a in v["approaches"] for s in a["cases"]] + v["combination"]["cases"]
    assert len(listed) > len(set(listed))  # block clubs: an example of single issue and of shifting
    buttons = x._buttons.children
    names = [content().get("case", s)["short"]["en"] for s in dict.fromkeys(listed)]
    assert [b.description for b in buttons] == names
    assert [b.tooltip for b in buttons] == [f"Open the case study {n}" for n in names]


def test_a_comparison_without_example_cases_has_no_buttons():
    x = ck.explore_comparisons("rothman-models", lang="en")
    assert x.widget is not None and x._buttons.children == ()
    assert x.visible["combination"]["cases"] == []
    assert f"\n{x.visible['combination']['name']}\n" in str(x)  # its name, without an empty list


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_text_view_names_the_dimension_in_words_and_the_opened_case(lang):
    x = ck.explore_comparisons(SMI, lang=lang)
    x.select(dimension="strengths")
    x.open_case("pueblo")
    text = str(x)
    assert text.startswith(f"{content().get('comparison', SMI)['title'][lang]}: "
                           f"{say('content.dimension.strengths', lang)}")
    assert f"{say('content.examples', lang)}: " in text
    assert text.rstrip().endswith(f"{say('widgets.explore.opened', lang)}: "
                                  f"{content().get('case', 'pueblo')['short'][lang]}")


def test_both_pickers_are_labelled_and_offer_titles_and_dimensions_in_words():
    x = ck.explore_comparisons(SMI, lang="id")
    assert x.widget is not None
    pickers = [d for d in x.widgets() if isinstance(d, w.Dropdown)]
    assert {d.description for d in pickers} == {"Perbandingan", "Dimensi"}
    assert dict(x._pick.options)[content().get("comparison", SMI)["title"]["id"]] == SMI
    assert [label for label, _ in x._dim.options] == [
        say(f"content.dimension.{d}", "id") for d in x.item["dimensions"]]
