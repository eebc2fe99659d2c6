"""A module's quiz as a model: answers, checks, the score of the latest checks, and what it keeps in
the progress file (only scored checks; restored in either language; never when record is off)."""

from __future__ import annotations

import json

import pytest

from coursekit import progress_store
from coursekit.selfcheck.quizzes import Quiz, QuizScore


def _right_single(quiz: Quiz) -> tuple[str, str]:
    """(question id, the letter that scores full marks), found by checking each letter."""
    q = next(q for q in quiz.questions if q.type == "single")
    return q.id, next(i for i, _ in q.options("en") if q.feedback(i, "en").correct)


def test_score_text_rounds_points_and_percent():
    assert str(QuizScore(2 / 3, 5, 1, 5, 0, "en")) == (
        "Score: 0.67 of 5 points (13%); 1 of 5 questions checked, 0 correct.")
    assert str(QuizScore(3, 5, 3, 5, 3, "id")).startswith("Skor: 3 dari 5 poin (60%)")
    assert QuizScore(0, 0, 0, 0, 0, "en").percent == 0  # no division by zero


def test_the_score_counts_the_latest_scored_check_of_each_question():
    quiz = Quiz("m1", "en", record=False)
    qid, right = _right_single(quiz)
    assert (quiz.score().checked, quiz.score().max_points) == (0, 5)
    quiz.answer(qid, right)
    quiz.check(qid)
    wrong = next(i for i, _ in quiz.question(qid).options("en") if i != right)
    quiz.answer(qid, wrong)
    assert quiz.feedback(qid) is None  # a new answer clears the earlier check
    quiz.check(qid)
    quiz.check("q5")  # blank: shown, but neither checked nor scored
    quiz.answer("q3", "perhaps")
    assert quiz.check("q3").status == "invalid"
    s = quiz.score()
    assert (s.points, s.checked, s.correct, s.total) == (0, 1, 0, 5)


def test_only_scored_checks_are_recorded_with_the_answer(progress_file):
    quiz = Quiz("m1", "en")
    quiz.check("q1")
    quiz.answer("q3", "perhaps")
    quiz.check("q3")
    assert not progress_file.exists()
    quiz.answer("q2", ("a", "c"))
    fb = quiz.check("q2")
    row = json.loads(progress_file.read_text())["quizzes"]["m1"]["q2"]
    assert row["answer"] == ["a", "c"] and row["points"] == fb.points and row["tries"] == 1
    quiz.check("q2")
    assert json.loads(progress_file.read_text())["quizzes"]["m1"]["q2"]["tries"] == 2


def test_a_quiz_that_does_not_record_leaves_no_file(progress_file):
    quiz = Quiz("m1", "en", record=False)
    qid, right = _right_single(quiz)
    quiz.answer(qid, right)
    assert quiz.check(qid).correct
    assert not progress_file.exists()


def test_checked_answers_come_back_in_the_other_language():
    first = Quiz("m1", "en")
    qid, right = _right_single(first)
    first.answer(qid, right)
    first.check(qid)
    first.answer("q5", "not this")
    first.check("q5")
    again = Quiz("m1", "id")
    assert again.answers == {qid: right, "q5": "not this"}
    assert again.feedback(qid).correct and again.feedback(qid).lang == "id"
    assert "Benar" in again.feedback(qid).text
    assert again.score().checked == 2
    assert Quiz("m1", "id", record=False).answers == {}  # a quiz that does not record starts empty


def test_answers_saved_for_questions_no_longer_in_the_quiz_are_ignored():
    progress_store.record_answer("m1", "q99", 1, 1, "a")
    progress_store.record_answer("m1", "q1", 0, 1, {"not": "an", "answer": 1})  # kept without answer
    quiz = Quiz("m1", "en")
    assert quiz.answers == {} and quiz.results == {}


def test_unknown_question_ids_are_refused_by_every_action():
    quiz = Quiz("m1", "en", record=False)
    for action in (lambda: quiz.answer("q9", "a"), lambda: quiz.check("q9"), lambda: quiz.retry("q9")):
        with pytest.raises(LookupError, match=r"no question 'q9'.*q1, q2"):
            action()
    assert quiz.answers == {} and quiz.results == {}


def test_retry_clears_answer_and_feedback_but_keeps_the_other_questions():
    quiz = Quiz("m1", "en", record=False)
    a, b = quiz.question("q1"), quiz.question("q2")  # single and multiple choice
    for q in (a, b):
        quiz.answer(q.id, "a")
        quiz.check(q.id)
    quiz.retry(a.id)
    assert a.id not in quiz.answers and quiz.feedback(a.id) is None
    assert b.id in quiz.answers and quiz.feedback(b.id) is not None
    assert quiz.score().checked == 1
