"""The strategy classifier: place scenarios on three axes; feedback per axis names the misconception."""

from __future__ import annotations

import json

import pytest
import yaml

import coursekit as ck
from coursekit.content.axes import axes
from coursekit.selfcheck.build import LESSONS


def _sources():
    rows = {}
    for path in (LESSONS / "vignettes").glob("*.yaml"):
        data = yaml.safe_load(path.read_text("utf-8"))
        rows |= {v["id"]: v for v in data.get("vignettes", [])}
    table = yaml.safe_load((LESSONS / "vignettes" / "misconceptions.yaml").read_text("utf-8"))[
        "misconceptions"
    ]
    return rows, table


SOURCES, TABLE = _sources()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_vignette_right_placement_is_right_on_all_axes(lang):
    c = ck.classify(lang=lang)
    c.record = False
    assert len(c.vignettes) >= 12
    for i, v in enumerate(c.vignettes):
        c.show(i)
        for axis, place in SOURCES[v["id"]]["axes"].items():
            c.place(axis, place["position"])
        results = c.check()
        for axis, f in results.items():
            assert f.correct and f.text == SOURCES[v["id"]]["axes"][axis]["why"][lang]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_wrong_placement_names_the_misconception(lang):
    c = ck.classify(lang=lang)
    c.show("sengketa-lahan")  # conflict, single, organization
    c.place("conflict-consensus", "consensus")
    c.place("single-multiple-issue", "multiple")
    c.place("direct-organization-recruitment", "organization")
    r = c.check()
    assert not r["conflict-consensus"].correct
    assert r["conflict-consensus"].text == TABLE["conflict-consensus"]["consensus"]["conflict"][lang]
    assert r["single-multiple-issue"].text == TABLE["single-multiple-issue"]["multiple"]["single"][lang]
    assert r["direct-organization-recruitment"].correct
    assert c.score() == (1, 3)


def test_a_vignette_can_override_the_shared_misconception():
    c = ck.classify(lang="en")
    c.show("street-children")
    c.place("single-multiple-issue", "single")
    text = c.check()["single-multiple-issue"].text
    assert (
        text == SOURCES["street-children"]["axes"]["single-multiple-issue"]["misconceptions"]["single"]["en"]
    )
    assert "one target group is not one issue" in text


def test_unplaced_axes_reveal_retry_and_navigation():
    c = ck.classify(lang="id")
    first = c.current["id"]
    c.place("conflict-consensus", "conflict")
    r = c.check()
    assert r["single-multiple-issue"].text.startswith("Belum dipilih")
    answers = c.reveal()
    assert set(answers) == set(axes())
    assert answers["conflict-consensus"][0] == SOURCES[first]["axes"]["conflict-consensus"]["position"]
    assert "Penempatan yang tepat" in str(c)
    c.retry()
    assert c.placed.get(first) is None and first not in c.results
    c.next()
    assert c.current["id"] != first
    c.prev()
    assert c.current["id"] == first


def test_indonesian_settings_first_and_filter_by_setting():
    c = ck.classify()
    assert c.vignettes[0]["setting"] == "indonesia"
    assert all(v["setting"] == "elsewhere" for v in ck.classify("elsewhere").vignettes)


def test_widgets_drive_the_model_and_feedback_reaches_the_view():
    c = ck.classify(lang="en")
    c.record = False
    assert c.widget is not None
    v = SOURCES[c.current["id"]]
    for axis, toggle in c._axes.items():
        toggle.value = v["axes"][axis]["position"]
    check = next(b for b in c.widgets() if getattr(b, "description", "") == "Check")
    check.click()
    assert all(f.correct for f in c.results[c.current["id"]].values())
    assert "✔</span> Correct" in c._notes["conflict-consensus"].value
    c._pick.value = 3
    assert c.index == 3 and all(t.value is None for t in c._axes.values())
    json.dumps(c.browser_state())


def test_checks_are_recorded(progress_file):
    c = ck.classify(lang="en")
    c.place("conflict-consensus", "conflict")
    c.check()
    saved = json.loads(progress_file.read_text())
    assert saved["classifier"][c.current["id"]]["max"] == 3
