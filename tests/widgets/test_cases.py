"""The case explorer's own rules: filters combine, 'not stated' is a position to filter by, the filters
set are named in words, opening checks the slug, and the view labels every field."""

from __future__ import annotations

import ipywidgets as w
import pytest

import coursekit as ck
from coursekit.api import content
from coursekit.content.axes import axes

CC = "conflict-consensus"


def _slugs(keep) -> list[str]:
    return [c["slug"] for c in content().all("case") if keep(c)]


def test_filters_combine_and_keep_the_content_order():
    x = ck.explore_cases(lang="en")
    assert x.visible == _slugs(lambda c: True)
    shown = x.filter(axis=CC, position="conflict", region="indonesia", module="m4")
    expected = _slugs(lambda c: c["axes"][CC]["position"] == "conflict" and c["region"] == "indonesia"
                      and "m4" in c["modules"])
    assert shown == expected == x.visible and shown


def test_not_stated_is_a_position_one_can_filter_by():
    x = ck.explore_cases(lang="en")
    shown = x.filter(axis=CC, position="not-stated")
    assert shown and shown == _slugs(lambda c: c["axes"][CC]["position"] == "not-stated")


def test_clearing_one_axis_keeps_the_other_filters_and_clear_removes_all():
    x = ck.explore_cases(lang="en")
    x.filter(axis=CC, position="conflict")
    x.filter(region="usa")
    assert x.filter(axis=CC, position=None) == _slugs(lambda c: c["region"] == "usa")
    x.filter(axis="single-multiple-issue", position="multiple")
    x.clear()
    assert set(x.filters.values()) == {None} and x.visible == _slugs(lambda c: True)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_filters_set_are_named_in_words(lang):
    x = ck.explore_cases(lang=lang)
    assert x.active() == []
    x.filter(axis=CC, position="conflict", region="indonesia", module="m4")
    m4 = content().get("module", "m4")["title"][lang]
    assert x.active() == {
        "en": [("Conflict or consensus", "Conflict"), ("Place", "Indonesia"), ("Module", f"M4 {m4}")],
        "id": [("Konflik atau konsensus", "Konflik"), ("Tempat", "Indonesia"), ("Modul", f"M4 {m4}")],
    }[lang]
    text = str(x)
    assert all(f"  {name} = {value}" in text for name, value in x.active())


def test_an_unknown_case_is_refused_and_the_opened_one_kept():
    x = ck.explore_cases(lang="en")
    x.open("dsni")
    with pytest.raises(LookupError, match=r"no case 'dsnii' \(did you mean 'dsni'\?\)"):
        x.open("dsnii")
    assert x.opened == "dsni" and x.detail["slug"] == "dsni"


def test_nothing_is_open_at_first_and_a_case_stays_open_when_filtered_out():
    x = ck.explore_cases(lang="en")
    assert x.detail is None and x.widget is not None and x._detail.value == ""
    x.open("dsni")
    x.filter(region="indonesia")
    assert "dsni" not in x.visible
    assert x._list.value is None and x.detail["name"] in x._detail.value  # detail kept, list unselected
    assert x.detail["axes"].keys() == axes().keys()


def test_every_field_has_a_label_and_the_count_is_announced():
    x = ck.explore_cases(lang="id")
    fields = [d for d in x.widgets() if isinstance(d, (w.Dropdown, w.Select))]
    assert len(fields) == len(axes()) + 2 + 1  # the axes, place, module, and the list of cases
    assert all(f.description for f in fields)
    assert {d.description for d in x._drops.values()} >= {"Tempat", "Modul"}
    assert 'role="status"' in x._count.value and 'aria-live="polite"' in x._count.value
    assert all(d.options[0] == ("(semua)", "") for d in x._drops.values())  # "all" first, in words


@pytest.mark.parametrize(("field", "value", "known"), [("region", "indonesai", "indonesia"),
                                                        ("module", "m44", "m4")])
def test_an_unknown_region_or_module_names_the_known_ones(field, value, known):
    x = ck.explore_cases(lang="en")
    with pytest.raises(LookupError, match=known):
        x.filter(**{field: value})


def test_a_filter_the_twin_accepts_can_be_shown():
    x = ck.explore_cases(lang="en")
    try:
        x.filter(module="m1")
    except LookupError:  # refusing it, naming the modules that have cases, would do as well
        return
    assert x.widget is not None and x.visible == []
    assert "No case matches" in x._count.value
