"""batch.py on its own: reading a notebook of any version without running it, the links and
special files of a submission (never followed), the master's nbgrader flags and the cells whose
flags a student changed, the lecturer's flags of one submission (every hostile case of
tests/support/classroom.py, handed in to a course generated in this process), and the batch
driver's refusals that need no nbgrader run."""

from __future__ import annotations

import copy
import os
import shutil

import nbformat
import pytest

from coursekit.classgrader import batch
from coursekit.classgrader.lock import Lock
from coursekit.gradedquiz.protocol import IDENTITY, answer_id, find_cell, test_id
from tests.support import classroom

from .generated import QUIZ, generate

MASTER = classroom.EXERCISES / "source" / QUIZ / f"{QUIZ}.ipynb"


@pytest.fixture(scope="module")
def handed(tmp_path_factory):
    """(course, {kind: student}): every hostile case and two realistic students handed in."""
    course = generate(tmp_path_factory.mktemp("batch"))
    sub = classroom.hand_in(course, QUIZ, len(classroom.HOSTILE) + 2, seed=3)
    return course, {h.kind: h.student for h in sub}


def flags(handed, kind, lang="en"):
    course, who = handed
    return batch.inspect_submission(course, QUIZ, who[kind], lang)


# read_notebook

def test_reads_a_version_4_notebook_as_nbformat_does(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(MASTER.read_text(encoding="utf-8"), encoding="utf-8")
    nb = batch.read_notebook(path)
    assert nb == nbformat.read(path, as_version=4)
    assert isinstance(nb.cells[0].source, str) and nb.cells[0].metadata.nbgrader.grade_id == "judul"


def test_reads_a_version_3_notebook_as_version_4(tmp_path):
    v4 = nbformat.read(MASTER, as_version=4)
    path = tmp_path / "old.ipynb"
    old = nbformat.convert(nbformat.read(MASTER, as_version=4), 3)
    path.write_text(nbformat.writes(old, version=3), encoding="utf-8")
    nb = batch.read_notebook(path)
    assert nb.nbformat == 4
    assert [c.source for c in nb.cells if c.cell_type == "code"] == \
        [c.source for c in v4.cells if c.cell_type == "code"]


@pytest.mark.parametrize("text, error", [
    ('{"cells": [', nbformat.reader.NotJSONError),
    ('{"nbformat": 4, "metadata": {}}', nbformat.ValidationError),  # version 4 without cells
    ("[1, 2]", Exception),
])
def test_a_broken_file_raises_instead_of_grading_nothing(tmp_path, text, error):
    path = tmp_path / "broken.ipynb"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(error):
        batch.read_notebook(path)


# special_files

def test_links_and_special_files_are_listed_never_followed(tmp_path):
    folder = tmp_path / "sub"
    (folder / "data").mkdir(parents=True)
    (folder / "notes.txt").write_text("plain")
    (folder / "data" / "ok.csv").write_text("a,b")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/etc", folder / "etc-link")  # a linked folder is listed, not walked
    os.symlink("/dev/zero", folder / "data" / "zero.bin")
    os.mkfifo(folder / "data" / "pipe")
    assert batch.special_files(folder) == ["data/pipe", "data/zero.bin", "etc-link", "passwd.txt"]


def test_no_folder_or_a_linked_folder_has_nothing_to_list(tmp_path):
    assert batch.special_files(tmp_path / "missing") == []
    real = tmp_path / "real"
    real.mkdir()
    os.symlink("/etc/passwd", real / "passwd.txt")
    os.symlink(real, tmp_path / "link")
    assert batch.special_files(tmp_path / "link") == []


# master_flags, tampered_cells

def test_master_flags_are_the_nbgrader_metadata_by_grade_id():
    master = batch.master_flags(MASTER)
    assert master[IDENTITY]["solution"] is True
    assert master[test_id("q01")]["grade"] is True and master[test_id("q01")]["points"] == 1
    assert master[answer_id("q18")]["grade"] is True  # the essay, hand-graded
    assert not any(gid.startswith("x") for gid in master)


def test_untouched_cells_are_not_tampered():
    nb = nbformat.read(MASTER, as_version=4)
    assert batch.tampered_cells(nb, batch.master_flags(MASTER)) == []


def test_added_and_changed_nbgrader_metadata_is_tampering():
    nb = nbformat.read(MASTER, as_version=4)
    master = batch.master_flags(MASTER)
    find_cell(nb, test_id("q02")).metadata.nbgrader["points"] = 50
    find_cell(nb, test_id("q03")).metadata.nbgrader["locked"] = False
    find_cell(nb, answer_id("q04")).metadata.nbgrader["grade"] = True
    bonus = nbformat.v4.new_code_cell("100")
    bonus.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "locked": False, "points": 9,
                                  "schema_version": 3, "solution": False, "task": False}
    odd = nbformat.v4.new_code_cell("1")
    odd.metadata["nbgrader"] = "grade me"  # not even a dict
    empty = nbformat.v4.new_code_cell("2")
    empty.metadata["nbgrader"] = {}
    nb.cells += [bonus, odd, empty]
    assert batch.tampered_cells(nb, master) == [test_id("q02"), test_id("q03"), answer_id("q04"),
                                                 "bonus", "None"]


def test_equal_values_of_another_type_are_not_tampering():
    nb = nbformat.read(MASTER, as_version=4)
    meta = find_cell(nb, test_id("q02")).metadata.nbgrader
    meta["points"] = int(meta["points"])  # 2, where the master says 2.0 or 2
    assert batch.tampered_cells(nb, batch.master_flags(MASTER)) == []


# inspect_submission: one flag per problem, in the lecturer's language

def test_a_plain_submission_has_no_flags(handed):
    assert flags(handed, "all-correct") == []
    assert flags(handed, "all-wrong") == []  # wrong answers are scored, not flagged
    assert flags(handed, "odd-format") == []


@pytest.mark.parametrize("kind, expected", [
    ("blank", ["NIM blank"]),
    ("syntax-error", ["q01 invalid answer (syntax-error); scored 0"]),
    ("answer-cell-deleted", ["q01 invalid answer (answer-cell-missing); scored 0"]),
    ("test-cell-deleted", ["q01 test cell deleted (restored from the gradebook)"]),
    ("test-cell-duplicated", ["q01 test cell duplicated (copies ignored)"]),
    ("code-to-markdown", ["q01 answer cell changed to markdown (read as code)"]),
    ("added-code-cell", ["1 code cell(s) added by the student, not executed"]),
    ("timestamp-byte-ff", ["timestamp.txt is not a valid date (ignored; submission time unknown)"]),
    ("extra-notebook", ["extra notebook(s) not graded: catatan.ipynb"]),
    ("links-and-special-files",
     ["4 link(s) or special file(s) not copied: etc-link, passwd.txt, pipe, zero.bin"]),
    ("grade-cell-added", ["nbgrader metadata added or changed on bonus (tampering: dropped or "
                          "restored, the rest graded)"]),
    ("nbformat-3", []),
])
def test_each_problem_has_its_flag(handed, kind, expected):
    assert flags(handed, kind) == expected


def test_a_duplicated_answer_cell_is_flagged_and_the_last_one_read(handed):
    assert flags(handed, "answer-cell-duplicated") == [
        "q01 answer cell duplicated (last one graded)", "q01 invalid answer (unknown-option:zz); scored 0"]


def test_an_edited_test_cell_is_flagged_twice(handed):
    """Its source (what runs) and its metadata (what it is worth) are two flags."""
    got = flags(handed, "test-cell-edited")
    assert got == ["nbgrader metadata added or changed on nilai-q01 (tampering: dropped or restored, "
                   "the rest graded)", "q01 test cell edited (restored from the gradebook)"]


def test_another_students_nim_names_both(handed):
    _, who = handed
    (got,) = flags(handed, "other-variant")
    assert got.startswith("NIM '2301") and f"differs from submitter {who['other-variant']}" in got


def test_smuggled_code_is_an_invalid_answer_per_question(handed):
    got = flags(handed, "smuggling")
    assert len(got) == len(classroom.SMUGGLING)
    assert all(" invalid answer (" in f and f.endswith("; scored 0") for f in got)
    assert "__import__" not in " ".join(got)


def test_a_renamed_notebook_says_how_to_grade_it(handed):
    _, who = handed
    assert flags(handed, "renamed-notebook") == [
        f"notebook renamed: expected {QUIZ}.ipynb, found {QUIZ} (1).ipynb (not graded; rename it to "
        f"{QUIZ}.ipynb and run again with --student {who['renamed-notebook']})"]


def test_an_unreadable_notebook_is_one_short_flag(handed):
    (got,) = flags(handed, "truncated-json")
    assert got.startswith("notebook unreadable (NotJSONError: ") and got.endswith("); scored 0")
    assert len(got) < 140 and "\n" not in got


def test_no_notebook_at_all(handed):
    course, _ = handed
    assert batch.inspect_submission(course, QUIZ, "nobody", "en") == [
        f"no notebook {QUIZ}.ipynb submitted"]


def test_a_notebook_that_is_a_link_is_not_read(handed):
    course, who = handed
    folder = course / "submitted" / "linked" / QUIZ
    folder.mkdir(parents=True)
    real = course / "submitted" / who["all-correct"] / QUIZ / f"{QUIZ}.ipynb"
    os.symlink(real, folder / f"{QUIZ}.ipynb")
    try:
        assert batch.inspect_submission(course, QUIZ, "linked", "en") == [
            "1 link(s) or special file(s) not copied: kuis-1.ipynb", f"no notebook {QUIZ}.ipynb submitted"]
    finally:
        shutil.rmtree(course / "submitted" / "linked")


def test_many_names_are_cut_short(handed):
    course, who = handed
    folder = course / "submitted" / who["realistic"] / QUIZ
    made = [folder / f"extra-{n}.ipynb" for n in range(7)]
    for path in made:
        path.write_text("{}")
    try:
        (got,) = flags(handed, "realistic")
    finally:
        for path in made:
            path.unlink()
    assert got == ("extra notebook(s) not graded: extra-0.ipynb, extra-1.ipynb, extra-2.ipynb, "
                   "extra-3.ipynb, extra-4.ipynb, ... (7)")


def test_flags_in_indonesian(handed):
    assert flags(handed, "blank", "id") == ["NIM kosong"]
    assert flags(handed, "test-cell-deleted", "id") == [
        "sel uji q01 dihapus (dipulihkan dari buku nilai)"]


def test_the_notebook_and_stamp_given_are_used_and_left_as_they_were(handed):
    """The worker passes what it already read: inspect reads that, not the file, and never
    changes it."""
    course, who = handed
    sid = who["all-correct"]
    nb = batch.read_notebook(course / "submitted" / sid / QUIZ / f"{QUIZ}.ipynb")
    classroom.fill(nb, {}, "")  # a blank NIM in the given notebook only
    before = copy.deepcopy(nb)
    got = batch.inspect_submission(course, QUIZ, sid, "en", nb=nb, stamp=(None, True))
    assert got == ["timestamp.txt is not a valid date (ignored; submission time unknown)", "NIM blank"]
    assert nb == before


# autograde_all: what it refuses before running nbgrader

def test_autograde_stops_while_another_run_holds_the_course(handed, capsys):
    course, _ = handed
    with Lock(course) as held:
        held.acquire(wait=False)
        assert batch.autograde_all(course, QUIZ, lang="en") == 75
    err = capsys.readouterr().err
    assert err.startswith("coursekit: Another grading run is in progress (pid ")
    assert "Wait for it to finish, or run with --wait." in err
    assert not (course / "autograded").exists()


def test_autograde_without_submissions_says_where_it_looked(tmp_path, capsys):
    (tmp_path / "submitted").mkdir()
    assert batch.autograde_all(tmp_path, QUIZ, lang="id") == 1
    err = capsys.readouterr().err
    assert err.strip() == f"Tidak ada kiriman untuk {QUIZ} di {tmp_path.resolve() / 'submitted'}"
