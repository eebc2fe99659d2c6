"""Self-check quizzes driven through their programmatic twins and through the widgets, in both languages."""

from __future__ import annotations

import json

import pytest
import yaml

import coursekit as ck
from coursekit.selfcheck.build import LESSONS, MODULES
from coursekit.selfcheck.quizzes import Quiz

LANGS = ["id", "en"]


def flat(text: str) -> str:
    return " ".join(text.split())


def _source(module):
    return {
        q["id"]: q
        for q in yaml.safe_load((LESSONS / "selfcheck" / f"{module}.yaml").read_text("utf-8"))["questions"]
    }


def right_answer(quiz, q, lang="en"):
    """The right answer, found from the authored source (texts), not from the compiled keys."""
    src = _source(quiz.module)[q.id]
    if q.type == "single":
        text = next(o["text"][lang] for o in src["options"] if o.get("correct"))
        return next(i for i, t in q.options(lang) if t == text)
    if q.type == "multiple":
        texts = {o["text"][lang] for o in src["options"] if o.get("correct")}
        return [i for i, t in q.options(lang) if t in texts]
    if q.type == "true-false":
        return src["answer"]
    if q.type == "matching":
        key_text = {c["id"]: c["text"][lang] for c in src["right"]}
        by_text = {t: i for i, t in q.options(lang)}
        return {str(n): by_text[key_text[p["match"]]] for n, p in enumerate(src["left"], 1)}
    return src["accepted"][0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", MODULES)
def test_right_answers_score_full_marks_with_rationales(module, lang):
    quiz = Quiz(module, lang)
    src = _source(module)
    for q in quiz.questions:
        quiz.answer(q.id, right_answer(quiz, q, lang))
        fb = quiz.check(q.id)
        assert fb.correct and fb.points == fb.max_points, (module, q.id)
        assert "✔" in fb.text and fb.notes
        if q.type == "single":
            chosen = next(o for o in src[q.id]["options"] if o.get("correct"))
            assert chosen["why"][lang] in flat(fb.text)
    score = quiz.score()
    assert score.points == score.max_points and score.checked == len(quiz.questions)
    assert "100%" in str(score)


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_single_choice_shows_both_rationales_text_and_icon(lang):
    quiz = Quiz("m4", lang)
    q = next(q for q in quiz.questions if q.type == "single")
    right = right_answer(quiz, q, lang)
    wrong = next(i for i, _ in q.options(lang) if i != right)
    quiz.answer(q.id, wrong)
    fb = quiz.check(q.id)
    assert not fb.correct and fb.status == "incorrect"
    src = _source("m4")[q.id]
    texts = {o["text"][lang]: o["why"][lang] for o in src["options"]}
    chosen_text, right_text = dict(q.options(lang))[wrong], dict(q.options(lang))[right]
    assert texts[chosen_text] in flat(fb.text) and texts[right_text] in flat(fb.text)
    word = {"id": "Belum tepat", "en": "Incorrect"}[lang]
    assert f"✘ {word}" in fb.text
    html = fb._repr_html_()
    assert word in html and "✘" in html and 'role="status"' in html


def test_multiple_select_gives_partial_credit_and_shows_it():
    quiz = Quiz("m1", "en")
    q = quiz.question("q2")
    right = right_answer(quiz, q)
    quiz.answer("q2", right[:2])
    fb = quiz.check("q2")
    assert fb.status == "partial" and 0 < fb.points < 1
    assert "Partly correct" in fb.text and "◐" in fb.text and "0.6667 of 1 points" in fb.text


def test_matching_scores_each_pair():
    quiz = Quiz("m1", "id")
    right = right_answer(quiz, quiz.question("q4"), "id")
    one = dict(list(right.items())[:1])
    quiz.answer("q4", one)
    fb = quiz.check("q4")
    assert fb.status == "partial" and fb.points == pytest.approx(1 / 3, abs=1e-3)
    assert "Pasangan yang tepat" in fb.text


@pytest.mark.parametrize("answer", ["Modal Sosial", "  social   capital. ", "SOSIAL!"])
def test_short_answers_are_normalised_in_both_languages(answer):
    quiz = Quiz("m1", "en")
    quiz.answer("q5", answer)
    assert quiz.check("q5").correct


def test_short_wrong_answer_and_blank_and_retry():
    quiz = Quiz("m6", "id")
    q = next(q for q in quiz.questions if q.type == "short")
    assert quiz.check(q.id).status == "blank"
    quiz.answer(q.id, "transparansi")
    fb = quiz.check(q.id)
    assert fb.status == "incorrect" and "Jawaban contoh" in fb.text
    quiz.retry(q.id)
    assert quiz.feedback(q.id) is None and q.id not in quiz.answers
    quiz.answer(q.id, "Jujur")
    assert quiz.check(q.id).correct


def test_true_false_accepts_words_of_both_languages():
    quiz = Quiz("m4", "en")
    q = next(q for q in quiz.questions if q.type == "true-false")
    quiz.answer(q.id, "benar")
    assert not quiz.check(q.id).correct  # the DSNI statement is false
    quiz.answer(q.id, "false")
    assert quiz.check(q.id).correct


def test_unknown_question_and_module_name_the_known_ones():
    with pytest.raises(LookupError, match="m4"):
        ck.quiz("m44")
    with pytest.raises(LookupError, match="q1"):
        Quiz("m4").answer("q99", "a")


@pytest.mark.parametrize("lang", LANGS)
def test_widget_actions_drive_the_same_model(lang):
    quiz = Quiz("m1", lang)
    parts = quiz.widget and quiz._parts
    q1 = quiz.question("q1")
    parts["q1"]["inputs"]["value"].value = right_answer(quiz, q1, lang)
    check, retry = quiz.widget.children[1].children[-2].children
    check.click()
    assert quiz.feedback("q1").correct
    assert "✔" in parts["q1"]["feedback"].value
    for box_id in right_answer(quiz, quiz.question("q2"), lang):
        parts["q2"]["inputs"][box_id].value = True
    for item, choice in right_answer(quiz, quiz.question("q4"), lang).items():
        parts["q4"]["inputs"][item].value = choice
    parts["q5"]["inputs"]["value"].value = "social capital"
    parts["q3"]["inputs"]["value"].value = False
    for qid in ("q2", "q3", "q4", "q5"):
        quiz.check(qid)
    assert quiz.score().correct == 5
    assert "100%" in quiz._summary.value
    retry.click()
    assert quiz.feedback("q1") is None and parts["q1"]["inputs"]["value"].value is None
    assert parts["q1"]["feedback"].value == ""


def test_programmatic_answers_show_in_the_widgets():
    quiz = Quiz("m1", "en")
    assert quiz.widget is not None
    quiz.answer("q2", ["a", "c"])
    assert [b.value for b in quiz._parts["q2"]["inputs"].values()][:3] == [True, False, True]


def test_quiz_renders_as_text_and_as_a_widget_bundle():
    quiz = ck.quiz("m3", lang="en")
    text = str(quiz)
    assert "Self-check: M3" in text and "Question 4" in text
    bundle = quiz._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and bundle["text/plain"] == text


def test_checked_answers_are_saved_to_the_progress_file(progress_file):
    quiz = Quiz("m5", "en")
    q = quiz.questions[0]
    quiz.answer(q.id, right_answer(quiz, q))
    quiz.check(q.id)
    saved = json.loads(progress_file.read_text())
    assert saved["quizzes"]["m5"][q.id]["points"] == 1
