"""GIFT: the whole bank parsed by npm's gift-pegjs (round trip of ids, types, options, keys,
weights and multilang text), and gift-pegjs rejects GIFT's special characters left unescaped."""

from __future__ import annotations

import pytest

from coursekit.lms import gift
from coursekit.lms.text import general_feedback, html, paragraphs, plain
from coursekit.lms.weights import percents

GIFT_TYPES = {"single": "MC", "multiple": "MC", "true-false": "TF", "short": "Short",
              "matching": "Matching", "essay": "Essay"}


@pytest.fixture(scope="module")
def parsed(quizzes, gift_parse):
    return gift_parse(gift.export(quizzes, "both"))


def test_round_trip_over_the_whole_bank(parsed, questions):
    found = {p["title"]: p for p in parsed if p["type"] != "Category"}
    assert set(found) == {q.id for q in questions}
    for q in questions:
        p = found[q.id]
        assert p["type"] == GIFT_TYPES[q.type], q.id
        assert p["stem"]["text"] == paragraphs(html(q.stem, "both"), html(q.guidance, "both"))
        if q.type in ("single", "multiple"):
            assert len(p["choices"]) == len(q.choices)
            assert [c["text"]["text"] for c in p["choices"]] == [html(c.text, "both") for c in q.choices]
            assert [c["feedback"]["text"] for c in p["choices"]] == [html(c.why, "both") for c in q.choices]
        if q.type == "single":
            assert [c["isCorrect"] for c in p["choices"]] == [c.correct for c in q.choices]
        if q.type == "multiple":
            weights = [c["weight"] for c in p["choices"]]
            assert weights == pytest.approx(percents(q), abs=1e-4)
            assert [w > 0 for w in weights] == [c.correct for c in q.choices]
        if q.type == "true-false":
            assert p["isTrue"] is q.answer
        if q.type == "short":
            assert [c["text"]["text"] for c in p["choices"]] == list(q.accepted)
            assert all(c["isCorrect"] for c in p["choices"])
        if q.type == "matching":
            right = {r.id: r for r in q.right}
            assert [(m["subquestion"]["text"], m["subanswer"]) for m in p["matchPairs"]] == [
                (html(x.text, "both"), plain(right[x.match].text, "both")) for x in q.left] + [
                ("", plain(r.text, "both")) for r in q.right if all(x.match != r.id for x in q.left)]
            assert p["globalFeedback"]["text"] == general_feedback(q, "both")


def test_categories_for_quizzes_and_pools(parsed, quizzes):
    titles = {p["title"] for p in parsed if p["type"] == "Category"}
    for quiz in quizzes:
        assert f"$course$/top/coursekit/{quiz.id}" in titles
        for slot in quiz.slots:
            if slot.pool:
                assert f"$course$/top/coursekit/{quiz.id}/{slot.pool}" in titles


def test_mlang_markup_is_escaped_too(quizzes, gift_parse):
    text = gift.export(quizzes[:1], "both", mlang=True)
    assert "\\{mlang id\\}" in text
    stems = [p["stem"]["text"] for p in gift_parse(text) if p["type"] != "Category"]
    assert all(s.startswith("<p>{mlang id}") for s in stems)


@pytest.mark.parametrize("char", [":", "{", "=", "}", "~", "#"])
def test_special_characters_unescaped_fail_and_escaped_parse(char, gift_parse):
    """Negative test: a raw special character breaks GIFT (or changes its meaning); escaped, it
    comes back unchanged."""
    text = f'<span lang="id" class="multilang">a {char} b</span>'
    escaped = f"::q1::[html]{gift.escape(text)} {{\n\t={gift.escape(text)}\n\t~no\n}}\n"
    back = gift_parse(escaped)[0]
    assert back["stem"]["text"] == text and back["choices"][0]["text"]["text"] == text
    if char in ":{=":
        with pytest.raises(ValueError):
            gift_parse(f"::q1::[html]{text} {{\n\t=yes\n\t~no\n}}\n")
