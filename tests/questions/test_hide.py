"""Hiding keys (coursekit.questions.hide): nothing readable in the display data, the key comes back."""

from __future__ import annotations

import json

from coursekit.questions import hide


def _text(s):
    return {"id": s + " (id)", "en": s}


QUESTIONS = [
    {"id": "q1", "type": "single", "stem": _text("Pick"),
     "options": [{"id": "right-one", "correct": True, "text": _text("R"), "why": _text("because right")},
                 {"id": "wrong-one", "text": _text("W1"), "why": _text("because wrong")},
                 {"id": "wrong-two", "text": _text("W2"), "why": _text("because also wrong")}]},
    {"id": "q2", "type": "true-false", "stem": _text("Is it?"), "answer": False,
     "if_true": _text("sadly not so"), "if_false": _text("indeed not so")},
    {"id": "q3", "type": "matching", "stem": _text("Match"),
     "right": [{"id": f"c{i}", "text": _text(f"choice {i}")} for i in range(3)],
     "left": [{"id": str(i), "text": _text(f"item {i}"), "match": f"c{i}", "why": _text(f"pair reason {i}")}
              for i in range(3)]},
    {"id": "q4", "type": "short", "stem": _text("Say"), "accepted": ["secret word"],
     "model": _text("the secret word"), "why": _text("short reason")},
]


def test_display_data_holds_no_key_no_rationale_and_no_authored_ids():
    text = json.dumps([hide.hide("salt", q) for q in QUESTIONS], ensure_ascii=False)
    for secret in ("because", "sadly", "indeed", "pair reason", "secret word", "short reason",
                   "right-one", "wrong-one", "correct", '"answer": false'):
        assert secret not in text


def test_the_key_and_the_rationale_come_back_only_with_the_salt():
    single, tf, matching, short = (hide.hide("salt", q) for q in QUESTIONS)
    [right] = hide.key("salt", single)
    assert next(o for o in single["options"] if o["id"] == right)["text"]["en"] == "R"
    assert hide.key("other", single) == set()
    assert hide.key("salt", tf) is False
    assert hide.reveal("salt", "q2.false", tf["why"]["false"])["en"] == "indeed not so"
    key = hide.key("salt", matching)
    shown = {c["id"]: c["text"]["en"] for c in matching["choices"]}
    assert [shown[key[i["id"]]] for i in matching["items"]] == ["choice 0", "choice 1", "choice 2"]
    assert hide.key("salt", short, "  Secret WORD. ") == ["  Secret WORD. "]
    assert hide.key("salt", short, "other") == []


def test_hiding_is_deterministic():
    assert hide.hide("salt", QUESTIONS[0]) == hide.hide("salt", QUESTIONS[0])
    assert hide.hide("salt", QUESTIONS[0]) != hide.hide("pepper", QUESTIONS[0])
