"""The one set of question checks (coursekit.questions.checks): the same rules for every quiz."""

from __future__ import annotations

import copy

from coursekit.questions.checks import guessing, problems


def _text(s):
    return {"id": s, "en": s}


def _single(**kw) -> dict:
    q = {"id": "q1", "type": "single", "stem": _text("?"),
         "options": [{"id": o, "text": _text(o), "why": _text(o)} for o in ("a", "b", "c", "d")]}
    q["options"][0]["correct"] = True
    return {**q, **kw}


def _matching(pairs: int, choices: int) -> dict:
    right = [{"id": f"r{i}", "text": _text(str(i))} for i in range(choices)]
    left = [{"id": f"l{i}", "text": _text(str(i)), "match": f"r{i}", "why": _text("w")} for i in range(pairs)]
    return {"id": "q1", "type": "matching", "stem": _text("?"), "left": left, "right": right}


def test_a_sound_question_has_no_problems():
    assert problems(_single()) == []
    assert problems(_matching(3, 3)) == []


def test_single_choice_needs_exactly_one_correct_option():
    q = _single()
    q["options"][1]["correct"] = True
    assert problems(q) == [(["options"], "a single-choice question needs exactly one correct option, "
                                         "has 2 (mark it 'correct: true')")]


def test_multiple_select_needs_some_right_and_some_wrong_and_ticking_all_scores_zero():
    q = _single(type="multiple")
    for o in q["options"]:
        o["correct"] = True
    fields = [f for f, _ in problems(q)]
    assert fields == [["options"]]  # one problem, no knock-on guessing message


def test_repeated_ids_and_unknown_matches_name_the_field_and_what_is_allowed():
    q = _single()
    q["options"][1]["id"] = "a"
    assert (["options"], "option ids repeat: ['a']") in problems(q)
    m = _matching(3, 3)
    m["left"][2]["match"] = "r7"
    [(field, message)] = problems(m)
    assert field == ["left", 2, "match"]
    assert "'r7' is not a right entry; allowed: r0, r1, r2" in message


def test_fields_of_another_type_are_reported():
    q = _single(accepted=["x"])
    assert problems(q)[0][0] == ["accepted"]
    assert "allowed: options" in problems(q)[0][1]


def test_true_false_explains_one_way_only():
    tf = {"id": "q1", "type": "true-false", "stem": _text("?"), "answer": True, "why": _text("w")}
    assert problems(tf) == []
    both = dict(tf, if_true=_text("t"), if_false=_text("f"))
    assert [f for f, _ in problems(both)] == [["why"]]
    sides = copy.deepcopy(both)
    del sides["why"]
    assert problems(sides) == []


def test_the_guessing_rule_is_the_scoring_modules():
    assert any("coin flip" in m for m in guessing(_matching(2, 2)))
    assert guessing(_matching(2, 4)) == []
    one_of_five = _single(type="multiple")
    one_of_five["options"].append({"id": "e", "text": _text("e"), "why": _text("e")})
    assert any("chance level" in m for m in guessing(one_of_five))
