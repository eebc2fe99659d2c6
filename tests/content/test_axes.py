"""The three strategic axes, defined once (the case schema), and how each comparison orders them."""

from __future__ import annotations

import pytest

from coursekit.content import content
from coursekit.content.axes import axes, order


def test_three_axes_with_their_positions():
    assert axes() == {
        "conflict-consensus": ("conflict", "consensus", "combination"),
        "single-multiple-issue": ("single", "multiple", "shifting"),
        "direct-organization-recruitment": ("direct", "organization", "combined"),
    }


def test_order_follows_the_comparison_and_checks_it_names_the_same_positions():
    comp = content().get("comparison", "conflict-consensus")
    assert order("conflict-consensus", comp) == ("consensus", "combination", "conflict")
    with pytest.raises(ValueError, match="case schema"):
        order("single-multiple-issue", comp)


def test_every_case_sits_on_every_axis():
    for case in content().all("case"):
        assert set(case["axes"]) == set(axes())
