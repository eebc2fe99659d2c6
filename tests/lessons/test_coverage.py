"""Coverage of module objectives: what practises each one (an activity naming it, a self-check
question sharing an outline item) and what assesses it (a bank item of its module sharing an
outline item or naming it, a project criterion naming it); gaps name what would close them.
(That the real course has no gap is tests/lessons/test_objectives.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coursekit.lessons.coverage import (
    PROJECT,
    Objective,
    bank_items,
    gaps,
    objectives,
    project_criteria,
    selfcheck_questions,
)
from coursekit.lessons.source import load

ROOT = Path(__file__).resolve().parents[2]
# Lesson 1 maps its five objectives to [[K1], [K2, K3], [K4, K5], [K6], [K2]]; activity m1-a1
# practises objectives 1, 3 and 4.
SELFCHECK = "questions:\n  - {id: q1, outline: [K2]}\n  - {id: q2, outline: [K9]}\n  - not a question\n"
BANK = ("items:\n  - {id: b1, module: m1, outline: [K1]}\n  - {id: b2, module: m2, outline: [K4, K6]}\n"
        "  - {id: b3, module: m1, objectives: [m1-o4]}\n")
RUBRIC = "criteria:\n  - {id: c1, objectives: [m1-o5]}\n  - {id: c2, objectives: [m2-o1]}\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """Lesson 1 of the real course, with a small self-check, bank and project rubric of our own."""
    for rel in ("lessons/00-start.yaml", "lessons/01-komunitas.yaml", "lecturer/notes/m1.yaml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    write(tmp_path / "lessons/selfcheck/m1.yaml", SELFCHECK)
    write(tmp_path / "exercises/bank/a.yaml", BANK)
    write(tmp_path / "exercises/bank/b.yaml", "items: [{id: broken\n")  # unreadable: ignored
    write(tmp_path / PROJECT, RUBRIC)
    return tmp_path


def test_what_practises_and_assesses_each_objective(root):
    found = objectives(load(root), root)
    assert [(o.key, o.outline, o.practised_by, o.assessed_by) for o in found] == [
        ("m1-o1", ["K1"], ["activity m1-a1"], ["bank b1"]),
        ("m1-o2", ["K2", "K3"], ["self-check m1/q1"], []),
        ("m1-o3", ["K4", "K5"], ["activity m1-a1"], []),  # b2 shares K4 but is of module m2
        ("m1-o4", ["K6"], ["activity m1-a1"], ["bank b3"]),
        ("m1-o5", ["K2"], ["self-check m1/q1"], ["project c1"]),
    ]
    assert found[0].text["en"] and found[0].module == "m1" and found[0].number == 1


def test_gaps_name_the_objective_and_what_would_close_them(root):
    lines = gaps(objectives(load(root), root))
    assert len(lines) == 2
    assert lines[0].startswith("m1-o2 (") and lines[1].startswith("m1-o3 (")
    assert lines[0].endswith(
        "; outline K2, K3): not assessed: the bank (exercises/bank/*.yaml) needs a m1 item with one of "
        "outline ['K2', 'K3'] or objectives: [m1-o2], or a criterion of "
        "exercises/project/proyek-lapangan.yaml naming m1-o2")


def test_an_objective_neither_practised_nor_assessed_has_two_gaps():
    text = {"id": "Menjelaskan komunitas. Lalu lain.", "en": "Explain what a community is. Then more."}
    lines = gaps([Objective("m3", 2, text, ["S1"])])
    assert lines == [
        "m3-o2 (Explain what a community is; outline S1): not practised: add an activity naming it in "
        "lessons/*.yaml or a self-check question with one of these outline items",
        "m3-o2 (Explain what a community is; outline S1): not assessed: the bank (exercises/bank/*.yaml) "
        "needs a m3 item with one of outline ['S1'] or objectives: [m3-o2], or a criterion of "
        "exercises/project/proyek-lapangan.yaml naming m3-o2"]
    assert gaps([Objective("m3", 2, text, ["S1"], ["activity m3-a1"], ["bank x"])]) == []


def test_the_readers_skip_what_is_not_an_item(root):
    assert [x["id"] for x in bank_items(root)] == ["b1", "b2", "b3"]
    assert [q["id"] for q in selfcheck_questions(root, "m1")] == ["q1", "q2"]
    assert [c["id"] for c in project_criteria(root)] == ["c1", "c2"]


def test_missing_files_mean_nothing_found(tmp_path):
    assert bank_items(tmp_path) == []
    assert selfcheck_questions(tmp_path, "m1") == []
    assert project_criteria(tmp_path) == []
    write(tmp_path / PROJECT, "- a list, not a mapping\n")
    assert project_criteria(tmp_path) == []
