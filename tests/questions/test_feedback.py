"""The one feedback renderer: the same notes and templates for self-check and graded feedback."""

from __future__ import annotations

import json

from coursekit.gradedquiz.feedback import explain
from coursekit.gradedquiz.score import score_question
from coursekit.gradedquiz.variant import slot
from coursekit.questions import feedback
from coursekit.questions.feedback import Feedback
from coursekit.selfcheck.quizzes import Quiz
from tests.support.classroom import EXERCISES


def test_choice_notes_explain_what_was_chosen_and_what_was_right():
    notes = feedback.choice_notes([("a", "A", False, "wa"), ("b", "B", True, "wb"), ("c", "C", False, "wc")],
                                  {"a"})
    assert [(n.about, n.label, n.ok, n.text) for n in notes] == [
        ("chosen", "a) A", False, "wa"), ("right", "b) B", True, "wb")]


def test_truth_and_pair_notes():
    said_true = feedback.truth_notes(True, False, lambda b: str(b), lambda b: f"why {b}")
    assert [(n.about, n.ok, n.text) for n in said_true] == [("chosen", False, "why True"),
                                                            ("right", True, "why False")]
    assert [n.about for n in feedback.truth_notes(None, True, str, str)] == ["right"]
    [n] = feedback.pair_notes([("1", "item", "b", "a", "why")], {"a": "A", "b": "B"})
    assert (n.label, n.ok, n.right) == ("1. item → B", False, "A")


def test_text_and_html_show_status_points_notes_and_rule_without_colour_alone():
    fb = Feedback("q01", "partial", 1, 2, "en", feedback.choice_notes([("a", "A", True, "wa")], {"a"}),
                  heading="q01", rule="Scoring rule: X.")
    text, html = fb.text, fb._repr_html_()
    assert text.startswith("◐ q01: Partly correct (1 of 2 points)")
    assert "✔ Your choice (right): a) A" in text and text.rstrip().endswith("Scoring rule: X.")
    assert 'role="status"' in html and "Partly correct" in html and "Scoring rule: X." in html


def test_text_is_remembered_for_the_same_fields_only():
    notes = feedback.choice_notes([("a", "A", True, "wa")], {"a"})
    fb = Feedback("q01", "correct", 2, 2, "en", notes, heading="q01")
    first = fb.text
    assert Feedback("q01", "correct", 2, 2, "en", list(notes), heading="q01").text is first
    changed = {"qid": "q02", "status": "incorrect", "points": 0, "max_points": 3, "lang": "id",
               "heading": "q09", "reason": "unreadable", "rule": "Scoring rule: X."}
    for name, value in changed.items():
        other = Feedback("q01", "correct", 2, 2, "en", list(notes), heading="q01")
        setattr(other, name, value)
        assert other.text is not first, name  # rendered again (qid alone shows nowhere)
    fb.notes = feedback.choice_notes([("a", "A", True, "another why")], {"a"})
    assert "another why" in fb.text  # a note changed after a render: rendered again


def test_self_check_and_graded_feedback_come_from_the_same_templates():
    q = Quiz("m1", "en", record=False)
    first = q.questions[0]
    q.answer(first.id, first.options("en")[0][0])
    self_check = q.check(first.id).text
    display = json.loads((EXERCISES / "source" / "kuis-1" / "questions.json").read_text(encoding="utf-8"))
    keys = json.loads((EXERCISES / "keys" / "kuis-1.json").read_text(encoding="utf-8"))["questions"]
    question = display["questions"][0]
    result = score_question(question, keys["q01"], "kuis-1", "12345", 'jawaban = "a"')
    graded = "\n".join(explain(result, question, keys["q01"], slot(question, "kuis-1", "12345"), "en"))
    for lines in (self_check, graded):
        assert any(lines.startswith(icon) for icon in "✔✘")
        assert "Your choice" in lines
