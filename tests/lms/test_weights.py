"""lms/weights.py: the course's scoring rule as an LMS's percentages: what each option is worth,
how the numbers are written for Moodle, and which ones Moodle cannot take."""

from __future__ import annotations

import pytest

from coursekit import scoring
from coursekit.lms import weights
from coursekit.lms.source import Choice, Question

T = {"id": "t", "en": "t"}


def _q(kind: str, right: int, n: int, qid: str = "m0-x-01") -> Question:
    return Question(qid, kind, 2.0, T, choices=tuple(Choice(f"o{i}", T, i < right) for i in range(n)))


def test_single_choice_is_all_or_nothing():
    assert weights.percents(_q("single", 1, 4)) == [100.0, 0.0, 0.0, 0.0]


@pytest.mark.parametrize("right, n", [(1, 2), (1, 4), (2, 5), (3, 5), (3, 6), (4, 5), (5, 5), (7, 10)])
def test_multiple_right_options_sum_to_100_and_wrong_ones_to_minus_100(right, n):
    got = weights.percents(_q("multiple", right, n))
    assert got[:right] == pytest.approx([100 / right] * right)
    assert got[right:] == pytest.approx([-100 / (n - right)] * (n - right) if n > right else [])
    assert sum(p for p in got if p > 0) == pytest.approx(100)
    assert sum(p for p in got if p < 0) == pytest.approx(-100 if n > right else 0)


def test_percents_are_the_course_rule():
    q = _q("multiple", 2, 5)
    assert weights.percents(q) == [100 * w for w in scoring.option_weights([c.correct for c in q.choices])]


@pytest.mark.parametrize("value, written", [
    (100.0, "100"), (50.0, "50"), (10.0, "10"), (12.5, "12.5"), (0.0, "0"), (-0.0, "0"),
    (100 / 3, "33.33333"), (200 / 3, "66.66667"), (-100 / 3, "-33.33333"), (100 / 7, "14.28571"),
    (-100 / 6, "-16.66667"), (-0.000001, "0"), (0.000004, "0"), (0.000006, "0.00001")])
def test_percent_is_rounded_to_five_decimals_without_trailing_zeros(value, written):
    assert weights.percent(value) == written


def test_moodle_percents_are_written_as_moodle_reads_them():
    assert weights.moodle_percents(_q("multiple", 3, 5)) == ["33.33333"] * 3 + ["-50"] * 2
    assert weights.moodle_percents(_q("single", 1, 3)) == ["100", "0", "0"]


def test_written_percents_still_sum_to_100_within_moodles_tolerance():
    for n in range(2, 13):
        for right in range(1, min(n, 10) + 1):
            if n - right > 10:
                continue
            shares = [float(p) for p in weights.moodle_percents(_q("multiple", right, n))]
            assert abs(sum(p for p in shares if p > 0) - 100) < 1e-3
            if n > right:
                assert abs(sum(p for p in shares if p < 0) + 100) < 1e-3


@pytest.mark.parametrize("n", range(2, 14))
def test_expressible_exactly_when_right_and_wrong_counts_are_at_most_ten(n):
    """Moodle's grade values hold 1/1 .. 1/10 (and 1/20), not 1/11 or 1/12."""
    for right in range(1, n + 1):
        wrong = n - right
        q = _q("multiple", right, n)
        if right <= 10 and wrong <= 10:
            assert len(weights.moodle_percents(q)) == n
        else:
            with pytest.raises(weights.CannotExpress):
                weights.moodle_percents(q)


def test_cannot_express_names_the_item_the_format_and_the_value():
    with pytest.raises(weights.CannotExpress) as e:
        weights.moodle_percents(_q("multiple", 11, 12, qid="m3-t1-09"), fmt="GIFT")
    err = e.value
    assert (err.item, err.fmt) == ("m3-t1-09", "GIFT")
    assert err.value == pytest.approx(100 / 11)
    assert str(err) == "m3-t1-09: GIFT cannot express 9.09091 %"


def test_every_allowed_grade_is_within_tolerance_of_one_fraction():
    """The table's rounded values (0.3333333) match the exact shares Moodle compares with."""
    for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20):
        assert any(abs(1 / d - g) < weights.TOLERANCE for g in weights.MOODLE_GRADES), d
