"""A problem names where it is (file, line, field) and what is wrong; ContentError lists every one."""

from __future__ import annotations

import pytest

from coursekit.content.problems import ContentError, Problem, allowed, did_you_mean, dotted


def test_a_problem_reads_file_line_field_message():
    assert str(Problem("cases/dsni.yaml", 8, "axes.x", "bad")) == "cases/dsni.yaml:8: axes.x: bad"


def test_a_problem_without_line_or_field_names_the_file():
    assert str(Problem("cases/x.txt", 0, "", "unexpected file")) == "cases/x.txt: (file): unexpected file"


def test_problems_sort_by_file_then_line():
    found = [Problem("b.yaml", 1, "", "x"), Problem("a.yaml", 10, "", "x"), Problem("a.yaml", 2, "", "x")]
    assert [(p.file, p.line) for p in sorted(found)] == [("a.yaml", 2), ("a.yaml", 10), ("b.yaml", 1)]


def test_content_error_lists_every_problem_sorted():
    found = [Problem("m.yaml", 5, "title", "two"), Problem("c.yaml", 3, "slug", "one")]
    err = ContentError(found)
    assert err.problems == sorted(found)
    assert str(err).splitlines() == ["2 problems in course content:", "c.yaml:3: slug: one",
                                     "m.yaml:5: title: two"]


def test_content_error_of_one_problem_says_problem():
    err = ContentError([Problem("a.yaml", 1, "x", "y")])
    assert str(err).splitlines()[0] == "1 problem in course content:"
    assert str(err).splitlines()[1] == "a.yaml:1: x: y"


def test_did_you_mean_suggests_the_nearest_choice():
    assert did_you_mean("sumary", ["summary", "sources"]) == " (did you mean 'summary'?)"
    assert did_you_mean("dnsi", {"dsni", "iaf"}) == " (did you mean 'dsni'?)"


def test_did_you_mean_says_nothing_when_nothing_is_close():
    assert did_you_mean("zzz", ["summary"]) == ""
    assert did_you_mean("x", []) == ""


def test_did_you_mean_ignores_values_that_are_not_text():
    assert did_you_mean(1, ["1", "2"]) == ""
    assert did_you_mean(None, ["None"]) == ""


def test_did_you_mean_compares_choices_as_text():
    assert did_you_mean("12", [12, 99]) == " (did you mean '12'?)"


def test_allowed_is_sorted_and_comma_separated():
    assert allowed({"consensus", "conflict", "combination"}) == "combination, conflict, consensus"
    assert allowed([]) == ""


def test_allowed_shortens_a_long_list_and_says_how_many():
    names = [f"c{i:02d}" for i in range(35)]
    text = allowed(names)
    assert text.startswith("c00, c01,") and text.endswith("c29, ... (35 in all)")
    assert "c30" not in text
    assert allowed(names, limit=35) == ", ".join(names)


@pytest.mark.parametrize(("path", "text"), [
    (["approaches", 0, "cases", 1], "approaches[0].cases[1]"),
    (["axes", "conflict-consensus", "position"], "axes.conflict-consensus.position"),
    ([3, "id"], "[3].id"),
    (["slug"], "slug"),
    ([], ""),
])
def test_dotted(path, text):
    assert dotted(path) == text
