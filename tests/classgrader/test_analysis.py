"""Item analysis on a simulated class with planted properties."""

import math

import pytest

from coursekit.classgrader import analysis, ranges
from coursekit.classgrader.table import SINGLE, Item, Response
from tests.support import simulate


@pytest.fixture(scope="module")
def result():
    responses, items = simulate.simulated_class(n_students=120, seed=7)
    return analysis.analyse("sim", responses, items, ranges.ranges())


def by_id(result, item_id):
    return next(s for s in result.items if s.item.id == item_id)


def reasons(st):
    return {k for k, _ in st.flags}


def test_everybody_right_is_flagged_easy(result):
    st = by_id(result, "sim-everybody-right")
    assert st.facility == 100
    assert {"too_easy", "no_spread"} <= reasons(st)


def test_negative_discrimination_is_flagged(result):
    st = by_id(result, "sim-negative")
    assert st.discrimination < 0
    assert "negative_discrimination" in reasons(st)


def test_unused_distractor_is_flagged_by_option(result):
    st = by_id(result, "sim-unused-distractor")
    assert st.distractors["u4"] == 0
    assert ("unused_distractor", {"option": "u4"}) in st.flags


def test_ordinary_items_are_not_flagged(result):
    for i in range(1, 9):
        assert by_id(result, f"sim-single-{i:02d}").flags == []


def test_reliability_and_confusion(result):
    assert 0.6 < result.alpha < 1 and 0.6 < result.kr20 < 1
    pooled = next(m for m in result.confusion if m["item"] == "pooled")
    assert pooled["rows"] == ["conflict", "consensus", "mixed"]
    assert sum(map(sum, pooled["matrix"])) == 3 * 120
    assert any(m["item"] == "sim-matching" for m in result.confusion)


def test_known_values_on_a_tiny_class():
    item_a = Item("a", SINGLE, 1, ("x", "y"), ("x",))
    item_b = Item("b", SINGLE, 1, ("x", "y"), ("x",))
    scores = {"s1": (1, 1), "s2": (1, 0), "s3": (0, 0), "s4": (1, 1), "s5": (0, 1), "s6": (0, 0)}
    rows = [Response(s, q, q.replace("q", ""), v, 1, ("x",) if v else ("y",))
            for s, pair in scores.items() for q, v in zip(("qa", "qb"), pair, strict=False)]
    rows = [Response(r.student, r.question, "a" if r.question == "qa" else "b", r.score, 1,
                     r.chosen) for r in rows]
    res = analysis.analyse("tiny", rows, {"a": item_a, "b": item_b}, ranges.ranges())
    a = by_id(res, "a")
    assert a.facility == pytest.approx(50)
    # corrected item-total: item a against item b (the rest of a two-item test)
    xa, xb = [p[0] for p in scores.values()], [p[1] for p in scores.values()]
    ma, mb = sum(xa) / 6, sum(xb) / 6
    cov = sum((x - ma) * (y - mb) for x, y in zip(xa, xb, strict=False))
    r = cov / math.sqrt(sum((x - ma) ** 2 for x in xa) * sum((y - mb) ** 2 for y in xb))
    assert a.discrimination == pytest.approx(r * 100)
    # alpha of two items = 2 * (1 - (var a + var b) / var total)
    tot = [x + y for x, y in zip(xa, xb, strict=False)]
    var = lambda v: sum((x - sum(v) / len(v)) ** 2 for x in v) / (len(v) - 1)  # noqa: E731
    assert res.alpha == pytest.approx(2 * (1 - (var(xa) + var(xb)) / var(tot)))


def test_ranges_file_is_valid():
    assert ranges.ranges()["facility"]["too_easy_from"] == 90
