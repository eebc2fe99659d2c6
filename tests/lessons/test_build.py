"""Lesson sources validate; the committed notebooks are exactly what the sources generate."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from coursekit.lessons.build import outputs
from coursekit.lessons.source import read

ROOT = Path(__file__).resolve().parents[2]


def test_sources_are_valid():
    course, problems = read(ROOT)
    assert problems == [], "\n".join(map(str, problems))
    assert [x.number for x in course.lessons] == list(range(1, len(course.lessons) + 1))


def test_lesson_n_teaches_module_n():
    from coursekit.api import content

    course, _ = read(ROOT)
    assert [x.data["module"] for x in course.lessons] == [f"m{x.number}" for x in course.lessons]
    assert {x.data["module"] for x in course.lessons} == {m["slug"] for m in content().all("module")}


@pytest.mark.parametrize("rel", sorted(str(p) for p in outputs(ROOT)))
def test_notebook_is_clean(rel):
    nb = nbformat.read(ROOT / rel, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4 and nb.nbformat_minor >= 5
    assert nb.metadata.kernelspec.name == "python3"
    lang = Path(rel).parent.name
    assert nb.metadata.coursekit.lang == lang
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert nb.cells[0].source.startswith("# ")


@pytest.mark.parametrize("rel", sorted(str(p) for p in outputs(ROOT)))
def test_links_point_to_existing_notebooks(rel):
    import re

    nb = nbformat.read(ROOT / rel, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for link in re.findall(r"\]\(([^)]+\.ipynb)\)", text):
        assert (ROOT / rel).parent.joinpath(link).resolve().is_file(), f"{rel}: broken link {link}"


def test_lesson_has_every_required_part():
    course, _ = read(ROOT)
    for lang, heads in {"id": ["Tujuan pembelajaran", "Cek pemahaman", "Poin kunci", "Sumber"],
                        "en": ["Learning objectives", "Check your understanding", "Key points",
                               "Sources"]}.items():
        for lesson in course.lessons:
            nb = nbformat.read(ROOT / "notebooks" / lang / lesson.file(lang), as_version=4)
            md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            for head in heads:
                assert f"## {head}" in md, f"{lesson.file(lang)} lacks {head}"
            code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
            assert f'ck.lang("{lang}")' in code and "ck.quiz(" in code


def _broken(tmp_path: Path, name: str, text: str) -> list[str]:
    shutil.copytree(ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(ROOT / "lecturer", tmp_path / "lecturer")
    (tmp_path / "lessons" / name).write_text(text, encoding="utf-8")
    _, problems = read(tmp_path)
    return [str(p) for p in problems]


def test_every_problem_is_reported_with_file_field_and_line(tmp_path):
    text = (ROOT / "lessons" / "02-perubahan-sosial.yaml").read_text(encoding="utf-8")
    text = text.replace("module: m2", "module: m12\ncolour: red")
    text = text.replace('ck.framework("five-c")', 'ck.framework("five-cc")\n      - code: ck.quizz("m2")')
    reflection = "  - type: reflection\n    minutes: 5\n"
    text = text.replace(reflection, reflection + "    where: field\n")
    found = "\n".join(_broken(tmp_path, "02-perubahan-sosial.yaml", text))
    assert "02-perubahan-sosial.yaml:4: colour: unknown key 'colour'" in found
    assert "module: 'm12' is not valid" in found
    assert "where" in found


def test_reference_and_structure_problems_name_the_field(tmp_path):
    text = (ROOT / "lessons" / "02-perubahan-sosial.yaml").read_text(encoding="utf-8")
    text = text.replace('ck.framework("five-c")', 'ck.framework("five-cc")\n      - code: ck.quizz("m2")')
    text = text.replace("number: 2", "number: 3")
    extra = "  - type: key-points\n    minutes: 1\n"
    text = text.replace("  - type: discussion\n", extra + "  - type: discussion\n")
    text = text.replace("practices: [1, 2, 3]", "practices: [1, 2, 9]")
    text = text.replace("map: [[S1], [S2], [S2], [S2]]", "map: [[S1], [S2], [S22], [S2]]")
    text = text.replace("  - type: key-points\n    minutes: 3\n", "")
    found = "\n".join(_broken(tmp_path, "02-perubahan-sosial.yaml", text))
    assert "ck.framework('five-cc'): no framework 'five-cc' (did you mean 'five-c'?)" in found
    assert "unknown notebook API ck.quizz (did you mean 'quiz'?)" in found
    assert "number: 3 must be the module's number" in found
    assert "objective 9 does not exist; module m2 has 4" in found
    assert "map[2]: no outline item 'S22'" in found


def test_every_block_type_is_required(tmp_path):
    import re

    text = (ROOT / "lessons" / "03-pilihan-strategis.yaml").read_text(encoding="utf-8")
    text = re.sub(r"  - type: reflection\n(    .*\n|      .*\n)*", "", text)
    found = "\n".join(_broken(tmp_path, "03-pilihan-strategis.yaml", text))
    assert "blocks: no 'reflection' block; every lesson has each of:" in found


def test_missing_model_answer_is_reported(tmp_path):
    shutil.copytree(ROOT / "lessons", tmp_path / "lessons")
    shutil.copytree(ROOT / "lecturer", tmp_path / "lecturer")
    notes = tmp_path / "lecturer" / "notes" / "m4.yaml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("  m4-a1:", "  m4-a7:"), encoding="utf-8")
    _, problems = read(tmp_path)
    found = "\n".join(map(str, problems))
    assert "activities.m4-a1: missing: the model answer and marking notes of activity m4-a1" in found
    assert "no activity 'm4-a7'" in found


def test_notebook_json_is_stable():
    first = outputs(ROOT)
    assert first == outputs(ROOT)
    for text in first.values():
        json.loads(text)
