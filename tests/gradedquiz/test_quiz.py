"""quiz.py on its own: kuis.tampilkan shows a question as this student's variant (letters a, b,
c... in the student's order, numbers and letters for matching) as HTML and text, in the
student's language; kuis.periksa checks only the format of the answer: fine on stdout, a blank
or unreadable answer on stderr (so `nbgrader validate` fails a quiz not yet answered)."""

from __future__ import annotations

import pytest

from coursekit.classgrader.responses import master
from coursekit.gradedquiz.quiz import View, kuis
from coursekit.gradedquiz.variant import fingerprint, slot
from tests.support import classroom

QUIZ = "kuis-1"
SOURCE = classroom.EXERCISES / "source" / QUIZ
STUDENT = "23010042"
DISPLAY, _ = master(SOURCE)
QUESTIONS = {q["qid"]: q for q in DISPLAY["questions"]}


@pytest.fixture
def quiz(monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return kuis(SOURCE)


def texts(q, student, lang="en"):
    s = slot(q, QUIZ, student)
    item = next(i for i in q["items"] if i["item"] == s.item)
    by_token = {e["token"]: e["text"][lang] for part in ("options", "left", "right")
                for e in item.get(part, [])}
    return s, item, by_token


def test_a_choice_question_in_the_students_letters(quiz):
    q = QUESTIONS["q02"]
    s, item, by_token = texts(q, STUDENT)
    view = quiz.tampilkan("q02", nim=STUDENT, lang="en")
    assert isinstance(view, View)
    lines = str(view).splitlines()
    assert lines[0] == "Question 2 (2 point(s))"
    assert lines[1] == item["stem"]["en"]
    assert lines[2:2 + len(s.letters)] == [f"  {x}. {by_token[t]}" for x, t in s.letters.items()]
    assert lines[-2].startswith(">> Choose ALL the right letters")
    assert lines[-1] == f"Variant for student ID {STUDENT} (code {fingerprint(DISPLAY, STUDENT)})"


def test_another_student_sees_another_order_of_the_same_options(quiz):
    mine = str(quiz.tampilkan("q02", nim=STUDENT, lang="en")).splitlines()[2:7]
    orders = {tuple(str(quiz.tampilkan("q02", nim=f"2301{n:04d}", lang="en")).splitlines()[2:7])
              for n in range(8)}
    assert len(orders) > 1
    assert all(sorted(x[5:] for x in o) == sorted(x[5:] for x in mine) for o in orders)


def test_a_matching_question_shows_numbers_then_letters(quiz):
    q = QUESTIONS["q08"]
    s, _, by_token = texts(q, STUDENT)
    text = str(quiz.tampilkan("q08", nim=STUDENT, lang="en"))
    left = "\n".join(f"  {n}. {by_token[t]}" for n, t in s.left.items())
    right = "\n".join(f"  {x}. {by_token[t]}" for x, t in s.right.items())
    assert f"{left}\n\n{right}\n>> Pair each number with one letter." in text


def test_html_and_text_say_the_same_in_the_students_language(quiz):
    view = quiz.tampilkan("q01", nim=STUDENT, lang="id")
    s, _, by_token = texts(QUESTIONS["q01"], STUDENT, "id")
    assert view._repr_html_() == view.html and repr(view) == str(view) == view.text
    assert not view.text.endswith("\n")
    assert view.html.startswith('<div class="ck-kuis" lang="id"')
    assert str(view).startswith("Soal 1 (1 poin)\n")
    for x, t in s.letters.items():
        assert f"<b>{x}.</b> {by_token[t]}" in view.html
    assert f"Varian untuk NIM {STUDENT}" in view.html


def test_text_from_the_student_is_escaped_in_html(quiz):
    view = quiz.tampilkan("q01", nim='<img src=x onerror="alert(1)">', lang="en")
    assert "<img" not in view.html and "&lt;img" in view.html


def test_without_a_nim_choices_wait_for_one_but_an_essay_shows(quiz):
    view = quiz.tampilkan("q01", nim="", lang="en")
    assert str(view).startswith("Write your student ID (NIM) in the IDENTITY cell above")
    assert "Write your student ID (NIM) in the IDENTITY cell above" in view.html
    essay = str(quiz.tampilkan("q18", nim="", lang="en"))
    assert essay.startswith("Question 18 (6 point(s))") and "Variant for student ID - " in essay


def test_on_a_hub_the_login_is_the_student(quiz, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", STUDENT)
    assert str(quiz.tampilkan("q02", lang="en")) == str(quiz.tampilkan("q02", nim=STUDENT, lang="en"))


def test_the_default_language_is_indonesian(quiz):
    assert str(quiz.tampilkan("q01", nim=STUDENT)).startswith("Soal 1 (1 poin)")


def test_an_unknown_question_or_missing_file_is_a_message(quiz, tmp_path):
    view = quiz.tampilkan("q99", nim=STUDENT, lang="en")
    assert str(view) == "There is no question q99 in this quiz." and "q99" in view.html
    lost = kuis(tmp_path).show("q01", nim=STUDENT, lang="en")
    assert str(lost).startswith("The file questions.json is not in the quiz folder.")


# periksa: the format only

def check(quiz, capsys, qid, source, ns=None):
    assert quiz.periksa(qid, source, {"NIM": STUDENT, "BAHASA": "en", **(ns or {})}) is None
    return capsys.readouterr()


def test_a_well_formed_answer_is_fine_on_stdout(quiz, capsys):
    out, err = check(quiz, capsys, "q01", 'jawaban = "b"')
    assert err == "" and out == ("The format of answer q01 is fine: 'b'. (This checks the format only, "
                                 "not whether it is right.)\n")


def test_a_wrong_but_well_formed_answer_is_fine_too(quiz, capsys):
    wrong = classroom.wrong_answers(classroom.EXERCISES, QUIZ, STUDENT)
    for qid in ("q01", "q02", "q04", "q08", "q17"):
        out, err = check(quiz, capsys, qid, f"jawaban = {wrong[qid]!r}")
        assert err == "" and out.startswith(f"The format of answer {qid} is fine: ")


def test_a_blank_answer_is_reported_on_stderr(quiz, capsys):
    out, err = check(quiz, capsys, "q01", 'jawaban = ""  # tulis jawaban di antara tanda kutip')
    assert out == "" and err.startswith("Question q01 has no answer yet.")


@pytest.mark.parametrize("qid, source, reason", [
    ("q01", 'jawaban = "b', "the answer cell is not valid Python (perhaps a missing quote)."),
    ("q01", 'jawaban = "z"', "letter z is not one of the options."),
    ("q04", 'jawaban = "mungkin"', '"mungkin" is not "true" or "false".'),
    ("q08", 'jawaban = "a"', 'the answer must be pairs, e.g. {"1": "b"}.'),
    ("q02", "jawaban = pilihan", "the answer must be text between quotes, a list or pairs; not code."),
])
def test_an_unreadable_answer_is_reported_on_stderr_with_its_reason(quiz, capsys, qid, source, reason):
    out, err = check(quiz, capsys, qid, source)
    assert out == "" and err == (f"The format of answer {qid} is not right: {reason} Fix the ANSWER cell "
                                 "above, run it, then run this cell again.\n")


def test_the_letters_are_those_of_the_students_variant(quiz, capsys):
    q = QUESTIONS["q01"]
    last = sorted(slot(q, QUIZ, STUDENT).letters)[-1]
    beyond = chr(ord(last) + 1)
    assert check(quiz, capsys, "q01", f"jawaban = {last!r}").err == ""
    assert f"letter {beyond} is not one of the options." in check(quiz, capsys, "q01",
                                                                   f"jawaban = {beyond!r}").err


def test_the_check_speaks_the_students_language(quiz, capsys):
    out, _ = check(quiz, capsys, "q01", 'jawaban = "b"', {"BAHASA": "id"})
    assert out.startswith("Format jawaban q01 sudah benar: 'b'.")
    _, err = check(quiz, capsys, "q01", 'jawaban = ""', {"BAHASA": "id"})
    assert err.startswith("Soal q01 belum dijawab.")


def test_an_unknown_question_or_missing_file_is_reported_on_stderr(quiz, capsys, tmp_path):
    out, err = check(quiz, capsys, "q99", 'jawaban = "b"')
    assert out == "" and err == "There is no question q99 in this quiz.\n"
    kuis(tmp_path).check("q01", 'jawaban = "b"', {"BAHASA": "en"})
    assert capsys.readouterr().err == "There is no question q01 in this quiz.\n"
