"""worker.py on its own: the Outcome of one submission, graded in this process as a worker
process grades it (init with the course and its snapshot, then grade(student)), on a course
generated in this process with students of tests/support/classroom.py; and its helpers (notebook
nodes, the notebook written as nbformat writes it, the files copied beside it, never a link)."""

from __future__ import annotations

import json
import os
import stat

import nbformat
import pytest

from coursekit.classgrader import worker
from coursekit.classgrader.course import open_course, snapshot
from coursekit.gradedquiz.protocol import find_cell
from tests.support import classroom

from .generated import QUIZ, generate

KINDS = ["all-correct", "all-wrong", "blank", "renamed-notebook", "truncated-json",
         "links-and-special-files", "test-cell-edited", "syntax-error"]
POINTS = {f"nilai-q{n:02d}": p for n, p in
          enumerate([1, 2, 1, 1, 1, 2, 2, 3, 2, 1, 3, 2, 1, 2, 1, 5, 1], 1)}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """(Course, {kind: student}), the worker set up for it as engine.py sets up each worker."""
    root = generate(tmp_path_factory.mktemp("worker"))
    handed = classroom.hand_in(root, QUIZ, len(KINDS), seed=2, kinds=KINDS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COURSEKIT_KEYS", "")  # the course config sets it; restored after
        c = open_course(root)
    worker.init(c, snapshot(c, QUIZ), QUIZ, "en")
    return c, {h.kind: h.student for h in handed}


@pytest.fixture(scope="module")
def outcomes(course):
    _, who = course
    return {kind: worker.grade(sid) for kind, sid in who.items()}


def test_right_answers_earn_every_point(outcomes):
    o = outcomes["all-correct"]
    assert (o.state, o.error, o.flags, o.missing, o.not_run) == ("ok", "", [], [], 0)
    assert o.timestamp == classroom.TIMESTAMP
    grades = o.notebooks[QUIZ]["grades"]
    assert {k: v for k, v in grades.items() if k in POINTS} == POINTS
    assert grades["jawaban-q18"] == 0  # the essay is left blank; nbgrader scores that 0


def test_wrong_answers_earn_nothing_and_blank_cells_say_no_response(outcomes):
    wrong, blank = outcomes["all-wrong"], outcomes["blank"]
    assert set(wrong.notebooks[QUIZ]["grades"].values()) == {0}
    assert set(wrong.notebooks[QUIZ]["comments"].values()) == {None, "No response."}
    assert set(blank.notebooks[QUIZ]["grades"].values()) == {0}
    assert set(blank.notebooks[QUIZ]["comments"].values()) == {"No response."}
    assert blank.flags == ["NIM blank"]


def test_responses_hold_stable_ids_and_the_variant(outcomes, course):
    _, who = course
    rows = outcomes["all-correct"].responses
    assert [r.question for r in rows] == [f"q{n:02d}" for n in range(1, 19)]
    assert {r.student for r in rows} == {who["all-correct"]}
    assert len({r.variant for r in rows}) == 1
    auto = [r for r in rows if r.question != "q18"]
    assert all(r.status == "correct" and r.score == r.max for r in auto)
    assert all(len(x) > 1 for r in auto for x in r.chosen)  # ids or texts, never one letter
    assert (rows[-1].status, rows[-1].score) == ("manual", None)


def test_a_bad_answer_costs_its_question_only(outcomes):
    o = outcomes["syntax-error"]
    grades = o.notebooks[QUIZ]["grades"]
    assert grades["nilai-q01"] == 0 and grades["nilai-q02"] == POINTS["nilai-q02"]
    assert o.flags == ["q01 invalid answer (syntax-error); scored 0"]
    assert o.responses[0].status == "invalid"


def test_tampering_is_undone_and_flagged(outcomes):
    o = outcomes["test-cell-edited"]
    assert o.notebooks[QUIZ]["grades"]["nilai-q01"] == 1.0  # not the 100 the student wrote
    assert len(o.flags) == 2 and "test cell edited" in o.flags[1]


def test_a_renamed_notebook_fails_with_its_reason(outcomes, course):
    c, who = course
    o = outcomes["renamed-notebook"]
    assert o.state == "failed" and o.error == "no notebook to grade (renamed, missing, or a link)"
    assert o.flags[0].startswith("notebook renamed:")
    assert not c.autograded(who["renamed-notebook"], QUIZ).exists()


def test_an_unreadable_notebook_fails_with_a_short_error(outcomes, course):
    c, who = course
    o = outcomes["truncated-json"]
    assert o.state == "failed" and o.error.startswith("NotJSONError: ")
    assert len(o.error) <= 200 and "\n" not in o.error
    assert o.timestamp == classroom.TIMESTAMP
    assert not c.autograded(who["truncated-json"], QUIZ).exists()


def test_the_autograded_folder_is_where_nbgrader_writes_it(outcomes, course):
    c, who = course
    folder = c.autograded(who["all-correct"], QUIZ)
    assert sorted(p.name for p in folder.iterdir()) == [f"{QUIZ}.ipynb", "questions.json", "timestamp.txt"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o444 for p in folder.iterdir())
    nb = nbformat.read(folder / f"{QUIZ}.ipynb", as_version=4)
    nbformat.validate(nb)
    test = find_cell(nb, "nilai-q01")
    assert 'nilai("q01")' in test.source  # the hidden test, put back from the gradebook
    assert test.outputs[-1]["output_type"] == "execute_result"
    assert test.outputs[-1]["data"]["text/plain"] == "1.0"


def test_links_are_neither_followed_nor_copied(outcomes, course):
    c, who = course
    o = outcomes["links-and-special-files"]
    assert o.state == "ok" and o.notebooks[QUIZ]["grades"]["nilai-q01"] == 1.0
    assert o.flags == ["4 link(s) or special file(s) not copied: etc-link, passwd.txt, pipe, zero.bin"]
    names = {p.name for p in c.autograded(who["links-and-special-files"], QUIZ).iterdir()}
    assert names == {f"{QUIZ}.ipynb", "questions.json", "timestamp.txt"}


def test_grading_again_replaces_the_read_only_folder(outcomes, course):
    c, who = course
    sid = who["all-correct"]
    stale = c.autograded(sid, QUIZ) / "stale.txt"
    os.chmod(stale.parent, 0o755)
    stale.write_text("from an old run")
    os.chmod(stale.parent, 0o555)
    again = worker.grade(sid)
    assert again.state == "ok" and again.notebooks == outcomes["all-correct"].notebooks
    assert not stale.exists()


def test_a_notebook_that_is_a_link_is_not_graded(course):
    c, who = course
    folder = c.submitted("linked", QUIZ)
    folder.mkdir(parents=True)
    os.symlink(c.submitted(who["all-correct"], QUIZ) / f"{QUIZ}.ipynb", folder / f"{QUIZ}.ipynb")
    o = worker.grade("linked")
    assert o.state == "failed" and "a link" in o.error
    assert o.timestamp is None  # no timestamp.txt


def test_failed_speaks_the_lecturers_language(course):
    c, who = course
    sid = who["all-wrong"]
    worker.init(c, snapshot(c, QUIZ), QUIZ, "id")
    try:
        o = worker.failed(sid, "worker_died", student=sid)
    finally:
        worker.init(c, snapshot(c, QUIZ), QUIZ, "en")
    assert o.state == "failed" and o.timestamp == classroom.TIMESTAMP
    assert o.error == ("proses penilai mati saat menilai kiriman ini (dihentikan paksa atau kehabisan "
                       f"memori); belum dinilai, jalankan lagi dengan --student {sid}")
    assert not c.autograded(sid, QUIZ).exists()  # no half-written notebook stays


# helpers

def test_nodes_converts_plain_dicts_in_place():
    nb = nbformat.v4.new_notebook()
    nb.cells.append({"cell_type": "code", "source": "1", "metadata": {"nbgrader": {"grade": True}},
                     "outputs": [], "execution_count": None})
    same = worker._nodes(nb)
    assert same is nb
    assert same.cells[0].metadata.nbgrader.grade is True  # attribute access: notebook nodes
    assert worker._nodes({"a": {"b": 1}}).a.b == 1


def test_json_is_one_line_that_nbformat_reads_back():
    nb = nbformat.read(classroom.EXERCISES / "source" / QUIZ / f"{QUIZ}.ipynb", as_version=4)
    nb.metadata["orig_nbformat"] = 3  # transient: dropped, as nbformat writes
    nb.cells[1].metadata["trusted"] = True
    nb.cells.append(nbformat.v4.new_markdown_cell("satu\ndua \u00e9 \U0001f600"))
    text = worker._json(nb)
    assert "\n" not in text and "orig_nbformat" not in text and "trusted" not in text
    back = nbformat.reads(text, as_version=4)
    assert back == nbformat.reads(nbformat.writes(nb), as_version=4)
    assert json.loads(text)["cells"][-1]["source"] == ["satu\n", "dua \u00e9 \U0001f600"]


def test_copy_files_copies_plain_files_and_never_a_link(course, tmp_path):
    c, _ = course
    src, dest = tmp_path / "src", tmp_path / "dest"
    (src / "data").mkdir(parents=True)
    (src / "data" / "table.csv").write_text("a,b")
    (src / "other.ipynb").write_text("{}")  # notebooks are graded, not copied
    os.symlink("/etc/passwd", src / "passwd.txt")
    os.symlink("/etc", src / "etc-link")
    os.mkfifo(src / "pipe")
    worker._copy_files(c, QUIZ, src, dest, exclude=[])
    copied = sorted(str(p.relative_to(dest)) for p in dest.rglob("*"))
    assert copied == ["data", "data/table.csv", "questions.json"]  # + the master's files
    worker._copy_files(c, QUIZ, src, tmp_path / "dest2", exclude=["questions.json"])
    assert not (tmp_path / "dest2" / "questions.json").exists()


def test_remove_takes_away_a_read_only_tree(tmp_path):
    top = tmp_path / "a"
    (top / "b").mkdir(parents=True)
    (top / "b" / "f").write_text("x")
    for p in (top / "b" / "f", top / "b", top):
        os.chmod(p, 0o444 if p.is_file() else 0o555)
    worker._remove(top)
    assert not top.exists()
    worker._remove(top)  # nothing there: nothing to do


def test_describe_is_the_last_line_of_a_traceback():
    assert worker.describe(ValueError("bad\nvalue")) == "ValueError: bad\nvalue"
    assert worker.describe(KeyError("k")) == "KeyError: 'k'"
