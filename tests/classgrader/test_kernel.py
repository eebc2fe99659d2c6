"""The kernel stand-in: performs only the known quiz statements, never anything else, and fills
outputs and execution counts the way nbclient does."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from coursekit.classgrader import kernel


def _run(tmp_path, *sources):
    nb = new_notebook(cells=[new_markdown_cell("# title"),
                             *(new_code_cell(s) for s in sources)])
    run = kernel.execute(nb, str(tmp_path))
    return nb, run


def test_literals_and_counts_as_nbclient(tmp_path):
    nb, run = _run(tmp_path, 'NIM = "123"\nBAHASA = "en"', "", "'shown'", "jawaban = ['a', 'b']")
    cells = nb.cells[1:]
    assert [c.execution_count for c in cells] == [1, None, 2, 3]
    assert run.ns == {"NIM": "123", "BAHASA": "en", "jawaban": ["a", "b"]}
    assert cells[2].outputs[0]["output_type"] == "execute_result"
    assert cells[2].outputs[0]["data"]["text/plain"] == "'shown'"
    assert run.history[-1] == "jawaban = ['a', 'b']" and not run.unknown
    nbformat.validate(nb)


def test_unknown_code_is_never_run(tmp_path):
    marker = tmp_path / "PWNED"
    nb, run = _run(tmp_path, f'import os\nos.system("touch {marker}")',
                   f'open("{marker}", "w")', f'jawaban = __import__("os").system("touch {marker}")',
                   "while True:\n    pass", "x = 1 + 1")
    assert not marker.exists()
    assert run.unknown == [1, 2, 3, 4, 5]
    for cell in nb.cells[1:]:
        assert cell.outputs[-1]["output_type"] == "error"
        assert cell.outputs[-1]["ename"] == kernel.UNKNOWN


def test_errors_as_the_kernel_reports_them(tmp_path):
    nb, run = _run(tmp_path, 'jawaban = "b', "undefined_name.tampilkan('q01')")
    assert nb.cells[1].outputs[0]["ename"] == "SyntaxError"
    assert nb.cells[2].outputs[0]["ename"] == "NameError"
    assert run.history == ['jawaban = "b', "undefined_name.tampilkan('q01')"]


def test_cwd_is_restored(tmp_path):
    import os

    here = os.getcwd()
    _run(tmp_path, "x = 1")
    assert os.getcwd() == here



def test_quizzes_released_before_the_rename_still_run(tmp_path):
    """Cells that import from coursekit.graded (the old name of coursekit.gradedquiz) are known
    statements (tests/test_renamed.py: they import in a real kernel too)."""
    _nb, run = _run(tmp_path, "from coursekit.graded.quiz import kuis\n\nkuis = kuis()",
                   "from coursekit.graded.hidden import nilai")
    assert not run.unknown
    assert run.ns["nilai"] == ("import", "coursekit.gradedquiz.hidden", "nilai")
