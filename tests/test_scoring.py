"""The course's one scoring rule (coursekit.scoring), tested directly."""

from itertools import combinations

import pytest

from coursekit import scoring
from coursekit.scoring import (
    CORRECT,
    INCORRECT,
    PARTIAL,
    expected_random,
    expected_tick_all,
    multiple_share,
    option_weights,
    score_matching,
    score_multiple,
)

# Moodle's grade values (jupyter-facts.md): every per-option fraction must be one of these.
MOODLE = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
          14.28571, 12.5, 11.11111, 10, 5, 0]


def letters(n):
    return {chr(97 + i): f"o{i}" for i in range(n)}


def right(k):
    return {f"o{i}" for i in range(k)}


@pytest.mark.parametrize("n,k", [(4, 3), (5, 3), (3, 2), (4, 2), (5, 2), (6, 3)])
def test_ticking_every_option_earns_nothing(n, k):
    # Before: (right - wrong) / right gave 2/3 on 3-of-4 items (m1-k3-02, m3-t1-01, m7-x2-01,
    # m8-r1-01) and 1/2 on m6-t10-02 (2 of 3 right).
    everything = list(letters(n))
    sc = score_multiple(everything, letters(n), right(k), 2)
    assert (sc.points, sc.status) == (0, INCORRECT)


def test_tick_all_on_the_issue_items_is_zero_now():
    assert score_multiple("abcd", letters(4), right(3), 2).points == 0  # was 2/3 of 2
    assert score_multiple("abc", letters(3), right(2), 2).points == 0  # was 1/2 of 2


def test_right_options_earn_one_k_each_wrong_ones_cost_one_n_minus_k():
    opts = letters(5)  # o0, o1, o2 right; o3, o4 wrong
    assert score_multiple("ab", opts, right(3), 3).points == 2
    assert score_multiple("abc", opts, right(3), 3) == scoring.Score(3, 3, CORRECT)
    sc = score_multiple("abcd", opts, right(3), 3)  # 1 - 1/2
    assert (sc.points, sc.status) == (1.5, PARTIAL)
    assert score_multiple("ad", opts, right(3), 3).points == 0  # 1/3 - 1/2 floored at 0
    assert score_multiple(None, opts, right(3), 3).status == scoring.BLANK


def test_option_weights_are_moodle_grade_values_and_agree_with_score_multiple():
    for n in range(2, 9):
        for k in range(1, n):
            flags = [i < k for i in range(n)]
            weights = option_weights(flags)
            assert weights == [pytest.approx(1 / k)] * k + [pytest.approx(-1 / (n - k))] * (n - k)
            for w in weights:
                assert any(abs(abs(w) * 100 - m) < 1e-4 for m in MOODLE), (n, k, w)
            for ticked in ([], list(range(n)), [0], [0, n - 1]):
                assert scoring.score_ticked(flags, ticked) == pytest.approx(
                    multiple_share(set(ticked), set(range(k)), n))
    # The format check scores against a dummy key with every option right: no error there.
    assert multiple_share({0}, {0, 1, 2, 3}, 4) == 0.25
    assert score_multiple("ab", letters(4), right(4), 2).points == 1


def test_expected_random_matches_brute_force():
    for n in range(2, 7):
        for k in range(1, n):
            subsets = [set(c) for r in range(n + 1) for c in combinations(range(n), r)]
            mean = sum(multiple_share(s, set(range(k)), n) for s in subsets) / len(subsets)
            assert expected_random("multiple", n, k) == pytest.approx(mean)
            assert expected_tick_all("multiple", n, k) == 0


def test_expected_values_of_other_types():
    assert expected_random("single", 4) == 0.25
    assert expected_random("true-false", 2) == 0.5
    assert expected_random("matching", 3, pairs=3) == pytest.approx(1 / 3)
    assert expected_random("short", 1) == 0
    # Under the rule, random ticking stays at or below single-choice chance for these shapes.
    for n, k in [(3, 1), (3, 2), (4, 1), (4, 2), (4, 3), (5, 2), (5, 3), (6, 3)]:
        assert expected_random("multiple", n, k) <= 1 / n + 1e-9
    for n, k in [(5, 1), (5, 4), (6, 2)]:  # the bank check rejects these shapes
        assert expected_random("multiple", n, k) > 1 / n


def test_matching_is_the_share_of_right_pairs():
    left, right_ = {"1": "l1", "2": "l2", "3": "l3"}, {"a": "r1", "b": "r2", "c": "r3"}
    key = {"l1": "r1", "l2": "r2", "l3": "r3"}
    assert score_matching({"1": "a", "2": "b", "3": "c"}, left, right_, key, 3).points == 3
    assert score_matching({"1": "a", "2": "c", "3": "b"}, left, right_, key, 3).points == 1
    assert score_matching("1a 2a 3a", left, right_, key, 3).points == 1


def test_pairs_reads_every_matching_form():
    assert scoring.pairs({"1": "B", " 2": "c "}) == {"1": "b", "2": "c"}
    assert scoring.pairs([["1", "b"], ("2", "a")]) == {"1": "b", "2": "a"}
    assert scoring.pairs("1b 2-a") == {"1": "b", "2": "a"}
    assert scoring.pairs("") is None and scoring.pairs({}) is None
    assert scoring.pairs([1, 2]) == "invalid" and scoring.pairs(42) == "invalid"
