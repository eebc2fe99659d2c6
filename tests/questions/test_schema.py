"""The one question schema: both quiz files (practice and graded bank) use it; problems name the field."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from coursekit.content import datafile
from coursekit.gradedquiz.bank import SCHEMAS as BANK_SCHEMAS
from coursekit.questions.schema import QUESTION, SCHEMAS, read

REPO = Path(__file__).resolve().parents[2]
PRACTICE = SCHEMAS / "practice.json"



def _t(s):
    return {"id": s, "en": s}


SINGLE = {"id": "q1", "type": "single", "stem": _t("Question?"),
          "options": [{"id": "yes", "correct": True, "text": _t("Yes"), "why": _t("a")},
                      {"id": "no", "text": _t("No"), "why": _t("b")},
                      {"id": "maybe", "text": _t("Maybe"), "why": _t("c")}]}


def _quiz(*questions) -> dict:
    return {"module": "m1", "questions": [dict(SINGLE, id=f"q{n}") for n in range(1, 5)] + list(questions)}


def test_both_quiz_files_name_the_one_question_schema():
    for schema in (PRACTICE, BANK_SCHEMAS / "bank.json"):
        doc = json.loads(schema.read_text(encoding="utf-8"))
        assert (schema.parent / doc["$merge"][0]).resolve() == QUESTION.resolve()
        assert "question" not in doc.get("definitions", {})  # no second copy of the model
    assert "question" in datafile.load_schema(PRACTICE)["definitions"]


def test_the_committed_practice_quizzes_and_bank_are_valid():
    for path in sorted((REPO / "lessons" / "selfcheck").glob("m*.yaml")):
        assert read(path, PRACTICE)[1] == [], path.name
    for path in sorted((REPO / "exercises" / "bank").glob("*.yaml")):
        assert read(path, BANK_SCHEMAS / "bank.json")[1] == [], path.name


def test_a_practice_quiz_with_a_graded_field_name_is_reported_with_did_you_mean(tmp_path):
    old = dict(SINGLE, id="q5", prompt=SINGLE["stem"])
    del old["stem"]
    path = tmp_path / "m1.yaml"
    path.write_text(yaml.safe_dump(_quiz(old), allow_unicode=True), encoding="utf-8")
    _, problems = read(path, PRACTICE, "m1.yaml")
    text = "\n".join(map(str, problems))
    assert "questions[4].prompt: unknown key 'prompt'" in text
    assert "questions[4].stem: missing required field 'stem'" in text
    assert all(p.file == "m1.yaml" and p.line > 0 for p in problems)


def test_practice_true_false_needs_both_side_texts_and_short_a_model_answer(tmp_path):
    tf = {"id": "q5", "type": "true-false", "stem": {"id": "x", "en": "x"}, "answer": True,
          "if_true": {"id": "a", "en": "a"}}
    short = {"id": "q6", "type": "short", "stem": {"id": "x", "en": "x"}, "accepted": ["x"],
             "why": {"id": "a", "en": "a"}}
    path = tmp_path / "m1.yaml"
    path.write_text(yaml.safe_dump(_quiz(tf, short), allow_unicode=True), encoding="utf-8")
    text = "\n".join(map(str, read(path, PRACTICE)[1]))
    assert "questions[4].if_false: missing required field 'if_false'" in text
    assert "questions[5].model: missing required field 'model'" in text
