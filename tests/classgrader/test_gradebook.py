"""gradebook.py on its own: the one writer turns the worker's Outcomes into nbgrader's gradebook
rows as stock autograde does (a submission mirrors the assignment; auto scores, manual-grade
marks, "No response." comments, timestamps, late penalties; a failed student keeps the grades
it had), read back through nbgrader's own Gradebook, on a course generated in this process."""

from __future__ import annotations

import pytest

from coursekit.classgrader import nbgrader_compat
from coursekit.classgrader.course import open_course
from coursekit.classgrader.gradebook import Writer
from coursekit.classgrader.worker import Outcome

from .generated import QUIZ, fresh, generate

nbgrader_compat.load()  # nbgrader as the grader imports it
from nbgrader.api import Gradebook  # noqa: E402

STAMP = "2025-03-03 10:00:00.000000 UTC"
TESTS = [f"nilai-q{n:02d}" for n in range(1, 18)]  # kuis-1: 17 auto-graded questions
ESSAY = "jawaban-q18"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("gradebook"))


@pytest.fixture
def course(template, tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_KEYS", "")  # the course config sets it; restored after
    return open_course(fresh(template, tmp_path))


def write(course, *outcomes):
    writer = Writer(course, QUIZ)
    try:
        writer.write(list(outcomes))
    finally:
        writer.close()


def graded(student, grades=None, comments=None, **kw) -> Outcome:
    """An outcome as the worker returns it for one graded notebook."""
    grades = {t: 1.0 for t in TESTS} | {ESSAY: None} if grades is None else grades
    return Outcome(student, timestamp=STAMP, notebooks={QUIZ: {
        "grades": grades, "comments": comments or {}}}, **kw)


def rows(course, student):
    """{cell: (auto_score, manual_score, needs_manual_grade)}, {cell: auto_comment}, submission."""
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        sub = gb.find_submission(QUIZ, student)
        nb = sub.notebooks[0]
        grades = {g.cell.name: (g.auto_score, g.manual_score, g.needs_manual_grade) for g in nb.grades}
        comments = {c.cell.name: c.auto_comment for c in nb.comments}
        info = {"timestamp": sub.timestamp, "score": sub.score, "n": len(sub.notebooks),
                "penalty": nb.late_submission_penalty,
                "subs": len(gb.find_student(student).submissions)}
    return grades, comments, info


def test_a_new_student_gets_a_submission_that_mirrors_the_assignment(course):
    write(course, graded("2301", comments={"jawaban-q01": "No response.", "jawaban-q02": None}))
    grades, comments, info = rows(course, "2301")
    assert set(grades) == {*TESTS, ESSAY}
    assert set(comments) == {"identitas", *(f"jawaban-q{n:02d}" for n in range(1, 19))}
    assert all(grades[t] == (1.0, None, False) for t in TESTS)
    assert grades[ESSAY] == (None, None, True)  # no auto score: the lecturer grades it
    assert comments["jawaban-q01"] == "No response." and comments["jawaban-q02"] is None
    assert info["timestamp"].isoformat() == "2025-03-03T10:00:00"
    assert (info["score"], info["n"], info["penalty"]) == (17.0, 1, None)


def test_cells_without_a_result_are_left_as_created(course):
    write(course, graded("2301", grades={"nilai-q01": 0.5}))
    grades, _, _ = rows(course, "2301")
    assert grades["nilai-q01"] == (0.5, None, False)
    assert grades["nilai-q02"] == (None, None, True)


def test_a_notebook_not_handed_in_scores_zero_everywhere(course):
    write(course, Outcome("2302", timestamp=STAMP, missing=[QUIZ]))
    grades, _, info = rows(course, "2302")
    assert set(grades.values()) == {(0.0, None, False)}
    assert info["score"] == 0


def test_a_failed_student_keeps_the_grades_it_had(course):
    write(course, graded("2303"))
    write(course, Outcome("2303", state="failed", error="boom", timestamp=STAMP,
                          notebooks={QUIZ: {"grades": {t: 0.0 for t in TESTS}, "comments": {}}}))
    grades, _, info = rows(course, "2303")
    assert all(grades[t] == (1.0, None, False) for t in TESTS)
    assert info["subs"] == 1


def test_a_failed_new_student_is_listed_ungraded(course):
    write(course, Outcome("2304", state="failed", error="boom"))
    grades, _, info = rows(course, "2304")
    assert set(grades.values()) == {(None, None, True)}
    assert info["timestamp"] is None


def test_grading_again_updates_the_one_submission(course):
    write(course, graded("2305"))
    write(course, graded("2305", grades={t: 0.0 for t in TESTS}))
    grades, _, info = rows(course, "2305")
    assert all(grades[t] == (0.0, None, False) for t in TESTS)
    assert info["subs"] == 1 and info["score"] == 0


def test_a_manual_grade_keeps_the_cell_marked_for_the_lecturer(course):
    write(course, graded("2306"))
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        grade = gb.find_grade("nilai-q01", QUIZ, QUIZ, "2306")
        grade.manual_score = 0.25
        gb.db.commit()
    write(course, graded("2306"))
    grades, _, _ = rows(course, "2306")
    assert grades["nilai-q01"] == (1.0, 0.25, True)
    assert grades["nilai-q02"] == (1.0, None, False)


def test_many_students_in_one_write(course):
    write(course, *(graded(f"24{n:02d}") for n in range(5)),
          Outcome("2499", timestamp=STAMP, missing=[QUIZ]))
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(QUIZ)}
    assert scores == {**{f"24{n:02d}": 17.0 for n in range(5)}, "2499": 0.0}


def test_late_penalties_follow_the_configured_plugin(course):
    """Due 1 March, handed in 3 March: nbgrader's plugin ('zero': the notebook's score) decides;
    a student on time has none."""
    course.config.LateSubmissionPlugin.penalty_method = "zero"
    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        gb.update_or_create_assignment(QUIZ, duedate="2025-03-01 00:00:00 UTC")
    on_time = graded("2308")
    on_time.timestamp = "2025-02-28 10:00:00.000000 UTC"
    write(course, graded("2307"), on_time)
    assert rows(course, "2307")[2]["penalty"] == 17.0  # nbgrader keeps the score and the penalty
    assert rows(course, "2308")[2]["penalty"] is None
    again = graded("2307")
    again.timestamp = on_time.timestamp  # handed in again, on time: the old penalty goes
    write(course, again)
    assert rows(course, "2307")[2]["penalty"] is None


def test_no_due_date_means_no_penalty(course):
    course.config.LateSubmissionPlugin.penalty_method = "zero"
    write(course, graded("2309"))
    _, _, info = rows(course, "2309")
    assert info["penalty"] is None and info["score"] == 17.0
