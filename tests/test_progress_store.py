"""Progress survives restarts (a JSON file), is shown per module, and a corrupt file never crashes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import coursekit as ck
from coursekit import progress_store as progress
from coursekit.selfcheck.quizzes import Quiz


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    path = tmp_path / "coursekit-progress.json"
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(path))
    progress._notices.clear()
    yield path
    progress._notices.clear()


def test_default_file_is_in_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_PROGRESS")
    monkeypatch.chdir(tmp_path)
    assert progress.path() == tmp_path / "coursekit-progress.json"


def test_lessons_in_both_languages_share_one_file(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_PROGRESS")
    for lang in ("id", "en"):
        (tmp_path / "notebooks" / lang).mkdir(parents=True)
        monkeypatch.chdir(tmp_path / "notebooks" / lang)
        assert progress.path() == tmp_path / "notebooks" / "coursekit-progress.json"


def test_progress_after_importing_the_store():
    import coursekit.progress_store  # noqa: F401

    assert "m1" in str(ck.progress("en")) or str(ck.progress("en"))


def test_answers_survive_a_new_process(progress_file):
    progress.record_answer("m4", "q1", 1, 1)
    progress.record_answer("m4", "q2", 0.5, 1)
    progress.record_answer("m4", "q2", 1, 1)
    code = "import coursekit as ck; p = ck.progress('en'); m = p.module('m4');print(m.answered, m.points)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "2"]
    saved = json.loads(progress_file.read_text())
    assert saved["quizzes"]["m4"]["q2"]["tries"] == 2 and saved["quizzes"]["m4"]["q2"]["best"] == 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_progress_view_shows_every_module(lang):
    progress.record_answer("m1", "q1", 1, 1)
    p = ck.progress(lang)
    assert [m.module for m in p.modules] == [f"m{i}" for i in range(1, 10)]
    m1 = p.module("m1")
    assert m1.answered == 1 and m1.started and m1.percent == round(100 / m1.max_points)
    html, text = p._repr_html_(), str(p)
    assert "M1" in html and "M9" in text
    assert {"id": "belum dimulai", "en": "not started"}[lang] in text
    lesson = p.lesson("m3", "m4")
    assert lesson.total == p.module("m3").total + p.module("m4").total


def test_corrupt_file_is_kept_aside_with_a_clear_message(progress_file):
    progress_file.write_text("{not json", encoding="utf-8")
    p = ck.progress("en")
    assert all(not m.started for m in p.modules)
    aside = list(progress_file.parent.glob("coursekit-progress.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"
    assert "damaged" in str(p) and str(aside[0]) in str(p) and 'role="alert"' in p._repr_html_()
    progress.record_answer("m2", "q1", 1, 1)
    assert ck.progress().module("m2").answered == 1


@pytest.mark.parametrize(
    "bad",
    [
        "[]",
        '{"version": 1, "quizzes": {"m1": {"q1": {"points": "x"}}}}',
        '{"version": 99, "quizzes": {}, "classifier": {}}',
    ],
)
def test_wrong_shapes_are_also_set_aside(progress_file, bad):
    progress_file.write_text(bad, encoding="utf-8")
    assert progress.load() == progress._empty()
    assert not progress_file.exists()


def test_unwritable_location_is_reported_not_raised(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(blocker / "sub" / "p.json"))
    progress.record_answer("m1", "q1", 1, 1)
    assert "could not be saved" in str(ck.progress("en"))


def test_import_coursekit_stays_light():
    code = (
        "import sys, coursekit, coursekit.progress_store, coursekit.selfcheck.quizzes;"
        "print([m for m in ('ipywidgets', 'matplotlib', 'nbgrader') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_student_copy_folder_holds_one_file_for_both_languages(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSEKIT_PROGRESS")
    for lang in ("id", "en"):
        (tmp_path / "my-course" / lang).mkdir(parents=True)
    for lang in ("id", "en"):
        monkeypatch.chdir(tmp_path / "my-course" / lang)
        assert progress.path() == tmp_path / "my-course" / "coursekit-progress.json"


def _first_single(quiz):
    return next(q for q in quiz.questions if q.type == "single")


@pytest.mark.parametrize("other", ["id", "en"])
def test_reopened_quiz_shows_the_answers_with_feedback(other):
    quiz = ck.quiz("m4", lang="id")
    q = _first_single(quiz)
    wrong = next(i for i, _t in q.options("id") if not q.feedback(i, "id").correct)
    quiz.answer(q.id, wrong)
    quiz.check(q.id)
    again = ck.quiz("m4", lang=other)  # a new kernel, or the lesson in the other language
    assert again.answers == {q.id: wrong}
    fb = again.feedback(q.id)
    assert fb is not None and not fb.correct and fb.lang == other
    assert again.score().checked == 1
    # the widget shows the answer and its feedback
    assert again.widget is not None
    parts = again._parts[q.id]
    assert parts["inputs"]["value"].value == wrong and parts["feedback"].value


def test_every_answer_type_survives_and_odd_saved_values_are_ignored(progress_file):
    quiz = ck.quiz("m4", lang="en")
    given = {}
    for q in quiz.questions:
        ids = [i for i, _t in q.options("en")]
        value = {"single": ids[0] if ids else None, "multiple": ids[:2], "true-false": True,
                 "matching": {i: ids[0] for i, _t in q.items("en")}, "short": "jaringan"}[q.type]
        quiz.answer(q.id, value)
        quiz.check(q.id)
        given[q.id] = value
    assert ck.quiz("m4", lang="en").answers == given
    data = json.loads(progress_file.read_text())
    first = next(iter(data["quizzes"]["m4"]))
    data["quizzes"]["m4"][first]["answer"] = {"x": ["not", "an", "answer"]}
    progress_file.write_text(json.dumps(data))
    assert first not in ck.quiz("m4", lang="en").answers


def test_record_false_does_not_restore():
    quiz = ck.quiz("m4", lang="en")
    q = _first_single(quiz)
    quiz.answer(q.id, q.options("en")[0][0])
    quiz.check(q.id)
    assert Quiz("m4", lang="en", record=False).answers == {}
