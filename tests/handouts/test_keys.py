"""handouts/keys.py: the answer keys of the lecturer pack, one list of lines per question, for
every question type of the one model, read from the self-check sources and the bank."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coursekit.handouts import keys
from coursekit.strings import say

ROOT = Path(__file__).resolve().parents[2]


def _t(text_id: str, text_en: str) -> dict:
    return {"id": text_id, "en": text_en}


def test_choice_keys_are_the_right_options_in_order():
    item = {"type": "multiple", "options": [
        {"id": "a", "text": _t("Kuasa", "Power"), "correct": True},
        {"id": "b", "text": _t("Uang", "Money")},
        {"id": "c", "text": _t("Jaringan", "Networks"), "correct": True}]}
    assert keys.key_of(item, "en") == ["Power", "Networks"]
    assert keys.key_of({**item, "type": "single"}, "id") == ["Kuasa", "Jaringan"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_true_false_keys_are_the_words_for_true_and_false(lang):
    assert keys.key_of({"type": "true-false", "answer": True}, lang) == [say("lessons.true", lang)]
    assert keys.key_of({"type": "true-false", "answer": False}, lang) == [say("lessons.false", lang)]


def test_short_answer_keys_are_the_model_then_every_accepted_answer():
    item = {"type": "short", "accepted": ["modal sosial", "social capital", 1945]}
    assert keys.key_of(item, "en") == ["modal sosial, social capital, 1945"]
    item["model"] = _t("Modal sosial", "Social capital")
    assert keys.key_of(item, "en") == ["Social capital", "modal sosial, social capital, 1945"]


def test_matching_keys_pair_each_left_entry_with_its_right_one():
    item = {"type": "matching",
            "left": [{"id": "l1", "text": _t("Alinsky", "Alinsky"), "match": "r2"},
                     {"id": "l2", "text": _t("DSNI", "DSNI"), "match": "r9"}],
            "right": [{"id": "r1", "text": _t("Konsensus", "Consensus")},
                      {"id": "r2", "text": _t("Konflik", "Conflict")}]}
    assert keys.key_of(item, "id") == ["Alinsky → Konflik", "DSNI → r9"]  # an unknown match shows its id


def test_essay_keys_are_the_model_then_the_mark_scheme():
    item = {"type": "essay", "model": _t("Contoh", "Example"),
            "scheme": [{"points": 3, "text": _t("Pemetaan", "Mapping")}, {"points": 2, "text": "Sources"}]}
    assert keys.key_of(item, "en") == ["Example", "(3) Mapping", "(2) Sources"]


def test_a_text_without_the_language_falls_back_to_indonesian_and_unknown_types_have_no_key():
    item = {"type": "single", "options": [{"text": {"id": "Hanya id"}, "correct": True}]}
    assert keys.key_of(item, "en") == ["Hanya id"]
    assert keys.key_of({"type": "ranking"}, "en") == []


def _source(path: Path, field: str) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))[field]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_self_check_question_of_a_module_has_a_key(lang):
    got = keys.selfcheck_keys(ROOT, "m2", lang)
    wanted = _source(ROOT / "lessons" / "selfcheck" / "m2.yaml", "questions")
    assert [k["id"] for k in got] == [q["id"] for q in wanted]
    assert [k["prompt"] for k in got] == [q["stem"][lang] for q in wanted]
    assert all(k["key"] and all(line.strip() for line in k["key"]) for k in got)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_bank_item_of_a_module_has_a_key(lang):
    got = keys.bank_keys(ROOT, "m1", lang)
    wanted = _source(ROOT / "exercises" / "bank" / "m1.yaml", "items")
    assert [k["id"] for k in got] == [i["id"] for i in wanted]
    assert all(k["key"] and all(line.strip() for line in k["key"]) for k in got)
    by_id = {k["id"]: k["key"] for k in got}
    for item in wanted:
        if item["type"] == "single":
            right = next(o for o in item["options"] if o.get("correct"))
            assert by_id[item["id"]] == [right["text"][lang]]


def test_a_module_without_sources_has_no_keys(tmp_path):
    assert keys.selfcheck_keys(tmp_path, "m1", "id") == [] and keys.bank_keys(ROOT, "m99", "en") == []
