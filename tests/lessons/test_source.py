"""Lesson sources and the lecturer's notes: read, validated and checked against the course; a bad
source reports every problem at once, each naming file, line, field, the bad value and what is
allowed. (The full course's sources are checked in tests/lessons/test_build.py.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from coursekit.content import content
from coursekit.content.problems import ContentError
from coursekit.lessons.source import Lesson, load, read, read_notes
from tests.conftest import edit

ROOT = Path(__file__).resolve().parents[2]
LESSON = "lessons/01-komunitas.yaml"
NOTES = "lecturer/notes/m1.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A course of one lesson (lesson 1, its notes and the start page), copied from the real one."""
    for rel in ("lessons/00-start.yaml", LESSON, NOTES):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    return tmp_path


def found(root: Path) -> list[str]:
    course, problems = read(root)
    assert course is None and problems
    return [str(p) for p in problems]


def has(lines: list[str], *parts: str) -> bool:
    return any(all(part in line for part in parts) for line in lines)


def line(path: Path, text: str) -> int:
    """1-based line of the first line of path that contains text."""
    return next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in ln)


def test_a_course_of_one_lesson_reads(root):
    course = load(root)
    (lesson,) = course.lessons
    assert course.start["files"] == {"id": "00-mulai", "en": "00-start"}
    assert lesson.number == 1 and lesson.path == root / LESSON
    assert lesson.minutes == sum(b["minutes"] for b in lesson.data["blocks"]) > 0
    assert (lesson.file("id"), lesson.file("en")) == ("01-komunitas.ipynb", "01-community.ipynb")
    assert lesson.title("en") == content().get("module", "m1")["title"]["en"]
    assert [b["id"] for b in lesson.blocks("activity")] == ["m1-a1"]
    assert set(lesson.notes["activities"]) == {"m1-a1"}


def test_a_lesson_title_of_its_own_comes_before_the_module_title():
    lesson = Lesson(Path("x.yaml"), {"module": "m1", "title": {"id": "Judul", "en": "Title"}})
    assert lesson.title("en") == "Title" and lesson.title("id") == "Judul"


def test_a_missing_start_page_is_the_one_problem(root):
    (root / "lessons/00-start.yaml").unlink()
    (problem,) = read(root)[1]
    assert problem.file == str(root / "lessons/00-start.yaml")
    assert problem.message == "missing: the start page source"


def test_every_problem_of_a_bad_lesson_at_once(root):
    path, notes = root / LESSON, root / NOTES
    edit(path, "files: {id: 01-komunitas,", "files: {id: 01-kom,")
    edit(path, "map: [[K1], [K2, K3], [K4, K5], [K6], [K2]]", "map: [[K1], [K2, K3]]")
    edit(path, "    id: m1-a1\n", "    id: m2-a1\n")
    edit(path, 'code: ck.concept("komunitas")', 'code: ck.concept("komunitass")')
    edit(path, 'code: ck.concept("social-capital")', 'code: ck.progres()')
    edit(notes, "module: m1", "module: m2")
    text = notes.read_text(encoding="utf-8")
    notes.write_text(re.sub(r"  - id: >-\n      Tujuannya.*?(?=^reflection:)", "", text, flags=re.S | re.M),
                     encoding="utf-8")
    edit(root / "lessons/00-start.yaml", "files:", "colour: red\nfiles:")
    lines = found(root)
    start, lesson, lecturer = (str(root / "lessons/00-start.yaml"), str(path), str(notes))
    assert has(lines, f"{start}:2: colour: unknown key 'colour'; allowed:")
    assert has(lines, f"{lesson}:4: files.id: '01-kom' must equal the file name '01-komunitas'")
    assert has(lines, f"{lesson}:19: blocks[0].map: 2 entries; module m1 has 5 objectives: "
                      "one list of outline items each")
    assert has(lines, f"{lesson}:{line(path, 'id: m2-a1')}: blocks[", "].id: 'm2-a1' must start with 'm1-'")
    assert has(lines, f"{lesson}:{line(path, 'komunitass')}: blocks[1].cells[1].code: "
                      "ck.concept('komunitass'): no concept 'komunitass' (did you mean 'komunitas'?)")
    assert has(lines, f"{lesson}:{line(path, 'ck.progres')}: blocks[1].cells[4].code: "
                      "unknown notebook API ck.progres (did you mean 'progress'?); known: case, classify,")
    assert has(lines, f"{lecturer}:2: module: 'm2' must be 'm1'")
    assert has(lines, f"{lecturer}: activities.m2-a1: missing: the model answer and marking notes "
                      "of activity m2-a1")
    # a field's line is where its value starts: the notes of m1-a1 start on line 5
    assert has(lines, f"{lecturer}:5: activities.m1-a1: no activity 'm1-a1' in 01-komunitas.yaml; "
                      "its activities: m2-a1")
    assert has(lines, f"{lecturer}:{line(notes, 'discussion:') + 1}: discussion: 2 note(s); the lesson asks "
                      "3 discussion question(s): one note per question, in order")
    assert len(lines) == 10, "\n".join(lines)
    with pytest.raises(ContentError) as info:
        load(root)
    assert str(info.value).startswith("10 problems in course content:")


def test_an_activity_id_used_twice(root):
    path = root / LESSON
    text = path.read_text(encoding="utf-8")
    activity = re.search(r"  - type: activity\n.*?(?=  - type: self-check)", text, flags=re.S).group(0)
    path.write_text(text.replace(activity, activity * 2), encoding="utf-8")
    lines = found(root)
    rows = path.read_text(encoding="utf-8").splitlines()
    _, second = [n for n, ln in enumerate(rows, 1) if "id: m1-a1" in ln]
    assert lines == [f"{path}:{second}: blocks[6].id: 'm1-a1' is used twice"]


def test_an_unknown_slug_in_a_call_is_found_but_a_computed_one_is_not_checked(root):
    path = root / LESSON
    edit(path, 'code: ck.concept("komunitas")', 'code: ck.quiz("m10")')
    edit(path, 'code: ck.concept("social-capital")', 'code: ck.case(name)')
    assert found(root) == [f"{path}:{line(path, 'ck.quiz')}: blocks[1].cells[1].code: "
                           "ck.quiz('m10'): no module 'm10' (did you mean 'm1'?); known: "
                           "m1, m2, m3, m4, m5, m6, m7, m8, m9"]


def test_lessons_numbered_with_a_gap(root):
    for rel in ("lessons/02-perubahan-sosial.yaml", "lecturer/notes/m2.yaml"):
        shutil.copy(ROOT / rel, root / rel)
    (root / LESSON).unlink()
    assert found(root) == [f"{root / 'lessons'}: number: lessons must be numbered 1..1 without gaps; "
                           "found [2]"]


def test_two_lessons_writing_one_notebook(root):
    shutil.copy(root / LESSON, root / "lessons/01-komunitas-copy.yaml")
    edit(root / "lessons/01-komunitas-copy.yaml", "{id: 01-komunitas,", "{id: 01-komunitas-copy,")
    lines = found(root)
    assert sorted(lines) == sorted([
        f"{root / 'lessons'}: files.en: two lessons write 01-community.ipynb",
        f"{root / 'lessons'}: number: lessons must be numbered 1..2 without gaps; found [1, 1]"])


def test_read_notes(root):
    notes, problems = read_notes(root, "m1")
    assert problems == [] and notes["module"] == "m1" and "model_answer" in notes["activities"]["m1-a1"]


def test_missing_notes_name_the_file_and_what_they_hold(root):
    notes, problems = read_notes(root, "m2")
    assert notes is None
    assert [str(p) for p in problems] == [
        f"{root / 'lecturer/notes/m2.yaml'}: (file): missing: the lecturer's notes of the lesson "
        "(model answers and marking notes of every activity)"]
    (root / NOTES).unlink()
    assert has(found(root), f"{root / NOTES}: (file): missing: the lecturer's notes of the lesson")


def test_notes_that_break_their_schema_name_line_and_field(root):
    path = root / NOTES
    edit(path, "  m1-a1:", "  m1-activity:")
    notes, problems = read_notes(root, "m1")
    assert notes is None
    assert [str(p) for p in problems] == [
        f"{path}:4: activities: 'm1-activity' is not valid: ^m[1-9]-a[0-9]+$"]
