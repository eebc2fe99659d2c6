"""course.py on its own: the course folder read from its nbgrader_config.py (root, paths, the
students with a submission), the snapshot of an assignment's master notebooks read once from the
gradebook (in master order), and the read-only view that answers nbgrader's look-ups from it
exactly as nbgrader's Gradebook does, MissingEntry included."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from coursekit.classgrader import course as ck_course
from coursekit.classgrader import nbgrader_compat
from coursekit.classgrader.course import GradebookView, Snapshot, kernelspec, open_course, snapshot

from .generated import QUIZ, fresh, generate

nbgrader_compat.load()  # nbgrader as the grader imports it (without its package __init__)
from nbgrader.api import Gradebook, MissingEntry  # noqa: E402


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return generate(tmp_path_factory.mktemp("course"))


@pytest.fixture
def generated(template, tmp_path, monkeypatch):
    """A generated course, opened (its config sets COURSEKIT_KEYS: restored after the test)."""
    monkeypatch.setenv("COURSEKIT_KEYS", "")
    root = fresh(template, tmp_path)
    return open_course(root)


def _master_ids(c) -> list[str]:
    cells = json.loads((c.source(QUIZ) / f"{QUIZ}.ipynb").read_text(encoding="utf-8"))["cells"]
    return [x["metadata"]["nbgrader"]["grade_id"] for x in cells]


# open_course

def test_a_folder_without_config_is_the_course(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c = open_course()
    assert c.root == tmp_path.resolve()
    assert c.db_url == f"sqlite:///{tmp_path.resolve() / 'gradebook.db'}"
    assert c.submitted("s1", "k") == tmp_path.resolve() / "submitted" / "s1" / "k"
    assert c.autograded("s1", "k") == tmp_path.resolve() / "autograded" / "s1" / "k"
    assert c.source("k") == tmp_path.resolve() / "source" / "k"


def test_a_relative_root_in_the_config_is_read_from_the_course_folder(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        'c = get_config()\nc.CourseDirectory.root = "kelas"\nc.CourseDirectory.course_id = "x"\n')
    c = open_course(tmp_path)
    assert c.root == (tmp_path / "kelas").resolve()
    assert c.coursedir.course_id == "x"
    assert c.submitted("s1", "k") == c.root / "submitted" / "s1" / "k"


def test_the_repositorys_config_names_its_own_folder(generated):
    assert generated.coursedir.course_id == "coursekit"
    assert (generated.root / "gradebook.db").exists()
    assert generated.db_url.endswith(str(generated.root / "gradebook.db"))


def test_students_are_folders_with_the_assignment(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        'c = get_config()\nc.CourseDirectory.student_id_exclude = "tamu,uji"\n')
    base = tmp_path / "submitted"
    for sid in ("2301b", "2301a", "tamu", "uji", "9999"):
        (base / sid / "k1").mkdir(parents=True)
    (base / "2301c" / "k2").mkdir(parents=True)  # another assignment
    (base / "2301d").mkdir()
    (base / "2301d" / "k1").write_text("a file, not a submission")
    c = open_course(tmp_path)
    assert c.students("k1") == ["2301a", "2301b", "9999"]
    assert c.students("k1", "2301*") == ["2301a", "2301b"]
    assert c.students("k1", "2301a") == ["2301a"]
    assert c.students("k3") == []


# snapshot

def test_snapshot_holds_the_master_in_its_order(generated):
    snap = snapshot(generated, QUIZ)
    assert (snap.assignment, snap.duedate, list(snap.notebooks)) == (QUIZ, None, [QUIZ])
    nb = snap.notebooks[QUIZ]
    master = _master_ids(generated)
    assert [c.name for c in nb.source_cells] == master
    assert [c.name for c in nb.grade_cells] == \
        [g for g in master if g.startswith("nilai-") or g == "jawaban-q18"]  # q18: the essay
    assert nb.task_cells == []
    assert [c.name for c in nb.solution_cells] == \
        [g for g in master if g == "identitas" or g.startswith("jawaban-")]


def test_snapshot_keeps_the_hidden_tests_the_release_drops(generated):
    """OverwriteCells puts the gradebook's source back into each locked cell: that source still
    holds the hidden test, which the released notebook does not."""
    view = GradebookView(snapshot(generated, QUIZ))
    test = view.find_source_cell("nilai-q01", QUIZ, QUIZ)
    assert test.locked and 'nilai("q01")' in test.source
    released = json.loads((generated.root / "release" / QUIZ / f"{QUIZ}.ipynb").read_text())
    cell = next(c for c in released["cells"] if c["metadata"]["nbgrader"]["grade_id"] == "nilai-q01")
    assert "nilai(" not in "".join(cell["source"])


def test_snapshot_of_an_assignment_never_generated(generated):
    with pytest.raises(MissingEntry):
        snapshot(generated, "kuis-2")


def test_without_the_master_file_cells_are_in_name_order(generated):
    (generated.source(QUIZ) / f"{QUIZ}.ipynb").unlink()
    names = [c.name for c in snapshot(generated, QUIZ).notebooks[QUIZ].source_cells]
    assert names == sorted(names)


def test_the_view_answers_as_nbgraders_gradebook(generated):
    snap = snapshot(generated, QUIZ)
    view = GradebookView(snap)
    with Gradebook(generated.db_url, generated.coursedir.course_id) as gb:
        for name in _master_ids(generated):
            mine, theirs = view.find_source_cell(name, QUIZ, QUIZ), gb.find_source_cell(name, QUIZ, QUIZ)
            assert (mine.cell_type, mine.locked, mine.source, mine.checksum) == \
                (theirs.cell_type, theirs.locked, theirs.source, theirs.checksum)
            try:
                want = gb.find_graded_cell(name, QUIZ, QUIZ).max_score
            except MissingEntry:
                with pytest.raises(MissingEntry):
                    view.find_graded_cell(name, QUIZ, QUIZ)
            else:
                assert view.find_graded_cell(name, QUIZ, QUIZ).max_score == want
        assert json.loads(gb.find_notebook(QUIZ, QUIZ).kernelspec) == kernelspec(snap, QUIZ)


# GradebookView and kernelspec on a snapshot made in memory

def _snap(kernel=None) -> Snapshot:
    cell = SimpleNamespace
    return Snapshot("k", None, {"k": SimpleNamespace(
        name="k", kernelspec=kernel,
        source_cells=[cell(name="a", cell_type="code", locked=True, source="1", checksum="x")],
        grade_cells=[cell(name="t", max_score=2.0, cell_type="code")],
        task_cells=[cell(name="t", max_score=9.0, cell_type="markdown"),
                    cell(name="task", max_score=3.0, cell_type="markdown")],
        solution_cells=[])})


@pytest.mark.parametrize("call, message", [
    (lambda v: v.find_notebook("k", "other"), "No such notebook: other/k"),
    (lambda v: v.find_notebook("nb2", "k"), "No such notebook: k/nb2"),
    (lambda v: v.find_source_cell("b", "k", "k"), "No such source cell: k/k/b"),
    (lambda v: v.find_source_cell("a", "nb2", "k"), "No such notebook: k/nb2"),
    (lambda v: v.find_graded_cell("a", "k", "k"), "No such graded cell: k/k/a"),
])
def test_what_is_not_there_is_nbgraders_missing_entry(call, message):
    with pytest.raises(MissingEntry, match=message):
        call(GradebookView(_snap()))


def test_a_grade_cell_comes_before_a_task_cell_of_its_name():
    with GradebookView(_snap()) as view:
        assert view.find_graded_cell("t", "k", "k").max_score == 2.0
        assert view.find_graded_cell("task", "k", "k").max_score == 3.0
        assert view.find_source_cell("a", "k", "k").source == "1"
        assert view.find_notebook("k", "k").name == "k"


def test_kernelspec_is_read_from_its_json_or_none():
    spec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    assert kernelspec(_snap(json.dumps(spec)), "k") == spec
    assert kernelspec(_snap(None), "k") is None
    assert kernelspec(_snap(""), "k") is None


def test_positions_of_an_unreadable_master_are_empty(tmp_path):
    broken = tmp_path / "m.ipynb"
    broken.write_text("{not json")
    assert ck_course._positions(broken) == {}
    assert ck_course._positions(tmp_path / "missing.ipynb") == {}
    assert ck_course._positions(Path(__file__)) == {}


def test_a_folder_is_a_course_by_its_config_or_its_gradebook(tmp_path):
    assert not open_course(tmp_path).is_course()
    (tmp_path / "gradebook.db").write_bytes(b"")
    assert open_course(tmp_path).is_course()
    (tmp_path / "gradebook.db").unlink()
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.db_url = 'postgresql://db/grades'\n")
    assert open_course(tmp_path).is_course()
    assert not list(tmp_path.glob("*.db"))
