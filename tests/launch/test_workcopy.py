"""The student's copy of the lessons: made by the open command, refreshed without losing work."""

from __future__ import annotations

import shutil
from pathlib import Path

from coursekit.launch.workcopy import refresh

ROOT = Path(__file__).resolve().parents[2]


def _course(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    shutil.copytree(ROOT / "notebooks", course / "notebooks",
                    ignore=shutil.ignore_patterns("coursekit-progress.json", ".ipynb_checkpoints"))
    return course


def test_first_open_copies_every_lesson_and_leaves_the_course_alone(tmp_path):
    course, folder = _course(tmp_path), tmp_path / "my-course"
    before = {p: p.read_bytes() for p in course.rglob("*.ipynb")}
    changes = refresh(course, folder)
    assert {c.kind for c in changes} == {"new"}
    assert {c.rel for c in changes} == {str(p.relative_to(course / "notebooks")) for p in before}
    for src in before:
        assert (folder / src.relative_to(course / "notebooks")).read_bytes() == before[src]
    assert refresh(course, folder) == []  # nothing new the second time
    assert {p: p.read_bytes() for p in course.rglob("*.ipynb")} == before


def test_a_changed_lesson_is_never_overwritten(tmp_path):
    course, folder = _course(tmp_path), tmp_path / "my-course"
    refresh(course, folder)
    rel = "id/00-mulai.ipynb"
    mine = (folder / rel).read_text() + " "  # the student saved it (outputs, answers)
    (folder / rel).write_text(mine)
    assert refresh(course, folder) == []
    src = course / "notebooks" / rel
    src.write_text(src.read_text().replace("#", "# ", 1))  # git pull brings a new version
    (change,) = refresh(course, folder)
    assert change.kind == "beside" and change.rel == rel
    assert (folder / rel).read_text() == mine
    assert (folder / change.beside).read_text() == src.read_text()
    assert refresh(course, folder) == []  # offered once
    src.write_text(src.read_text() + "\n")  # and again: a second file beside, the first kept
    (again,) = refresh(course, folder)
    assert again.beside != change.beside and (folder / change.beside).is_file()


def test_an_untouched_copy_is_updated_and_a_new_lesson_copied_in(tmp_path):
    course, folder = _course(tmp_path), tmp_path / "my-course"
    refresh(course, folder)
    src = course / "notebooks" / "en" / "00-start.ipynb"
    src.write_text(src.read_text() + "\n")
    extra = course / "notebooks" / "en" / "99-extra.ipynb"
    shutil.copyfile(src, extra)
    changes = {(c.kind, c.rel) for c in refresh(course, folder)}
    assert changes == {("updated", "en/00-start.ipynb"), ("new", "en/99-extra.ipynb")}
    assert (folder / "en" / "00-start.ipynb").read_text() == src.read_text()


def test_a_deleted_copy_comes_back_and_old_progress_moves_over(tmp_path):
    course, folder = _course(tmp_path), tmp_path / "my-course"
    (course / "notebooks" / "coursekit-progress.json").write_text('{"old": 1}')
    refresh(course, folder)
    assert (folder / "coursekit-progress.json").read_text() == '{"old": 1}'
    (folder / "coursekit-progress.json").write_text('{"mine": 1}')
    (folder / "id" / "00-mulai.ipynb").unlink()
    assert [c.kind for c in refresh(course, folder)] == ["new"]
    assert (folder / "coursekit-progress.json").read_text() == '{"mine": 1}'  # never replaced

