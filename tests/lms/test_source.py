"""lms/source.py: the one adapter from the question bank to the exporters: every bank item as a
plain Question (keys included), quizzes as numbered slots (pools hold every candidate), the items
no quiz uses as a last pseudo-quiz, and a bank with problems refused with all of them listed."""

from __future__ import annotations

import dataclasses
import shutil
from functools import cache

import pytest
import yaml

from coursekit.lms import source
from coursekit.strings import entry

from .conftest import EXERCISES


def _yaml(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def _bank() -> dict[str, dict]:
    """The bank's items as the files hold them (id -> item), read apart from the module."""
    items = {}
    for path in sorted((EXERCISES / "bank").glob("*.yaml")):
        items.update({i["id"]: i for i in _yaml(path)["items"]})
    return items


def _plan() -> list[dict]:
    return _yaml(EXERCISES / "quizzes.yaml")["quizzes"]


def _first(kind: str) -> dict:
    return next(i for i in _bank().values() if i["type"] == kind)


def test_choice_items_keep_options_in_order_with_keys_and_rationales():
    for kind in ("single", "multiple"):
        item = _first(kind)
        q = source.question(item)
        assert (q.id, q.type, q.stem) == (item["id"], kind, item["stem"])
        assert q.points == float(item["points"]) and isinstance(q.points, float)
        assert [c.id for c in q.choices] == [o["id"] for o in item["options"]]
        assert [c.correct for c in q.choices] == [bool(o.get("correct")) for o in item["options"]]
        assert [c.why for c in q.choices] == [o.get("why") for o in item["options"]]
        assert not q.left and q.answer is None


def test_true_false_short_and_matching_items():
    tf, short, match = _first("true-false"), _first("short"), _first("matching")
    q = source.question(tf)
    assert q.answer is tf["answer"] and q.why == tf.get("why") and not q.choices
    q = source.question(short)
    assert q.accepted == tuple(short["accepted"]) and q.why == short.get("why")
    q = source.question(match)
    assert [(p.id, p.match, p.why) for p in q.left] == [(e["id"], e["match"], e.get("why"))
                                                         for e in match["left"]]
    assert [c.id for c in q.right] == [e["id"] for e in match["right"]]
    assert not any(c.correct for c in q.right)  # right-hand entries carry no key of their own


def test_essay_items_keep_guidance_model_and_the_mark_scheme():
    item = _first("essay")
    q = source.question(item)
    assert q.model == item.get("model") and q.guidance == item.get("guidance")
    assert [c.points for c in q.scheme] == [float(c["points"]) for c in item["scheme"]]
    assert [c.levels for c in q.scheme] == [tuple(c.get("levels", ())) for c in item["scheme"]]
    assert [c.expect for c in q.scheme] == [c.get("expect") for c in item["scheme"]]


def test_questions_are_frozen():
    q = source.question(_first("single"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.points = 5.0


def test_quizzes_are_the_plan_then_the_items_no_quiz_uses(quizzes):
    plan = _plan()
    assert [z.id for z in quizzes] == [p["id"] for p in plan] + ["bank"]
    for z, p in zip(quizzes, plan, strict=False):
        assert z.title == p["title"]
        assert [s.number for s in z.slots] == list(range(1, len(p["questions"]) + 1))
        for slot, wanted in zip(z.slots, p["questions"], strict=True):
            if "item" in wanted:
                assert slot.pool is None and [q.id for q in slot.questions] == [wanted["item"]]
            else:
                members = sorted(i for i, x in _bank().items() if x.get("pool") == wanted["pool"])
                assert slot.pool == wanted["pool"] and [q.id for q in slot.questions] == members


def test_the_pseudo_quiz_holds_exactly_the_unused_items_one_per_slot(quizzes):
    *real, rest = quizzes
    used = {q.id for z in real for q in z.questions}
    assert rest.title == entry("lms.names.unused")
    assert [q.id for q in rest.questions] == sorted(set(_bank()) - used)
    assert all(s.pool is None and len(s.questions) == 1 for s in rest.slots)
    assert {q.id for z in quizzes for q in z.questions} == set(_bank())


def test_one_quiz_only_has_no_pseudo_quiz(quizzes):
    only = source.quizzes(EXERCISES, "kuis-2")
    assert [z.id for z in only] == ["kuis-2"]
    assert only[0] == quizzes[1]


def test_an_unknown_quiz_is_a_lookup_error_naming_the_quizzes():
    with pytest.raises(LookupError) as e:
        source.quizzes(EXERCISES, "kuis-9")
    assert "kuis-9" in str(e.value) and "kuis-1" in str(e.value)
    assert source.quiz_ids(EXERCISES) == [p["id"] for p in _plan()]


@pytest.fixture
def broken(tmp_path):
    """A copy of the course's bank with two problems: a single-choice item with no right option,
    and a quiz naming an item that does not exist."""
    root = tmp_path / "exercises"
    shutil.copytree(EXERCISES / "bank", root / "bank")
    shutil.copy(EXERCISES / "quizzes.yaml", root / "quizzes.yaml")
    m1 = root / "bank" / "m1.yaml"
    m1.write_text(m1.read_text(encoding="utf-8").replace(
        "{id: kesamaan, correct: true, ", "{id: kesamaan, ", 1), encoding="utf-8")
    plan = root / "quizzes.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("item: m1-k1-03", "item: m1-k1-99", 1),
                    encoding="utf-8")
    return root


def test_a_bank_with_problems_is_refused_listing_every_problem(broken):
    with pytest.raises(source.BankError) as e:
        source.quizzes(broken)
    lines = str(e.value).splitlines()
    assert any(line.startswith("bank/m1.yaml:") and "items[0]" in line for line in lines), lines
    assert any(line.startswith("quizzes.yaml:") and "m1-k1-99" in line for line in lines), lines


def test_default_root_is_the_exercises_folder_under_here_or_here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert source.default_root() == tmp_path
    (tmp_path / "exercises").mkdir()
    assert source.default_root() == tmp_path  # no bank in it: not a course folder
    (tmp_path / "exercises" / "bank").mkdir()
    assert source.default_root() == tmp_path / "exercises"


def test_no_root_reads_the_default_one(monkeypatch):
    monkeypatch.chdir(EXERCISES.parent)
    assert [z.id for z in source.quizzes(None, "kuis-1")] == ["kuis-1"]
