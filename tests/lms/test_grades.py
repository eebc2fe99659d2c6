"""`coursekit export-grades`: a real nbgrader gradebook (built with nbgrader's own API) to the
CSVs Moodle and Canvas import; students matched by NIM, unmatched ones listed, none dropped."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.lms import grades

NBGRADER_CONFIG = "c = get_config()\nc.CourseDirectory.course_id = 'kelas'\n"


@pytest.fixture
def course(tmp_path) -> Path:
    """Two quizzes, three students: 1001 did both, 1002 only kuis-1, 1003 nothing."""
    import warnings

    from nbgrader.api import Gradebook

    warnings.filterwarnings("ignore", message=".*not in session.*")  # nbgrader's own add_submission

    (tmp_path / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gb:
        for quiz, cells in (("kuis-1", {"q1": 2.0, "q2": 3.0}), ("kuis-2", {"q1": 4.0})):
            gb.add_assignment(quiz)
            gb.add_notebook(quiz, quiz)
            for cell, points in cells.items():
                gb.add_grade_cell(cell, quiz, quiz, max_score=points, cell_type="code")
        gb.add_student("1001", first_name="Ayu", last_name="Lestari", email="ayu@example.ac.id")
        gb.add_student("1002", first_name="Budi", last_name="Santoso")
        gb.add_student("1003", first_name="Citra")
        for quiz, student, scores in (("kuis-1", "1001", {"q1": 2, "q2": 1.5}), ("kuis-2", "1001", {"q1": 4}),
                                      ("kuis-1", "1002", {"q1": 1, "q2": 0})):
            gb.add_submission(quiz, student)
            for cell, score in scores.items():
                grade = gb.find_grade(cell, quiz, quiz, student)
                grade.auto_score = score
            gb.db.commit()
    return tmp_path


def _run(course, *args):
    return subprocess.run([sys.executable, "-m", "coursekit.cli", "export-grades", "--course", str(course),
                           *args], capture_output=True, text=True, timeout=120, cwd=course)


def _rows(path):
    return list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8"))))


@pytest.mark.slow
def test_csv_has_every_student_and_per_quiz_columns(course):
    run = _run(course, "--format", "csv", "-o", "out.csv")
    assert run.returncode == 0, run.stderr
    rows = _rows(course / "out.csv")
    assert rows[0] == ["NIM / Student ID (NIM)", "Nama / Name", "Email", "kuis-1", "kuis-2", "Total"]
    assert rows[1:] == [["1001", "Ayu Lestari", "ayu@example.ac.id", "3.5", "4", "7.5"],
                        ["1002", "Budi Santoso", "", "1", "", "1"],
                        ["1003", "Citra", "", "", "", "0"]]


@pytest.mark.slow
def test_moodle_grade_import_keyed_by_id_number(course):
    run = _run(course, "--format", "moodle", "-o", "moodle.csv")
    assert run.returncode == 0, run.stderr
    rows = _rows(course / "moodle.csv")
    assert rows[0][:3] == ["ID number", "Full name", "Email address"]
    assert [r[0] for r in rows[1:]] == ["1001", "1002", "1003"]


@pytest.mark.slow
def test_canvas_with_roster_matches_by_nim_and_lists_the_unmatched(course):
    roster = course / "canvas-export.csv"
    roster.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section,Kuis lama (77)\n"
        "    Points Possible,,,,,10\n"
        "\"Lestari, Ayu\",501,1001,ayu,A,5\n"
        "\"Dewi, Eka\",502,1004,eka,A,6\n", encoding="utf-8")
    run = _run(course, "--format", "canvas", "--roster", str(roster), "-o", "canvas.csv")
    assert run.returncode == 0, run.stderr
    rows = _rows(course / "canvas.csv")
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "kuis-1", "kuis-2", "Total"]
    assert rows[1][0] == "Points Possible" and rows[1][5:] == ["5", "4", "9"]
    by_nim = {r[2]: r for r in rows[2:]}
    assert by_nim["1001"][:5] == ["Lestari, Ayu", "501", "1001", "ayu", "A"]
    assert by_nim["1001"][5:] == ["3.5", "4", "7.5"]
    assert by_nim["1004"][5:] == ["", "", ""]  # on the roster, no grades: written, listed
    assert by_nim["1002"][1] == ""  # graded, not on the roster: written without a Canvas id, listed
    assert set(by_nim) == {"1001", "1002", "1003", "1004"}
    assert "1002, 1003" in run.stdout and "1004" in run.stdout


@pytest.mark.slow
def test_no_gradebook_is_a_clear_error(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    run = _run(tmp_path, "--format", "csv")
    assert run.returncode == 1 and "gradebook" in run.stderr


def test_table_totals_skip_missing_quizzes():
    s = grades.Student("9", "N", "", {"a": None, "b": 2.0})
    rows, _, _ = grades.table("csv", ["a", "b"], {"a": 1, "b": 2}, [s])
    assert rows[1][3:] == ["", "2", "2"]
