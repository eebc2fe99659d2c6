"""Grade one student's submission without a kernel: nbgrader's sanitizing preprocessors (the
ones the course configures, with the gradebook look-ups answered from a snapshot), the kernel
stand-in (kernel.py), nbgrader's output limits and metadata check, nbgrader's determine_grade;
the autograded notebook is written where nbgrader writes it. Returns plain data for the one
gradebook writer (gradebook.py). Runs in worker processes; never touches the database."""

from __future__ import annotations

import contextlib
import functools
import glob
import logging
import os
import shutil
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic
from .course import Course, GradebookView, Snapshot, kernelspec
from .stock import read_timestamp, regular, safe_files

LOG = logging.getLogger("coursekit.classgrader")


@dataclass
class Outcome:
    student: str
    timestamp: str | None = None
    state: str = "ok"  # ok | failed
    error: str = ""
    notebooks: dict = field(default_factory=dict)  # name -> {"grades": {}, "comments": {}}
    missing: list[str] = field(default_factory=list)  # notebooks not submitted
    flags: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)  # table.Response rows
    not_run: int = 0


_STATE: dict = {}


def init(course: Course, snap: Snapshot, assignment: str, lang: str = "en") -> None:
    """Per process: the course, the snapshot and the configured preprocessors."""
    _STATE.update(course=course, snap=snap, assignment=assignment, lang=lang,
                  view=GradebookView(snap), pre=_preprocessors(course, snap))
    _master_files.cache_clear()  # listed again for each run (the master may have changed)


def serve(conn, close_fds=()) -> None:
    """A worker process (forked by engine.py): grade the students it is sent, one at a time,
    answering ("start", student) then the Outcome; exit when the parent closes the pipe or dies.
    It never keeps the course lock (close_fds) and leaves Ctrl-C to the parent."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in close_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    _die_with_parent()
    while True:
        try:
            student = conn.recv()
        except (EOFError, OSError):
            return
        if student is None:
            return
        try:
            conn.send(grade(student))
        except (BrokenPipeError, OSError):
            return


def _die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the worker exits at its next recv
        pass


def failed(who: str, key: str, **fields) -> Outcome:
    """The Outcome of a student whose grading could not finish (e.g. the worker died)."""
    from ..strings import say

    course, assignment = _STATE["course"], _STATE["assignment"]
    _remove(course.autograded(who, assignment))
    stamp, _ = _timestamp(course.submitted(who, assignment))
    return Outcome(who, state="failed", timestamp=stamp,
                   error=say("classgrader.submission." + key, _STATE.get("lang", "en"), **fields))


def _preprocessors(course: Course, snap: Snapshot):
    from .nbgrader_compat import preprocessors

    return preprocessors(course, GradebookView(snap), lambda notebook: kernelspec(snap, notebook))


def grade(student: str) -> Outcome:
    try:
        return _grade(student)
    except Exception as err:  # the batch always finishes; the student is reported
        LOG.debug("grading %s failed", student, exc_info=True)
        course, assignment = _STATE["course"], _STATE["assignment"]
        _remove(course.autograded(student, assignment))
        return Outcome(student, state="failed", error=_echo(f"{type(err).__name__}: {err}", 200),
                       timestamp=_timestamp(course.submitted(student, assignment))[0])


def _grade(student: str) -> Outcome:
    from nbgrader import utils

    course, snap, assignment = _STATE["course"], _STATE["snap"], _STATE["assignment"]
    pre = _STATE["pre"]
    src = course.submitted(student, assignment)
    dest = course.autograded(student, assignment)
    stamp = _timestamp(src)
    out = Outcome(student, timestamp=stamp[0])
    main = src / f"{assignment}.ipynb"
    first = _read_once(main)  # read once for the lecturer's flags and for grading
    out.flags = _inspect(course, assignment, student, first, stamp)

    found = sorted(glob.glob(os.path.join(glob.escape(str(src)), course.coursedir.notebook_id
                                          + ".ipynb")))
    notebooks = [p for p in found if Path(p).stem in snap.notebooks and regular(p)]
    _remove(dest)
    if not notebooks or os.path.islink(src):
        from ..strings import say

        out.state = "failed"
        out.error = say("classgrader.submission.no_notebooks", _STATE.get("lang", "en"))
        return out
    dest.mkdir(parents=True)  # _remove(dest) above: made here, once
    _copy_files(course, assignment, src, dest, pre["exclude"].get(assignment, []))
    out.missing = [name for name in snap.notebooks
                   if not (src / f"{name}.ipynb").exists()]  # as stock: a link is "submitted"

    for path in notebooks:
        name = Path(path).stem
        resources = {"unique_key": name, "output_files_dir": f"{name}_files",
                     "nbgrader": {"student": student, "assignment": assignment, "notebook": name,
                                  "db_url": course.db_url},
                     "coursekit_gradebook": _STATE["view"]}
        nb = first if first is not None and path == str(main) else _read(path)
        for p in pre["sanitize"]:
            nb, resources = p(nb, resources)
        # stock writes the sanitized notebook and reads it back: cells nbgrader added as plain
        # dicts become notebook nodes (its validation there only logs)
        nb = _nodes(nb)
        from .kernel import execute

        run = execute(nb, str(dest))
        out.not_run += len(run.unknown)
        for p in pre["autograde"]:
            nb, resources = p(nb, resources)
        grades, comments = {}, {}
        for cell in nb.cells:
            if utils.is_grade(cell):
                grades[cell.metadata.nbgrader["grade_id"]] = utils.determine_grade(cell, LOG)[0]
            if utils.is_solution(cell) or utils.is_task(cell):
                same = cell.metadata.nbgrader.get("checksum") == utils.compute_checksum(cell)
                comments[cell.metadata.nbgrader["grade_id"]] = (
                    "No response." if same and not utils.is_task(cell) else None)
        out.notebooks[name] = {"grades": grades, "comments": comments}
        if name == assignment:
            out.responses = _responses(course, assignment, student, nb)
        atomic.write_text(dest / f"{name}.ipynb", _json(nb), sync=False)  # engine syncs
    if out.not_run:
        from ..strings import say

        out.flags.append(say("classgrader.submission.not_run", _STATE.get("lang", "en"), n=out.not_run))
    _permissions(course, dest)
    return out


def _read(path: str):
    """nbformat.read(path, as_version=4) without its schema validation, which only logs (and
    renumbers duplicated cell ids, which grading never looks at)."""
    from .batch import read_notebook

    return read_notebook(Path(path))


def _nodes(nb):
    """nbformat.from_dict(nb) for a notebook that is all notebook nodes but for a rare plain
    dict: those (and what they hold) are converted; the rest is only looked at, in place."""
    from nbformat import NotebookNode, from_dict

    if not isinstance(nb, NotebookNode):
        return from_dict(nb)
    todo = [nb]
    while todo:
        node = todo.pop()
        is_list = isinstance(node, list)
        for k, v in (enumerate(node) if is_list else node.items()):
            if isinstance(v, (NotebookNode, list)):
                todo.append(v)
            elif isinstance(v, dict):
                (list.__setitem__ if is_list else dict.__setitem__)(node, k, from_dict(v))
    return nb


def _json(nb) -> str:
    """The notebook as nbformat writes it (lines split, transient fields dropped, keys sorted),
    on one line: without indentation Python's json uses its C encoder (8x faster here); nbformat
    and nbgrader read any JSON layout. No defensive deep copy (nb is not used again)."""
    import json

    from nbformat.v4.nbjson import BytesEncoder, split_lines, strip_transient

    return json.dumps(strip_transient(split_lines(nb)), cls=BytesEncoder, sort_keys=True,
                      ensure_ascii=False)


def _read_once(path: Path):
    """The submitted notebook when it is a readable plain file, else None (then each reader
    reads it again and reports its own error)."""
    if not regular(path):
        return None
    try:
        return _read(str(path))
    except Exception:
        return None


def _inspect(course: Course, assignment: str, student: str, nb=None, stamp=None) -> list[str]:
    from .batch import inspect_submission

    lang = _STATE.get("lang", "en")
    try:
        return inspect_submission(course.root, assignment, student, lang, nb, stamp)
    except Exception as err:  # the flags are advice; never fail grading over them
        from ..strings import say

        return [say("classgrader.submission.could_not_inspect", lang, error=type(err).__name__)]


def _responses(course: Course, assignment: str, student: str, nb) -> list:
    from .responses import from_notebook

    try:
        return from_notebook(course.source(assignment), assignment, student, nb)
    except Exception:
        LOG.debug("responses of %s", student, exc_info=True)
        return []


def _timestamp(src: Path) -> tuple[str | None, bool]:
    """(timestamp text or None, whether it is bad); never raises (stock.read_timestamp)."""
    return read_timestamp(src)


def _echo(text: str, limit: int) -> str:
    from ..gradedquiz.answers import echo

    return echo(text, limit)


def _copy_files(course: Course, assignment: str, src: Path, dest: Path, exclude: list[str]):
    """As nbgrader: the student's other files, then the master's (except exclude_overwriting)."""
    from nbgrader.utils import find_all_files

    ignore = list(course.coursedir.ignore)
    made = {dest}
    for filename in safe_files(find_all_files(str(src), [*ignore, "*.ipynb"])):
        _copy(filename, dest / os.path.relpath(filename, src), made)
    source = course.source(assignment)
    skip = {os.path.join(str(source), x) for x in exclude}
    for filename in _master_files(str(source), tuple(ignore)):
        if filename not in skip:
            _copy(filename, dest / os.path.relpath(filename, source), made)


@functools.lru_cache(maxsize=8)
def _master_files(source: str, ignore: tuple) -> tuple:
    """The master's other files, listed once per process (the same for every student)."""
    from nbgrader.utils import find_all_files

    return tuple(safe_files(find_all_files(source, [*ignore, "*.ipynb"])))


def _copy(filename: str, dest: Path, made: set) -> None:
    """Copy the file's contents (its mode is _permissions' to set); made: the folders made."""
    if dest.parent not in made:
        dest.parent.mkdir(parents=True, exist_ok=True)
        made.add(dest.parent)
    if dest.exists():
        dest.chmod(0o644)
        dest.unlink()
    shutil.copyfile(filename, dest)


def _permissions(course: Course, dest: Path) -> None:
    perms = 0o664 if course.coursedir.groupshared else 0o444
    for dirname, _, files in os.walk(dest):
        for f in files:
            os.chmod(os.path.join(dirname, f), perms)


def _remove(path: Path) -> None:
    """Remove an autograded folder (its files are read-only, which does not stop unlinking them
    here; a folder made read-only is made writable first, as nbgrader's rmtree does)."""
    if not path.exists():
        return
    try:
        shutil.rmtree(path)
    except PermissionError:
        for dirname, _, files in os.walk(path):
            os.chmod(dirname, 0o755)
            for f in files:
                os.chmod(os.path.join(dirname, f), 0o644)
        shutil.rmtree(path)


def describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()
