"""Stand-in for the kernel during autograding: "runs" a sanitized quiz notebook without executing
any student code.

After nbgrader's sanitizing pass and coursekit's GuardSubmission, a quiz notebook holds only
cells whose code is known: the setup cell (`kuis = kuis()`), the identity and answer cells
(assignments of literals), render cells (`kuis.tampilkan("q01")`) and test cells
(`kuis.periksa("q01")` plus the hidden `nilai("q01")`, which reads the keys file). This module reads each
code cell's syntax tree and performs only those known statements, calling the same graded-quiz
functions the kernel would call, with what they would read from IPython (the answer source
In[-2], the namespace's NIM and BAHASA) passed as arguments; literals are read with
ast.literal_eval. It fills in outputs and execution counts as nbclient would, so nbgrader's own
determine_grade scores the cells. A statement of any other shape is not run: the cell gets an
error output saying so (and scores 0 if it is a test cell), and the caller reports it.
"""

from __future__ import annotations

import ast
import builtins
import functools
import io
import os
import sys
from dataclasses import dataclass, field

from ..gradedquiz import runtime
from ..gradedquiz.protocol import HIDDEN_MODULE, QUIZ_MODULE, module

UNKNOWN = "CoursekitNotRun"


@dataclass
class Run:
    ns: dict = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # raw sources of executed cells (In)
    count: int = 0
    unknown: list[int] = field(default_factory=list)  # indices of cells not run


def execute(nb, folder: str) -> Run:
    """Fill outputs/execution_count of every code cell of nb (an nbformat NotebookNode)."""
    run = Run()
    old_cwd = os.getcwd()
    os.chdir(folder)  # the helpers find questions.json and the student id there, as in nbgrader
    try:
        with runtime.pinned():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                source = cell.source
                cell.outputs = []
                if not source.strip():  # nbclient skips empty cells
                    cell.execution_count = None
                    continue
                run.count += 1
                run.history.append(source)
                cell.execution_count = run.count
                _run_cell(cell, source, run, index)
    finally:
        os.chdir(old_cwd)
    return run


@functools.lru_cache(maxsize=1024)
def _parsed(source: str):
    """(syntax tree, None) or (None, syntax error message) of a cell's source. Most cells are the
    master's (the same for every student), so each is parsed once per process, and the literal
    arguments of its calls are evaluated once (the graded helpers only read them)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        return None, str(err)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            node.literal_args = _literal_args(node.args)
    return tree, None


def _literal_args(nodes) -> list | None:
    try:
        return [ast.literal_eval(a) for a in nodes]
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _run_cell(cell, source: str, run: Run, index: int) -> None:
    tree, problem = _parsed(source)
    if tree is None:
        _error(cell, "SyntaxError", problem)
        return
    streams: list[list[str]] = []
    body = tree.body
    for n, stmt in enumerate(body):
        last = n == len(body) - 1
        try:
            value, shown = _statement(stmt, run, streams)
        except NameError as err:
            _flush(cell, streams)
            _error(cell, "NameError", str(err))
            return
        except _NotRun as err:
            _flush(cell, streams)
            run.unknown.append(index)
            _error(cell, UNKNOWN, str(err))
            return
        if last and shown:
            _flush(cell, streams)
            cell.outputs.append(_result(value, run.count))
    _flush(cell, streams)


class _NotRun(Exception):
    pass


def _statement(stmt, run: Run, streams) -> tuple[object, bool]:
    """Perform one known statement; (value, whether IPython would display it)."""
    if isinstance(stmt, ast.ImportFrom) and module(stmt.module or "") in (QUIZ_MODULE, HIDDEN_MODULE):
        for alias in stmt.names:
            run.ns[alias.asname or alias.name] = ("import", module(stmt.module), alias.name)
        return None, False
    if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if not all(isinstance(t, ast.Name) for t in targets):
            raise _NotRun("assignment to something other than a name")
        value = _value(stmt.value, run, streams)
        for t in targets:
            run.ns[t.id] = value
        return None, False
    if isinstance(stmt, ast.Expr):
        if isinstance(stmt.value, ast.Constant):
            return stmt.value.value, stmt.value.value is not None
        value = _value(stmt.value, run, streams)
        return value, value is not None
    if isinstance(stmt, ast.Pass):
        return None, False
    raise _NotRun(f"statement {type(stmt).__name__} is not a known quiz statement")


def _value(node, run: Run, streams):
    if isinstance(node, ast.Call):
        return _call(node, run, streams)
    try:
        return ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        raise _NotRun("expression is not a literal") from None


def _lookup(name: str, run: Run):
    if name not in run.ns:
        if hasattr(builtins, name):  # a real kernel would run it: never here
            raise _NotRun(f"call of {name}")
        raise NameError(f"name '{name}' is not defined")
    return run.ns[name]


def _call(node: ast.Call, run: Run, streams):
    args = getattr(node, "literal_args", None)
    if args is None or node.keywords:
        raise _NotRun("call with arguments that are not literals")
    func = node.func
    if isinstance(func, ast.Name):
        target = _lookup(func.id, run)
        if target == ("import", QUIZ_MODULE, "kuis"):
            from ..gradedquiz.quiz import kuis

            return _captured(streams, kuis, *args)
        if target == ("import", HIDDEN_MODULE, "nilai"):
            from ..gradedquiz.hidden import nilai

            qid, keys = args[0], (args[1] if len(args) > 1 else None)  # None: the keys file
            return _captured(streams, nilai, qid, keys, _previous(run), run.ns)
        raise _NotRun(f"call of {func.id}")
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        obj = _lookup(func.value.id, run)
        from ..gradedquiz.quiz import Kuis

        if isinstance(obj, Kuis) and func.attr in ("tampilkan", "show"):
            # tampilkan(qid, nim, lang) reads them from the kernel namespace when not given
            known = (runtime.declared_nim(run.ns), runtime.language(run.ns))
            return _captured(streams, obj.tampilkan, *args, *known[len(args) - 1:])
        if isinstance(obj, Kuis) and func.attr in ("periksa", "check"):
            return _captured(streams, obj.periksa, args[0], _previous(run), run.ns)
    raise _NotRun("call of an unknown function")


def _previous(run: Run) -> str | None:
    """In[-2]: the raw source of the cell executed before the current one."""
    return run.history[-2] if len(run.history) >= 2 else None


def _captured(streams, fn, *args):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err  # contextlib's redirect_stdout/stderr, without their cost
    try:
        value = fn(*args)
    finally:
        sys.stdout, sys.stderr = saved
    # a function prints to one stream or the other here; keep the kernel's order
    for name, buf in (("stderr", err), ("stdout", out)):
        if buf.getvalue():
            if streams and streams[-1][0] == name:
                streams[-1][1] += buf.getvalue()
            else:
                streams.append([name, buf.getvalue()])
    return value


def _output(**fields):
    """An output as nbformat.v4.new_output makes it, without validating each one (the checked
    shapes below are the schema's)."""
    from nbformat import NotebookNode

    return NotebookNode(fields)


def _flush(cell, streams) -> None:
    for name, text in streams:
        if cell.outputs and cell.outputs[-1].get("output_type") == "stream" \
                and cell.outputs[-1].get("name") == name:
            cell.outputs[-1]["text"] += text
        else:
            cell.outputs.append(_output(output_type="stream", name=name, text=text))
    streams.clear()


def _result(value, count: int):
    from nbformat import NotebookNode

    data = {"text/plain": repr(value)}
    html = getattr(value, "_repr_html_", None)
    if callable(html):
        data["text/html"] = html()
    return _output(output_type="execute_result", metadata=NotebookNode(),
                   data=NotebookNode(data), execution_count=count)


def _error(cell, ename: str, evalue: str) -> None:
    cell.outputs.append(_output(output_type="error", ename=ename, evalue=evalue,
                                traceback=[f"{ename}: {evalue}"]))
