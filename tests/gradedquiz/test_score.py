"""score.py on its own: one question scored from the answer cell's source for one student's
variant (letters mapped to that student's options, keys by stable id), the stable ids chosen for
the export, and the format check the student runs (a dummy key: blank, unreadable or fine, never
right or wrong)."""

from __future__ import annotations

import pytest

from coursekit.classgrader.responses import master
from coursekit.gradedquiz.answers import Answer, parse_answer
from coursekit.gradedquiz.score import Result, chosen, format_status, score_question, score_value
from coursekit.gradedquiz.variant import slot
from tests.support import classroom

QUIZ = "kuis-1"
STUDENT = "23010042"
DISPLAY, KEYS = master(classroom.EXERCISES / "source" / QUIZ)
Q = {q["qid"]: q for q in DISPLAY["questions"]}
RIGHT = classroom.right_answers(classroom.EXERCISES, QUIZ, STUDENT)


def score(qid, source, student=STUDENT) -> Result:
    return score_question(Q[qid], KEYS[qid], QUIZ, student, source)


def key(qid, student=STUDENT):
    return KEYS[qid][slot(Q[qid], QUIZ, student).item]


def test_a_result_names_the_question_item_and_points():
    r = score("q01", f"jawaban = {RIGHT['q01']!r}")
    assert (r.qid, r.item, r.points, r.max_points, r.status, r.detail) == \
        ("q01", slot(Q["q01"], QUIZ, STUDENT).item, 1.0, 1.0, "correct", "")
    assert r.value == RIGHT["q01"]
    assert r.chosen == [next(o["id"] for o in key("q01")["options"].values() if o["correct"])]


def test_letters_are_read_in_the_students_own_order():
    """The same letter is another option for another student: each is scored on their variant."""
    source = f"jawaban = {RIGHT['q02']!r}"
    others = [f"2301{n:04d}" for n in range(1, 9)]
    assert score("q02", source).status == "correct"
    assert any(score("q02", source, s).status != "correct" for s in others)
    for s in others:
        right = classroom.right_answers(classroom.EXERCISES, QUIZ, s)["q02"]
        assert score("q02", f"jawaban = {right!r}", s).points == 2.0


def test_partial_credit_for_several_right_options_and_pairs():
    right = RIGHT["q02"]  # three right options of five, 2 points
    assert score("q02", f"jawaban = {right[:1]!r}").points == pytest.approx(2 / 3, abs=1e-3)
    assert score("q02", f"jawaban = {right[:2]!r}").status == "partial"
    assert score("q02", 'jawaban = ["a", "b", "c", "d", "e"]').points == 0  # ticking all scores 0
    pairs = dict(list(RIGHT["q08"].items())[:2])  # two of three pairs, 3 points
    assert score("q08", f"jawaban = {pairs!r}").points == pytest.approx(2.0)


def test_chosen_holds_stable_ids_never_letters():
    r = score("q02", f"jawaban = {RIGHT['q02']!r}")
    ids = {o["id"] for o in key("q02")["options"].values() if o["correct"]}
    assert set(r.chosen) == ids and not set(r.chosen) & set("abcde")
    m = score("q08", f"jawaban = {RIGHT['q08']!r}")
    k = key("q08")
    right_ids = {t: e["id"] for t, e in k["right"].items()}
    first = k["left"][slot(Q["q08"], QUIZ, STUDENT).left["1"]]["id"]
    assert m.chosen[0].startswith(first + "=")  # in the order of the numbers shown
    assert set(m.chosen) == {f"{e['id']}={right_ids[e['match']]}" for e in k["left"].values()}


def test_chosen_leaves_out_what_is_not_shown():
    s = slot(Q["q02"], QUIZ, STUDENT)
    assert chosen(s, key("q02"), ["a", "z"]) == [key("q02")["options"][s.letters["a"]]["id"]]
    m = slot(Q["q08"], QUIZ, STUDENT)
    assert chosen(m, key("q08"), {"9": "a", "1": "z"}) == []
    assert chosen(m, key("q08"), "not pairs at all") == []
    assert chosen(slot(Q["q01"], QUIZ, STUDENT), key("q01"), "z") == []


def test_true_false_and_short_answers_are_kept_as_written():
    assert score("q04", 'jawaban = "Benar"').chosen == ["Benar"]
    assert score("q17", 'jawaban = "Change Target."').chosen == ["Change Target."]


@pytest.mark.parametrize("qid", ["q04", "q17"])
def test_a_blank_answer_chose_nothing(qid):
    r = score(qid, 'jawaban = ""')
    assert r.status == "blank" and r.chosen == []


def test_an_answer_that_cannot_be_read_scores_zero_with_its_reason():
    r = score("q01", 'jawaban = "b')
    assert (r.points, r.max_points, r.status, r.detail, r.chosen) == (0.0, 1.0, "invalid", "syntax-error", [])
    r = score_value(Q["q01"], KEYS["q01"], QUIZ, STUDENT, Answer(invalid="answer-cell-not-code"))
    assert (r.status, r.detail) == ("invalid", "answer-cell-not-code")


def test_an_answer_outside_the_question_is_invalid_not_wrong():
    assert (score("q01", 'jawaban = "z"').status, score("q01", 'jawaban = "z"').detail) == \
        ("invalid", "unknown-option:z")
    assert score("q08", 'jawaban = {"9": "a"}').detail == "unknown-pair:9-a"
    assert score("q04", 'jawaban = "mungkin"').detail == "not-true-false:mungkin"


def test_points_come_from_the_key():
    r = score("q16", 'jawaban = ""')
    assert r.max_points == float(key("q16")["points"]) == 5.0


# format_status: the student's check, without the key

@pytest.mark.parametrize("qid", ["q01", "q02", "q04", "q08", "q17"])
def test_the_format_check_never_says_wrong(qid):
    wrong = classroom.wrong_answers(classroom.EXERCISES, QUIZ, STUDENT)[qid]
    for value in (RIGHT[qid], wrong):
        status = format_status(Q[qid], QUIZ, STUDENT, parse_answer(f"jawaban = {value!r}"))
        assert status.status not in ("blank", "invalid")


@pytest.mark.parametrize("qid, source, status, detail", [
    ("q01", 'jawaban = ""', "blank", ""),
    ("q02", "jawaban = []", "blank", ""),
    ("q08", "jawaban = {}", "blank", ""),
    ("q01", 'jawaban = "z"', "invalid", "unknown-option:z"),
    ("q08", 'jawaban = {"1": "z"}', "invalid", "unknown-pair:1-z"),
    ("q04", 'jawaban = "mungkin"', "invalid", "not-true-false:mungkin"),
    ("q17", "jawaban = 1 +", "invalid", "syntax-error"),
])
def test_the_format_check_finds_blank_and_unreadable_answers(qid, source, status, detail):
    got = format_status(Q[qid], QUIZ, STUDENT, parse_answer(source))
    assert (got.status, got.detail) == (status, detail)


def test_an_essay_is_not_scored_here():
    with pytest.raises(ValueError, match="question q18: type 'essay' is not auto-graded"):
        format_status(Q["q18"], QUIZ, STUDENT, parse_answer('jawaban = "x"'))
