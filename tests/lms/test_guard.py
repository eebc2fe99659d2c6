"""lms/guard.py: an export holds the answer keys, so it is never written into a folder students
receive: the course's own student folders, the configured exchange, and any folder named like one."""

from __future__ import annotations

import pytest

from coursekit.lms import guard


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A repository copy's layout: exercises/ beside notebooks/ and binder/."""
    monkeypatch.delenv("COURSEKIT_EXCHANGE", raising=False)
    root = tmp_path / "repo" / "exercises"
    for folder in ("source/kuis-1", "release", "exchange", "feedback", "bank"):
        (root / folder).mkdir(parents=True)
    (tmp_path / "repo" / "notebooks" / "id").mkdir(parents=True)
    return root


@pytest.mark.parametrize("where, folder", [
    ("source", "source"), ("source/kuis-1/exports", "source"), ("release", "release"),
    ("exchange/inbound", "exchange"), ("feedback/2024/x", "feedback"),
    ("../notebooks", "../notebooks"), ("../notebooks/id/exports", "../notebooks"),
    ("../binder", "../binder")])
def test_the_course_folders_students_receive_are_refused(course, where, folder):
    assert guard.released_folder(course / where, course) == (course / folder).resolve()


@pytest.mark.parametrize("where", ["lms-export", "bank/exports", "../lecturer/lms", "..", "."])
def test_the_lecturers_folders_are_allowed(course, where):
    assert guard.released_folder(course / where, course) is None


@pytest.mark.parametrize("name", guard.RELEASED_NAMES)
def test_a_folder_named_like_a_student_folder_is_refused_anywhere(tmp_path, course, name):
    target = tmp_path / "elsewhere" / name / "kuis-1" / "export"
    assert guard.released_folder(target, course) == (tmp_path / "elsewhere" / name).resolve()


@pytest.mark.parametrize("name", ["released", "releases", "my-feedback", "notebook", "Binder-old"])
def test_only_the_exact_names_count(tmp_path, course, name):
    assert guard.released_folder(tmp_path / name / "x", course) is None


def test_a_relative_target_is_judged_where_it_lands(course, monkeypatch):
    monkeypatch.chdir(course / "bank")
    assert guard.released_folder("../release/kuis-1", course) == (course / "release").resolve()
    assert guard.released_folder("exports", course) is None


def test_a_symlink_into_a_released_folder_is_refused(tmp_path, course):
    link = tmp_path / "innocent"
    link.symlink_to(course / "release")
    assert guard.released_folder(link / "x", course) == (course / "release").resolve()


def test_the_configured_exchange_is_refused_and_an_empty_setting_is_ignored(tmp_path, course, monkeypatch):
    shared = tmp_path / "srv" / "nbx"
    monkeypatch.setenv("COURSEKIT_EXCHANGE", str(shared))
    assert guard.released_folder(shared, course) == shared.resolve()
    assert guard.released_folder(shared / "coursekit" / "inbound", course) == shared.resolve()
    monkeypatch.setenv("COURSEKIT_EXCHANGE", "")
    assert guard.released_folder(shared, course) is None
