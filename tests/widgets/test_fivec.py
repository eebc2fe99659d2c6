"""The 5C mapper: assign each actor of a case to a 5C element; feedback per item."""

from __future__ import annotations

import pytest

import coursekit as ck
from coursekit.api import content


@pytest.mark.parametrize("lang", ["id", "en"])
def test_right_mapping_scores_every_item(lang):
    m = ck.map_5c("dsni", lang=lang)
    for k, actor in m.items.items():
        m.assign(k, actor["element"])
    results = m.check()
    assert all(f.correct for f in results.values())
    assert m.score() == (len(m.items), len(m.items))
    assert all(f.text == m.items[k]["why"][lang] for k, f in results.items())


def test_wrong_and_missing_items_get_their_own_feedback():
    m = ck.map_5c("dsni", lang="en")
    agency = next(k for k, a in m.items.items() if a["element"] == "change-agency")
    m.assign(agency, "channel")
    results = m.check()
    assert not results[agency].correct and "You chose Channel" in results[agency].text
    other = next(k for k in m.items if k != agency)
    assert results[other].text == "Not placed yet."
    assert "✘ Incorrect" in str(m)


def test_items_can_be_named_by_label_in_either_language():
    m = ck.map_5c("dsni", lang="en")
    m.assign("Demonstrasi publik", "channel")
    m.assign("public demonstrations", "channel")
    assert list(m.assigned.values()) == ["channel"]


def test_widget_dropdowns_and_buttons_drive_the_model():
    m = ck.map_5c("dsni", lang="id")
    assert m.widget is not None
    for k, actor in m.items.items():
        m._drops[k].value = actor["element"]
    check = next(b for b in m.widgets() if getattr(b, "description", "") == "Periksa")
    check.click()
    assert m.score()[0] == len(m.items) and "✔" in m._notes["1"].value
    m.reset()
    assert all(d.value == "" for d in m._drops.values()) and m._summary.value == ""


def test_every_case_with_actors_opens_and_a_case_without_says_which_have():
    mapped = [c["slug"] for c in content().all("case") if c.get("actors")]
    for slug in mapped:
        assert ck.map_5c(slug).items
    bare = [c["slug"] for c in content().all("case") if not c.get("actors")]
    if bare:
        with pytest.raises(LookupError, match=mapped[0]):
            ck.map_5c(bare[0])
    with pytest.raises(LookupError, match="cause"):
        ck.map_5c("dsni").assign(1, "sebab")
