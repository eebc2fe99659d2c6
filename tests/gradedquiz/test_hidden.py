"""hidden.py on its own: nilai("qNN"), the hidden test of a graded question, run in the folder
nbgrader runs the notebook in: it returns the points (nbgrader's partial credit), prints the
feedback on stdout and never anything on stderr (nbgrader would score that 0), reads the keys
passed in or the course's keys file, and speaks the language of the student's namespace."""

from __future__ import annotations

import shutil

import pytest

from coursekit.classgrader.responses import master
from coursekit.gradedquiz.hidden import nilai
from coursekit.gradedquiz.score import score_question
from tests.support import classroom

QUIZ = "kuis-1"
STUDENT = "23010042"


@pytest.fixture
def course(tmp_path, monkeypatch):
    monkeypatch.delenv("COURSEKIT_KEYS", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return classroom.course_sources(tmp_path)


@pytest.fixture
def in_source(course, monkeypatch):
    """Run from source/<quiz>/, as `nbgrader generate_assignment` and the instructor do."""
    monkeypatch.chdir(course / "source" / QUIZ)
    return course


def data(course):
    display, keys = master(course / "source" / QUIZ)
    return {q["qid"]: q for q in display["questions"]}, keys


def answer(course, qid, student=STUDENT, right=True):
    pick = classroom.right_answers if right else classroom.wrong_answers
    return f"jawaban = {pick(course, QUIZ, student)[qid]!r}"


def test_points_earned_and_feedback_on_stdout_only(in_source, capsys):
    _, keys = data(in_source)
    ns = {"NIM": STUDENT, "BAHASA": "en"}
    assert nilai("q02", keys["q02"], answer(in_source, "q02"), ns) == 2.0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("✔ q02: Correct (2 of 2 points)\n")
    assert nilai("q02", keys["q02"], answer(in_source, "q02", right=False), ns) == 0.0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("✘ q02: Incorrect (0 of 2 points)\n")


def test_partial_credit_is_the_points_nbgrader_records(in_source, capsys):
    questions, keys = data(in_source)
    right = classroom.right_answers(in_source, QUIZ, STUDENT)["q02"]
    got = nilai("q02", keys["q02"], f"jawaban = {right[:1]!r}", {"NIM": STUDENT})
    expected = score_question(questions["q02"], keys["q02"], QUIZ, STUDENT, f"jawaban = {right[:1]!r}")
    assert 0 < got == expected.points < 2
    assert capsys.readouterr().err == ""


def test_an_unreadable_answer_scores_zero_with_its_reason_on_stdout(in_source, capsys):
    _, keys = data(in_source)
    assert nilai("q01", keys["q01"], 'jawaban = "b', {"NIM": STUDENT, "BAHASA": "en"}) == 0.0
    out, err = capsys.readouterr()
    assert err == "" and "the answer cell is not valid Python (perhaps a missing quote)." in out


def test_outside_a_kernel_there_is_no_answer_cell(in_source, capsys):
    """source None: the cell before, from IPython's history; without IPython, nothing."""
    _, keys = data(in_source)
    assert nilai("q01", keys["q01"], None, {"NIM": STUDENT, "BAHASA": "en"}) == 0.0
    assert "the answer cell is missing (deleted?)." in capsys.readouterr().out


def test_keys_are_read_from_the_courses_keys_file(in_source, capsys):
    _, keys = data(in_source)
    ns = {"NIM": STUDENT, "BAHASA": "en"}
    given = nilai("q08", keys["q08"], answer(in_source, "q08"), ns)
    first = capsys.readouterr().out
    assert nilai("q08", None, answer(in_source, "q08"), ns) == given == 3.0
    assert capsys.readouterr().out == first


def test_without_a_keys_file_it_says_so_and_scores_zero(in_source, capsys):
    right = answer(in_source, "q01")
    (in_source / "keys" / f"{QUIZ}.json").unlink()
    assert nilai("q01", None, right, {"NIM": STUDENT, "BAHASA": "en"}) == 0.0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("The answer keys of this quiz were not found (keys/<quiz>.json")


def test_without_questions_json_it_says_so_and_scores_zero(course, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _, keys = data(course)
    assert nilai("q01", keys["q01"], 'jawaban = "a"', {"BAHASA": "id"}) == 0.0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("Berkas questions.json tidak ditemukan di folder kuis.")


def test_the_students_language_is_indonesian_unless_english(in_source, capsys):
    _, keys = data(in_source)
    for ns, word in (({"NIM": STUDENT}, "Benar"), ({"NIM": STUDENT, "BAHASA": "EN"}, "Correct"),
                     ({"NIM": STUDENT, "BAHASA": "fr"}, "Benar")):
        nilai("q01", keys["q01"], answer(in_source, "q01"), ns)
        assert capsys.readouterr().out.startswith(f"✔ q01: {word} (")


def test_the_declared_nim_chooses_the_variant_outside_autograding(in_source, capsys):
    questions, keys = data(in_source)
    source = answer(in_source, "q06")  # right for STUDENT's letter order
    for nim in (STUDENT, "23010001", "23010002"):
        want = score_question(questions["q06"], keys["q06"], QUIZ, nim, source).points
        assert nilai("q06", keys["q06"], source, {"NIM": nim}) == want
    capsys.readouterr()


def test_when_autograding_the_submitter_is_graded_and_a_different_nim_flagged(course, monkeypatch,
                                                                              capsys):
    here = course / "autograded" / STUDENT / QUIZ
    here.mkdir(parents=True)
    shutil.copy(course / "source" / QUIZ / "questions.json", here)
    monkeypatch.chdir(here)
    questions, _ = data(course)
    multiple = [qid for qid, q in questions.items() if q["type"] == "multiple"]
    for qid in multiple:  # the submitter's right answers, with a classmate's NIM declared
        assert nilai(qid, None, answer(course, qid), {"NIM": "23010001", "BAHASA": "en"}) == \
            questions[qid]["points"]
    out, err = capsys.readouterr()
    assert err == ""
    warning = ("WARNING: the declared student ID (23010001) differs from the submitter "
               f"({STUDENT}). Answers are graded against {STUDENT}'s variant.")
    assert out.count(warning) == len(multiple)


def test_an_unknown_question_is_named(in_source, capsys):
    assert nilai("q99", {}, 'jawaban = "a"', {"BAHASA": "en"}) == 0.0
    assert capsys.readouterr().out.strip() == "There is no question q99 in this quiz."
