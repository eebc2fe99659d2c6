"""keys.py on its own, for every item of the real bank: display_item (released) holds only what a
student may see, under tokens, never a key, a rationale or the authored order; item_key holds the
key and the rationale under the same tokens, for the instructor-only keys file."""

from __future__ import annotations

import pytest

from coursekit.gradedquiz.keys import AUTO_TYPES, display_item, item_key
from coursekit.gradedquiz.variant import token
from tests.support import classroom

QUIZ = "kuis-1"
SECRET = {"correct", "why", "answer", "accepted", "match", "model", "scheme", "expect", "order",
          "words", "points", "type", "pool", "outline", "objective", "bloom", "module"}


@pytest.fixture(scope="module")
def items():
    return list(classroom.bank().items.values())


def keys_in(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from keys_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from keys_in(v)


def test_display_never_carries_a_key_or_a_rationale(items):
    for item in items:
        shown = display_item(QUIZ, item)
        assert not set(keys_in(shown)) & SECRET, item["id"]
        for part in ("options", "left", "right"):
            for entry in shown.get(part, []):
                assert set(entry) == {"token", "text"}


def test_display_names_entries_by_token_in_token_order(items):
    for item in items:
        shown = display_item(QUIZ, item)
        if item["type"] in ("single", "multiple"):
            assert [e["token"] for e in shown["options"]] == \
                sorted(token(QUIZ, item["id"], o["id"]) for o in item["options"])
        if item["type"] == "matching":
            for part, prefix in (("left", "L:"), ("right", "R:")):
                assert [e["token"] for e in shown[part]] == \
                    sorted(token(QUIZ, item["id"], prefix + e["id"]) for e in item[part])


def test_what_a_student_sees_by_type(items):
    for item in items:
        shown = display_item(QUIZ, item)
        assert shown["item"] == item["id"] and shown["stem"] == item["stem"]
        assert ("choose" in shown) == (item["type"] == "multiple")
        assert ("guidance" in shown) == (item["type"] == "essay" and "guidance" in item)
        parts = {"single": {"options"}, "multiple": {"options", "choose"}, "matching": {"left", "right"},
                 "true-false": set(), "short": set(), "essay": set(shown) & {"guidance"}}[item["type"]]
        assert set(shown) - {"item", "stem"} == parts


def test_the_key_carries_the_answer_and_why_under_the_same_tokens(items):
    for item in items:
        key, shown = item_key(QUIZ, item), display_item(QUIZ, item)
        assert (key["item"], key["type"], key["points"]) == (item["id"], item["type"], item["points"])
        kind = item["type"]
        if kind in ("single", "multiple"):
            assert set(key["options"]) == {e["token"] for e in shown["options"]}
            assert key["order"] == [o["id"] for o in item["options"]]
            for o in item["options"]:
                k = key["options"][token(QUIZ, item["id"], o["id"])]
                assert k == {"id": o["id"], "correct": bool(o.get("correct")), "why": o["why"]}
        elif kind == "matching":
            assert set(key["left"]) == {e["token"] for e in shown["left"]}
            assert set(key["right"]) == {e["token"] for e in shown["right"]}
            for e in item["left"]:
                k = key["left"][token(QUIZ, item["id"], "L:" + e["id"])]
                assert k == {"id": e["id"], "match": token(QUIZ, item["id"], "R:" + e["match"]),
                             "why": e["why"]}
            assert key["order"] == [e["id"] for e in item["right"]]
        elif kind == "true-false":
            assert key["answer"] is bool(item["answer"]) and key["why"] == item["why"]
        elif kind == "short":
            assert key["accepted"] == list(item["accepted"]) and key["why"] == item["why"]
        else:
            assert kind not in AUTO_TYPES and set(key) == {"item", "type", "points"}


def test_every_single_choice_key_has_one_right_option(items):
    for item in items:
        if item["type"] == "single":
            assert sum(o["correct"] for o in item_key(QUIZ, item)["options"].values()) == 1


def test_tokens_belong_to_one_quiz(items):
    """The same item in another quiz has other tokens: a key file of one quiz says nothing of another."""
    item = next(i for i in items if i["type"] == "matching")
    a, b = item_key("kuis-1", item), item_key("kuis-2", item)
    assert not set(a["left"]) & set(b["left"]) and not set(a["right"]) & set(b["right"])
    assert [e["id"] for e in a["left"].values()] == [e["id"] for e in b["left"].values()]


def test_left_and_right_entries_of_one_id_get_different_tokens():
    text = {"id": "t", "en": "t"}
    item = {"id": "x", "type": "matching", "points": 1, "stem": text,
            "left": [{"id": "a", "text": text, "match": "a", "why": text}],
            "right": [{"id": "a", "text": text}, {"id": "b", "text": text}]}
    shown = display_item(QUIZ, item)
    assert shown["left"][0]["token"] not in {e["token"] for e in shown["right"]}
    assert item_key(QUIZ, item)["left"][shown["left"][0]["token"]]["match"] == token(QUIZ, "x", "R:a")
