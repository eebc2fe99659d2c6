"""Every objective of every module is practised (an activity or a self-check question) and
assessed (a graded item of the question bank or a criterion of the fieldwork project's rubric)."""

from __future__ import annotations

from pathlib import Path

from coursekit.lessons.coverage import gaps, objectives
from coursekit.lessons.source import load

ROOT = Path(__file__).resolve().parents[2]


def test_every_objective_is_practised_and_assessed():
    found = objectives(load(ROOT), ROOT)
    assert len(found) == sum(len(x.module()["objectives"]) for x in load(ROOT).lessons)
    problems = gaps(found)
    assert problems == [], "objectives without practice or graded item:\n" + "\n".join(problems)


def test_a_gap_is_reported_precisely(tmp_path):
    import shutil

    for folder in ("lessons", "lecturer", "exercises"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for path in (tmp_path / "exercises" / "bank").glob("*.yaml"):
        path.unlink()
    (tmp_path / "lessons" / "selfcheck" / "m2.yaml").unlink()
    lines = gaps(objectives(load(tmp_path), tmp_path))
    assert any(line.startswith("m1-o2 (") and "not assessed: the bank (exercises/bank/*.yaml) needs a m1 item"
               " with one of outline ['K2', 'K3'] or objectives: [m1-o2]" in line for line in lines)
    assert not any(line.startswith("m1-o1 (") and "not assessed" in line for line in lines)  # the project
    assert any(line.startswith("m2-o4 (") and "not practised" in line for line in lines)
