"""The fieldwork project: its source validates, its rubric is complete, and real nbgrader turns its
notebook into a release with one hand-graded answer cell per criterion and no marking guide."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from coursekit.project.build import load, read

ROOT = Path(__file__).resolve().parents[2]


def test_project_source_is_valid_and_every_criterion_has_level_descriptors():
    data, problems = read(ROOT)
    assert problems == []
    assert len(data["milestones"]) >= 3
    for crit in data["criteria"]:
        assert [lv["score"] for lv in crit["levels"]] == [4, 3, 2, 1]
        assert all(lv["descriptor"]["id"] and lv["descriptor"]["en"] for lv in crit["levels"])


def test_a_wrong_objective_is_reported(tmp_path):
    shutil.copytree(ROOT / "exercises" / "project", tmp_path / "exercises" / "project")
    path = tmp_path / "exercises" / "project" / "proyek-lapangan.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[m1-o1, m2-o1", "[m1-o9, m2-o1"),
                    encoding="utf-8")
    _, problems = read(tmp_path)
    assert any("'m1-o9': module m1 has 5 objectives" in str(p) for p in problems)


def test_source_notebook_has_a_graded_answer_cell_per_criterion():
    data = load(ROOT)
    nb = nbformat.read(ROOT / "exercises" / "source" / data["id"] / f"{data['id']}.ipynb", as_version=4)
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert [c.metadata.nbgrader.grade_id for c in graded] == [f"bagian-{c['id']}" for c in data["criteria"]]
    assert [c.metadata.nbgrader.points for c in graded] == [c["points"] for c in data["criteria"]]
    assert all(c.cell_type == "markdown" and c.metadata.nbgrader.solution for c in graded)


@pytest.mark.slow
def test_nbgrader_releases_it_without_the_marking_guide(tmp_path):
    from tests.support.classroom import course_sources, run_nbgrader

    data = load(ROOT)
    course = course_sources(tmp_path)
    run_nbgrader(course, "generate_assignment", data["id"], "--force")
    released = course / "release" / data["id"] / f"{data['id']}.ipynb"
    text = released.read_text(encoding="utf-8")
    for crit in data["criteria"]:
        assert crit["guide"]["id"][:40] not in text and crit["guide"]["en"][:40] not in text
        assert crit["levels"][0]["descriptor"]["id"][:40] in text  # the rubric is for students
    nb = nbformat.read(released, as_version=4)
    answers = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert len(answers) == len(data["criteria"])
