"""Running a notebook: every error output and every stderr stream is a problem naming its cell;
the kernel runs in the work folder with its own progress file. (Every lesson runs clean:
tests/lessons/test_execute.py.)"""

from __future__ import annotations

import os

import nbformat
import pytest
from nbformat import v4

from coursekit.lessons.run import execute, problems


def notebook(*cells):
    nb = v4.new_notebook()
    nb.cells = list(cells)
    return nb


def code(source: str, *outputs):
    cell = v4.new_code_cell(source)
    cell.outputs = list(outputs)
    return cell


def test_errors_and_stderr_are_problems_naming_their_cell():
    nb = notebook(
        v4.new_markdown_cell("# Title"),
        code("print('ok')", v4.new_output("stream", name="stdout", text="ok\n")),
        code("1/0", v4.new_output("error", ename="ZeroDivisionError", evalue="division by zero",
                                  traceback=[])),
        code("warnings.warn('careful')",
             v4.new_output("stream", name="stderr", text="  UserWarning: careful\n\n")),
        code("ck.case('dsni')", v4.new_output("display_data", data={"text/plain": "DSNI"})),
    )
    assert problems(nb) == [
        "cell 2 ('1/0'): ZeroDivisionError: division by zero",
        "cell 3 (\"warnings.warn('careful')\"): stderr: UserWarning: careful",
    ]


def test_long_sources_and_streams_are_cut_short():
    source = "x = 1  # " + "a" * 100
    nb = notebook(code(source, v4.new_output("stream", name="stderr", text="e" * 1000)))
    (line,) = problems(nb)
    assert line == f"cell 0 ({source[:40]!r}): stderr: {'e' * 300}"


def test_a_clean_notebook_has_no_problem():
    assert problems(notebook(v4.new_markdown_cell("text"), code("1", v4.new_output(
        "execute_result", data={"text/plain": "1"}, execution_count=1)))) == []


@pytest.mark.slow
def test_execute_runs_every_cell_in_the_work_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSEKIT_PROGRESS", "before.json")
    path = tmp_path / "lesson.ipynb"
    nbformat.write(notebook(
        code("import os; print(os.getcwd()); print(os.environ['COURSEKIT_PROGRESS'])"),
        code("import sys; sys.stderr.write('oops')"),
        code("raise ValueError('bad value')"),
        code("print('still runs')"),
    ), path)
    work = tmp_path / "work"
    work.mkdir()
    nb, seconds, found = execute(path, workdir=work, timeout=60)
    assert seconds > 0
    assert nb.cells[0].outputs[0].text.split() == [str(work), str(work / "coursekit-progress.json")]
    assert found == ["cell 1 (\"import sys; sys.stderr.write('oops')\"): stderr: oops",
                     "cell 2 (\"raise ValueError('bad value')\"): ValueError: bad value"]
    assert nb.cells[3].outputs[0].text == "still runs\n"
    assert os.environ["COURSEKIT_PROGRESS"] == "before.json"
    assert nbformat.read(path, as_version=4).cells[0].outputs == []  # the file itself is untouched
