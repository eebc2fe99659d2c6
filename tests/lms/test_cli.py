"""lms/cli.py: `coursekit export` and `coursekit export-grades` refuse wrong arguments with a clear
message and exit code 2 (argparse), and a course that cannot be exported with a bilingual message
and exit code 1 or 2, writing nothing; run as a user runs them, `python -m coursekit.cli ...`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import EXERCISES, REPO


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "coursekit.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args, said", [
    ([], "the following arguments are required: format"),
    (["pdf"], "argument format: invalid choice: 'pdf' (choose from 'moodle', 'gift', 'qti21', 'canvas')"),
    (["moodle", "--quiz", "kuis-1", "--all"], "argument --all: not allowed with argument --quiz"),
    (["qti21", "--lang", "fr"], "argument --lang: invalid choice: 'fr' (choose from 'id', 'en', 'both')"),
    (["gift", "--quiz"], "argument --quiz: expected one argument"),
    (["gift", "--to", "x"], "unrecognized arguments: --to x"),
])
def test_wrong_export_arguments_say_what_is_allowed_and_exit_2(tmp_path, args, said):
    run = _cli("export", *args, cwd=tmp_path)
    assert run.returncode == 2
    assert said in run.stderr and "usage: coursekit" in run.stderr
    assert run.stdout == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, said", [
    ([], "the following arguments are required: --format"),
    (["--format", "xls"], "argument --format: invalid choice: 'xls' (choose from 'moodle', 'canvas', 'csv')"),
])
def test_wrong_export_grades_arguments_say_what_is_allowed_and_exit_2(tmp_path, args, said):
    run = _cli("export-grades", *args, cwd=tmp_path)
    assert run.returncode == 2 and said in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_quiz_names_every_quiz_in_both_languages_and_writes_nothing(tmp_path):
    run = _cli("export", "moodle", "--quiz", "kuis-9", "--course", str(EXERCISES), "-o", "out", cwd=tmp_path)
    assert run.returncode == 1
    assert "Tidak ada kuis kuis-9. Kuis yang ada: kuis-1, kuis-2, kuis-3" in run.stderr
    assert "There is no quiz kuis-9. Quizzes: kuis-1, kuis-2, kuis-3" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_without_a_bank_is_refused_listing_its_problems(tmp_path):
    """Run where there is no exercises/ folder: the default course is here, and it has no bank."""
    run = _cli("export", "gift", "-o", "out", cwd=tmp_path)
    assert run.returncode == 1
    assert "Bank soal bermasalah" in run.stderr and "The question bank has problems" in run.stderr
    assert f"{tmp_path / 'bank'}: (file): no bank files (*.yaml) found" in run.stderr
    assert "quizzes.yaml: (file): missing: the quiz definitions" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_folder_named_feedback_is_refused_with_exit_2(tmp_path):
    run = _cli("export", "canvas", "--course", str(EXERCISES), "-o", "term/feedback/lms", cwd=tmp_path)
    assert run.returncode == 2
    folder = tmp_path / "term" / "feedback"
    assert f"Menolak menulis ke term/feedback/lms: folder itu ({folder})" in run.stderr
    assert f"Refusing to write to term/feedback/lms: that folder ({folder}) is released" in run.stderr
    assert not folder.exists()


def test_export_from_the_repository_writes_what_it_says(tmp_path):
    """From the repository root the course is ./exercises; one language gives one package."""
    run = _cli("export", "qti21", "--quiz", "kuis-3", "--lang", "en", "-o", str(tmp_path), cwd=REPO)
    assert run.returncode == 0, run.stderr
    written = tmp_path / "coursekit-kuis-3-qti21-en.zip"
    assert [p.name for p in tmp_path.iterdir()] == [written.name]
    assert f"Ditulis: {written}\nWritten: {written}" in run.stdout
    assert "Batas format qti21:\nLimits of the qti21 format:" in run.stdout
