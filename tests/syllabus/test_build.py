"""The semester plan (lessons/rps.yaml): checked against the lessons, quizzes, modules and sources,
every problem at once naming file, field, the bad value and what is allowed; its notebooks hold
one markdown cell per section, in each language. (The committed notebooks are current:
tests/test_build.py; the printable page: tests/handouts/.)"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from coursekit.content import content
from coursekit.content.problems import ContentError
from coursekit.lessons.source import load as load_course
from coursekit.syllabus.build import SOURCE, load, notebook, outputs, quizzes, read, sections
from tests.conftest import edit

ROOT = Path(__file__).resolve().parents[2]
COURSE = load_course(ROOT)
DATA = load(ROOT)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of what the semester plan is checked against: lessons, lecturer notes, quizzes."""
    shutil.copytree(ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(ROOT / "lecturer" / "notes", tmp_path / "lecturer" / "notes")
    (tmp_path / "exercises").mkdir()
    shutil.copy(ROOT / "exercises" / "quizzes.yaml", tmp_path / "exercises" / "quizzes.yaml")
    return tmp_path


def messages(root: Path) -> list[str]:
    data, problems = read(root, COURSE)
    assert data is None
    return [str(p) for p in problems]


def test_the_real_plan_reads_without_problem():
    assert read(ROOT, COURSE) == (DATA, [])
    assert sorted(quizzes(ROOT)) == ["kuis-1", "kuis-2", "kuis-3"]


def test_every_problem_of_a_bad_plan_at_once(root):
    path = root / SOURCE
    edit(path, "{n: 2, lessons: [2]}", "{n: 3, lessons: [1]}")
    edit(path, "{n: 3, lessons: [3], quiz: kuis-1}", "{n: 2, lessons: [3], quiz: kuis-4}")
    edit(path, "    weight: 35", "    weight: 30")
    edit(path, "    cpl: [CPL-2, CPL-3]\n    modules: [m9]", "    cpl: [CPL-2, CPL-4]\n    modules: [m8]")
    edit(path, "required: [deck, chaskin-2001,", "required: [deck, chaskin-2000,")
    where = str(path)
    assert [m.replace(where, "") for m in messages(root)] == [
        ":45: meetings: meetings must be numbered 1..16 in order; found [1, 3, 2, "
        + ", ".join(str(n) for n in range(4, 17)) + "]",
        ":45: meetings: every lesson exactly once; the meetings teach [1, 1, 3, 4, 5, 6, 7, 8, 9], "
        "lessons are [1, 2, 3, 4, 5, 6, 7, 8, 9]",
        ":47: meetings[2].quiz: no quiz 'kuis-4' (did you mean 'kuis-3'?); known: kuis-1, kuis-2, kuis-3",
        ":62: assessment: the weights add up to 95, not 100",
        ":28: cpmk: every module in exactly one CPMK; found "
        "['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm8']",
        ":41: cpmk[3].cpl[1]: no CPL 'CPL-4' (did you mean 'CPL-3'?); known: CPL-1, CPL-2, CPL-3",
        ":77: readings.required[1]: no source 'chaskin-2000' (did you mean 'chaskin-2001'?); known: "
        + ", ".join(sorted(s["slug"] for s in content().all("source"))),
    ]
    with pytest.raises(ContentError) as info:
        load(root)
    assert str(info.value).startswith("7 problems in course content:")


def test_a_schema_error_names_line_and_field_and_stops_the_checks(root):
    edit(root / SOURCE, "    weight: 35", "    weight: many")
    (problem,) = read(root, COURSE)[1]
    assert problem.file == str(root / SOURCE) and problem.field == "assessment[4].weight"
    assert problem.line > 0 and "'many'" in problem.message


@pytest.mark.parametrize("quizzes_file", ["missing", "broken"])
def test_a_missing_or_broken_quizzes_file_is_a_problem_naming_it(root, quizzes_file):
    path = root / "exercises" / "quizzes.yaml"
    if quizzes_file == "missing":
        path.unlink()
    else:
        path.write_text("quizzes: [\n", encoding="utf-8")
    assert any("quizzes.yaml" in m for m in messages(root))


def test_an_unknown_reading_suggests_the_near_source(root):
    edit(root / SOURCE, "required: [deck, chaskin-2001,", "required: [deck, chaskin-2000,")
    (message,) = messages(root)
    assert "did you mean 'chaskin-2001'" in message


def test_an_assessed_quiz_must_exist(root):
    edit(root / SOURCE, "    quiz: kuis-3\n    weight: 15", "    quiz: kuis-9\n    weight: 15")
    assert any("assessment[3].quiz: no quiz 'kuis-9'" in m for m in messages(root))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sections_one_per_part_in_the_language(lang):
    parts = sections(ROOT, DATA, lang)
    assert len(parts) == 7
    assert parts[0].startswith("# ") and DATA["course"]["title"][lang] in parts[0]
    assert all(p.startswith("## ") for p in parts[1:])
    assert DATA["course"]["description"][lang].strip() in parts[0]
    for part in parts:
        for row in (ln for ln in part.splitlines() if ln.startswith("|")):
            assert row.endswith("|"), f"a table row broken over lines: {row!r}"


def test_one_sub_outcome_per_module_objective():
    part = sections(ROOT, DATA, "en")[3]
    rows = [ln for ln in part.splitlines() if ln.startswith("| M")]
    assert len(rows) == sum(len(m["objectives"]) for m in content().all("module"))
    assert rows[0].startswith("| M1.1 | ") and rows[0].endswith(" | CPMK-1 |")


def test_a_meeting_row_sums_its_lessons_minutes_and_names_quiz_note_and_milestone():
    data = copy.deepcopy(DATA)
    data["meetings"][0]["lessons"] = [1, 2]
    data["meetings"][0]["quiz"] = "kuis-2"
    part = sections(ROOT, data, "en")[4]
    rows = {ln.split(" | ")[0]: ln for ln in part.splitlines() if ln[:3] in {f"| {n}" for n in range(1, 10)}}
    minutes = COURSE.lessons[0].minutes + COURSE.lessons[1].minutes
    assert rows["| 1"].endswith(f" | {minutes} |")
    assert "Lesson 1: " in rows["| 1"] and "Lesson 2: " in rows["| 1"]
    assert "**Quiz 2: The three strategic choices**" in rows["| 1"]
    assert DATA["meetings"][0]["note"]["en"] in rows["| 1"]
    assert "Fieldwork project: Topic proposal" in rows["| 6"]  # the project's milestone of week 6
    assert rows["| 7"].endswith(" |  |")  # no lesson: no self-study minutes


def test_readings_are_cited_in_order():
    part = sections(ROOT, DATA, "en")[6]
    bullets = [ln for ln in part.splitlines() if ln.startswith("- ")]
    assert len(bullets) == len(DATA["readings"]["required"]) + len(DATA["readings"]["further"])
    assert bullets[1].startswith("- Chaskin, R. J.")


def test_notebook_is_valid_with_stable_cell_ids_and_its_source_named():
    nb = notebook(ROOT, DATA, "id")
    nbformat.validate(nb)
    assert [c.id for c in nb.cells] == [f"c{i:02d}" for i in range(7)]
    assert all(c.cell_type == "markdown" for c in nb.cells)
    assert nb.metadata.coursekit == {"generated_from": "lessons/rps.yaml", "lang": "id"}
    assert nb.metadata.kernelspec.name == "python3"


def test_outputs_one_notebook_per_language():
    out = outputs(ROOT)
    assert sorted(map(str, out)) == ["lecturer/rps-en.ipynb", "lecturer/rps-id.ipynb"]
    for path, text in out.items():
        assert text.endswith("\n")
        assert json.loads(text)["metadata"]["coursekit"]["lang"] == path.stem.removeprefix("rps-")
