"""The quiz's widget view: one block per question with inputs of its type, kept in step with the
programmatic twins (quiz.answer / check / retry), feedback rendered only after a check, and no key
(mark, encoded rationale, salt) in the state sent to the browser."""

from __future__ import annotations

import html
import json

import ipywidgets as w
import pytest

from coursekit import progress_store
from coursekit.selfcheck.bank import load
from coursekit.selfcheck.build import MODULES
from coursekit.selfcheck.quizzes import Quiz


def _quiz(lang: str = "en", module: str = "m1") -> Quiz:
    quiz = Quiz(module, lang, record=False)
    assert quiz.widget is not None
    return quiz


def _inputs(quiz: Quiz, qid: str) -> dict:
    return quiz._parts[qid]["inputs"]


def _feedback(quiz: Quiz, qid: str) -> str:
    return quiz._parts[qid]["feedback"].value


def _right(quiz: Quiz, qid: str) -> str:
    q = quiz.question(qid)
    return next(i for i, _ in q.options("en") if q.feedback(i, "en").correct)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_question_gets_inputs_of_its_type(lang):
    quiz = _quiz(lang)
    types = {q.id: q.type for q in quiz.questions}
    assert types == {"q1": "single", "q2": "multiple", "q3": "true-false", "q4": "matching", "q5": "short"}
    single = _inputs(quiz, "q1")["value"]
    assert isinstance(single, w.RadioButtons) and single.value is None
    labels = [f"{i}) {t}" for i, t in quiz.question("q1").options(lang)]
    assert [label for label, _ in single.options] == labels
    boxes = _inputs(quiz, "q2")
    assert list(boxes) == [i for i, _ in quiz.question("q2").options(lang)]
    assert all(isinstance(b, w.Checkbox) and b.value is False for b in boxes.values())
    truth = _inputs(quiz, "q3")["value"]
    assert truth.options == ((("Benar", True), ("Salah", False)) if lang == "id" else
                             (("True", True), ("False", False)))
    drops = _inputs(quiz, "q4")
    assert list(drops) == [i for i, _ in quiz.question("q4").items(lang)]
    for (i, text), d in zip(quiz.question("q4").items(lang), drops.values(), strict=True):
        assert d.description == f"{i}. {text}" and d.value == "" and d.options[0][1] == ""
    short = _inputs(quiz, "q5")["value"]
    assert isinstance(short, w.Text) and short.value == "" and short.placeholder
    assert all(_feedback(quiz, q.id) == "" for q in quiz.questions)  # nothing before a check


def test_an_answer_given_by_the_twin_shows_in_the_inputs():
    quiz = _quiz()
    quiz.answer("q1", "b")
    quiz.answer("q2", "a, c")  # letters in a string are read as the checkboxes read them
    quiz.answer("q3", False)
    quiz.answer("q4", {"1": "b", "2": "zz"})  # a letter not offered leaves its field unset
    quiz.answer("q5", 42)
    assert _inputs(quiz, "q1")["value"].value == "b"
    assert [b.value for b in _inputs(quiz, "q2").values()][:3] == [True, False, True]
    assert _inputs(quiz, "q3")["value"].value is False
    assert [d.value for d in _inputs(quiz, "q4").values()] == ["b", "", ""]
    assert _inputs(quiz, "q5")["value"].value == "42"
    quiz.answer("q1", "z")  # not an option: no radio button is selected
    assert _inputs(quiz, "q1")["value"].value is None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_checking_renders_that_questions_feedback_and_the_summary(lang):
    quiz = _quiz(lang)
    quiz.answer("q1", _right(quiz, "q1"))
    fb = quiz.check("q1")
    shown = _feedback(quiz, "q1")
    assert shown == fb._repr_html_() and 'role="status"' in shown and "✔" in shown
    assert {"id": "Benar", "en": "Correct"}[lang] in shown  # a word beside the icon, not the icon alone
    assert fb.notes[0].text in html.unescape(shown)
    assert all(_feedback(quiz, q.id) == "" for q in quiz.questions[1:])
    summary = quiz._summary.value
    assert str(quiz.score()) in html.unescape(summary) and "1" in summary and 'aria-live="polite"' in summary


def test_an_unreadable_answer_is_said_so_in_the_feedback():
    quiz = _quiz()
    quiz.answer("q3", "perhaps")
    quiz.check("q3")
    assert "could not be read" in _feedback(quiz, "q3") and quiz._parts["q3"]["inputs"]["value"].value is None
    quiz.check("q5")
    assert "No answer yet" in _feedback(quiz, "q5")


def test_typing_and_buttons_drive_the_model_and_retry_clears_the_view():
    quiz = _quiz()
    _inputs(quiz, "q5")["value"].value = "social capital"
    assert quiz.answers["q5"] == "social capital"
    check, retry = quiz.widget.children[5].children[-2].children
    assert (check.description, retry.description) == ("Check", "Try again")
    check.click()
    assert quiz.feedback("q5").correct and "✔" in _feedback(quiz, "q5")
    retry.click()
    assert "q5" not in quiz.answers and _inputs(quiz, "q5")["value"].value == ""
    assert _feedback(quiz, "q5") == ""


def test_buttons_are_labelled_in_words_for_keyboard_and_screen_reader_users():
    quiz = _quiz("id")
    buttons = [x for x in quiz.widgets() if isinstance(x, w.Button)]
    assert len(buttons) == 2 * len(quiz.questions)
    labels = {(b.description, b.tooltip) for b in buttons}
    assert labels == {("Periksa", "Periksa"), ("Coba lagi", "Coba lagi")}
    assert all(not b.disabled for b in buttons)


def test_answers_restored_from_the_progress_file_show_with_their_feedback():
    first = Quiz("m1", "en")
    first.answer("q1", "a")
    first.check("q1")
    assert json.loads(progress_store.path().read_text())["quizzes"]["m1"]["q1"]["answer"] == "a"
    again = Quiz("m1", "id")
    assert again.widget is not None
    assert _inputs(again, "q1")["value"].value == "a"
    assert _feedback(again, "q1") == again.feedback("q1")._repr_html_() != ""


@pytest.mark.parametrize("module", MODULES)
def test_no_mark_encoded_rationale_or_salt_reaches_the_browser(module):
    quiz = _quiz("en", module)
    data = load(module)
    secret = {data["salt"]}
    for q in data["questions"]:
        for part in [q, *q.get("options", []), *q.get("items", [])]:
            secret |= {part[k] for k in ("mark", "answer") if k in part}
            why = part.get("why")
            secret |= set(why.values()) if isinstance(why, dict) else {why} if why else set()
        secret |= set(q.get("marks", []))
    first = quiz.questions[0]
    quiz.answer(first.id, first.options("en")[0][0] if first.options("en") else "x")
    quiz.check(first.id)  # feedback of a checked question is sent, as text, not its blobs
    state = json.dumps(quiz.browser_state(), ensure_ascii=False)
    assert [s for s in secret if s in state] == []
