"""The equivalence test: the same class (every hostile case of the graded quizzes issue plus
realistic submissions, >= 50 in all) graded by stock `nbgrader autograde` and by `coursekit grade`
gives identical gradebooks: every grade cell's score and needs-manual-grade flag, every comment,
every total; the same students get autograded notebooks, with the same scored outputs."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.support import classroom

from .conftest import QUIZ, grade_cli

pytestmark = pytest.mark.slow
N = 52


@pytest.fixture(scope="module")
def both(base_course, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("equivalence")
    stock = tmp / "stock"
    shutil.copytree(base_course, stock)
    handed = classroom.hand_in(stock, QUIZ, N, seed=11)
    ours = tmp / "coursekit"
    classroom.copy_course(stock, ours)
    proc = classroom.run_nbgrader(stock, "autograde", QUIZ, check=False, exchange=tmp / "ex")
    mine = grade_cli(ours)
    from coursekit.classgrader import nbgrader_compat

    nbgrader_compat.load()
    return {"stock": stock, "ours": ours, "handed": handed, "stock_proc": proc, "ours_proc": mine,
            "theirs": classroom.cell_scores(stock, QUIZ), "mine": classroom.cell_scores(ours, QUIZ)}


def test_the_class_holds_every_hostile_case(both):
    kinds = [h.kind for h in both["handed"]]
    assert len(kinds) >= 50 and set(classroom.HOSTILE) <= set(kinds)


def test_identical_per_cell_scores(both):
    theirs, mine = both["theirs"], both["mine"]
    assert {k[0] for k in theirs} == {h.student for h in both["handed"]}
    assert len(theirs) >= 50 * 36
    assert classroom.differences(theirs, mine) == []


def test_the_same_students_fail_in_both(both):
    stock_failed = {line.split("for student '")[1].split("'")[0]
                    for line in (both["stock_proc"].stdout + both["stock_proc"].stderr).splitlines()
                    if "There was an error processing assignment 'kuis-1' for student" in line}
    ours_failed = {ln.split()[0] for ln in both["ours_proc"].stdout.splitlines()
                   if " FAILED " in ln}
    assert ours_failed == stock_failed
    for h in both["handed"]:
        assert (both["stock"] / "autograded" / h.student / QUIZ).exists() == \
            (both["ours"] / "autograded" / h.student / QUIZ).exists(), h.kind


def test_autograded_test_cells_carry_the_same_results(both):
    """The outputs nbgrader scores (stream names, errors, the points value) match cell by cell."""
    for h in both["handed"]:
        a = both["stock"] / "autograded" / h.student / QUIZ / f"{QUIZ}.ipynb"
        if not a.exists():
            continue
        b = both["ours"] / "autograded" / h.student / QUIZ / f"{QUIZ}.ipynb"
        assert _scored(a) == _scored(b), h.kind


def _scored(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for cell in nb["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("grade") and cell["cell_type"] == "code":
            kinds = sorted({(o["output_type"], o.get("name", "")) for o in cell["outputs"]})
            value = [o["data"]["text/plain"] for o in cell["outputs"]
                     if o["output_type"] == "execute_result"]
            out[meta["grade_id"]] = (kinds, value)
    return out
