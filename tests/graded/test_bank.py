"""The question bank: valid, large enough, every outline item assessed twice, problems reported."""

from __future__ import annotations

import shutil
from collections import Counter

from coursekit.graded.bank import load
from coursekit.graded.build import all_outputs, stale

from .course import EXERCISES


def test_bank_is_valid_and_covers_the_outline():
    bank, problems = load(EXERCISES)
    assert problems == []
    core = [i for i in bank.items.values() if i["module"] != "m9"]
    assert len(core) >= 60
    assert {i["module"] for i in core} == {f"m{n}" for n in range(1, 9)}
    counts = Counter(o for i in bank.items.values() for o in i["outline"])
    from coursekit.api import content

    for entry in content().outline:
        if entry["module"] != "m9":
            assert counts[entry["id"]] >= 2, entry["id"]
    types = Counter(i["type"] for i in bank.items.values())
    assert set(types) == {"single", "multiple", "true-false", "matching", "short", "essay"}
    assert [q["id"] for q in bank.quizzes] == ["kuis-1", "kuis-2", "kuis-3"]
    assert any(bank.items[q["item"]]["type"] == "essay" for q in bank.quizzes[2]["questions"] if "item" in q)


def test_generated_quizzes_are_not_stale():
    """Nobody edits exercises/source by hand: it must equal what `coursekit exercises build` writes."""
    bank, _ = load(EXERCISES)
    assert stale(EXERCISES, all_outputs(bank)) == [], "run `coursekit exercises build`"


def test_every_problem_is_reported(tmp_path):
    root = tmp_path / "ex"
    shutil.copytree(EXERCISES / "bank", root / "bank")
    shutil.copy(EXERCISES / "quizzes.yaml", root)
    m1 = root / "bank" / "m1.yaml"
    text = m1.read_text(encoding="utf-8")
    text = text.replace("    bloom: remember\n", "    bloom: remembr\n", 1)
    text = text.replace("    type: multiple\n", "    type: multiple\n    colour: red\n", 1)
    text = text.replace("{id: proses-bersama, correct: true,", "{id: proses-bersama,", 1)
    m1.write_text(text, encoding="utf-8")
    (root / "quizzes.yaml").write_text((root / "quizzes.yaml").read_text().replace(
        "item: m1-k3-01", "item: m1-k3-99"))
    _, problems = load(root)
    text = "\n".join(str(p) for p in problems)
    assert "'remembr' is not allowed" in text and "did you mean 'remember'" in text
    assert "unknown key 'colour'" in text
    assert "needs exactly one correct option, has 0" in text
    assert "K1: outline item" not in text  # the other items of the file still count
    assert "no bank item 'm1-k3-99'" in text
    assert all(p.file and p.line for p in problems if p.file.startswith("bank/m1"))
