"""Grade one student's submission without a kernel: nbgrader's sanitizing preprocessors (the
ones the course configures, with the gradebook look-ups answered from a snapshot), the kernel
stand-in (kernel.py), nbgrader's output limits and metadata check, nbgrader's determine_grade;
the autograded notebook is written where nbgrader writes it. Returns plain data for the one
gradebook writer (gradebook.py). Runs in worker processes; never touches the database."""

from __future__ import annotations

import contextlib
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

LOG = logging.getLogger("coursekit.grading")

# nbgrader 0.9.6 defaults of Autograde.sanitize_preprocessors / autograde_preprocessors (names)
REPLACED = {"Execute", "SaveAutoGrades", "AssignLatePenalties"}


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
                   error=say("grading.submission." + key, _STATE.get("lang", "en"), **fields))


def _preprocessors(course: Course, snap: Snapshot):
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import CheckCellMetadata, OverwriteCells, OverwriteKernelspec

    view = GradebookView(snap)

    class ViewOverwriteCells(OverwriteCells):
        def preprocess(self, nb, resources):
            self.notebook_id = resources["nbgrader"]["notebook"]
            self.assignment_id = resources["nbgrader"]["assignment"]
            self.db_url = resources["nbgrader"]["db_url"]
            self.gradebook = view
            nb, resources = super(OverwriteCells, self).preprocess(nb, resources)
            if self.add_missing_cells:
                nb, resources = self.add_missing_grade_cells(nb, resources)
                nb, resources = self.add_missing_task_cells(nb, resources)
            return nb, resources

    class ViewOverwriteKernelspec(OverwriteKernelspec):
        def preprocess(self, nb, resources):
            spec = kernelspec(snap, resources["nbgrader"]["notebook"])
            if spec:
                nb.metadata["kernelspec"] = spec
            return nb, resources

    swap = {OverwriteCells: ViewOverwriteCells, OverwriteKernelspec: ViewOverwriteKernelspec,
            CheckCellMetadata: _check_metadata_class()}
    conf = Autograde(config=course.config)

    def build(classes):
        out = []
        for cls in classes:
            if isinstance(cls, str):
                mod, _, name = cls.rpartition(".")
                cls = getattr(__import__(mod, fromlist=[name]), name)
            cls = swap.get(cls, cls)
            out.append(cls(config=course.config))
        return out

    return {"sanitize": build(conf.sanitize_preprocessors),
            "autograde": [p for p in build(conf.autograde_preprocessors)
                          if type(p).__name__ not in REPLACED],
            "exclude": dict(conf.exclude_overwriting),
            "execute": [p for p in build(conf.autograde_preprocessors)
                        if type(p).__name__ == "Execute"]}


def _check_metadata_class():
    """nbgrader's CheckCellMetadata, remembering which (cell type, nbgrader metadata) it has
    already found valid in this process: nbgrader's validator re-checks its JSON Schema for every
    cell (0.4 s a notebook), and most cells carry the master's metadata, the same for every
    student. Any other cell goes through nbgrader's own checks, which raise the same errors."""
    from nbgrader.nbgraderformat import MetadataValidator
    from nbgrader.preprocessors import CheckCellMetadata

    class Validator(MetadataValidator):
        def __init__(self):
            super().__init__()
            self.valid = set()

        def validate_cell(self, cell):
            if "nbgrader" not in cell.metadata:
                return
            key = (cell.cell_type, _frozen(cell.metadata["nbgrader"]))
            if key not in self.valid:
                super().validate_cell(cell)
                self.valid.add(key)

    validator = Validator()  # nbgrader makes one per notebook (reading three schema files)

    class OnceCheckCellMetadata(CheckCellMetadata):
        def preprocess(self, nb, resources):
            import traceback

            from nbgrader.nbgraderformat import ValidationError

            try:
                validator.validate_nb(nb)
            except ValidationError:
                self.log.error(traceback.format_exc())
                msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
                self.log.error(msg)
                raise ValidationError(msg) from None
            return nb, resources

    return OnceCheckCellMetadata


def _frozen(meta) -> tuple:
    """A hashable copy of nbgrader metadata (flat: strings, numbers, booleans)."""
    import json

    return tuple(sorted((k, v if isinstance(v, (str, int, float, bool, type(None)))
                         else json.dumps(v, sort_keys=True, default=repr))
                        for k, v in meta.items()))


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
    import nbformat
    from nbgrader import utils

    course, snap, assignment = _STATE["course"], _STATE["snap"], _STATE["assignment"]
    pre = _STATE["pre"]
    src = course.submitted(student, assignment)
    dest = course.autograded(student, assignment)
    out = Outcome(student, timestamp=_timestamp(src)[0])
    out.flags = _inspect(course, assignment, student)

    found = sorted(glob.glob(os.path.join(glob.escape(str(src)), course.coursedir.notebook_id
                                          + ".ipynb")))
    notebooks = [p for p in found if Path(p).stem in snap.notebooks and regular(p)]
    _remove(dest)
    if not notebooks or os.path.islink(src):
        from ..strings import say

        out.state = "failed"
        out.error = say("grading.submission.no_notebooks", _STATE.get("lang", "en"))
        return out
    _copy_files(course, assignment, src, dest, pre["exclude"].get(assignment, []))
    out.missing = [name for name in snap.notebooks
                   if not (src / f"{name}.ipynb").exists()]  # as stock: a link is "submitted"

    for path in notebooks:
        name = Path(path).stem
        resources = {"unique_key": name, "output_files_dir": f"{name}_files",
                     "nbgrader": {"student": student, "assignment": assignment, "notebook": name,
                                  "db_url": course.db_url},
                     "coursekit_gradebook": _STATE["view"]}
        nb = _read(path)
        for p in pre["sanitize"]:
            nb, resources = p(nb, resources)
        # stock writes the sanitized notebook and reads it back: cells nbgrader added as plain
        # dicts become notebook nodes (its validation there only logs)
        nb = nbformat.from_dict(nb)
        from .kernel import execute

        dest.mkdir(parents=True, exist_ok=True)
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
        atomic.write_text(dest / f"{name}.ipynb", _json(nb))
    if out.not_run:
        from ..strings import say

        out.flags.append(say("grading.submission.not_run", _STATE.get("lang", "en"), n=out.not_run))
    _permissions(course, dest)
    return out


def _read(path: str):
    """nbformat.read(path, as_version=4) without its schema validation, which only logs (and
    renumbers duplicated cell ids, which grading never looks at)."""
    from .batch import read_notebook

    return read_notebook(Path(path))


def _json(nb) -> str:
    """nbformat.v4.writes_json(nb), without its defensive deep copy (nb is not used again)."""
    import json

    from nbformat.v4.nbjson import BytesEncoder, split_lines, strip_transient

    return json.dumps(strip_transient(split_lines(nb)), cls=BytesEncoder, indent=1,
                      sort_keys=True, separators=(",", ": "), ensure_ascii=False)


def _inspect(course: Course, assignment: str, student: str) -> list[str]:
    from .batch import inspect_submission

    lang = _STATE.get("lang", "en")
    try:
        return inspect_submission(course.root, assignment, student, lang)
    except Exception as err:  # the flags are advice; never fail grading over them
        from ..strings import say

        return [say("grading.submission.could_not_inspect", lang, error=type(err).__name__)]


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
    from ..graded.answers import echo

    return echo(text, limit)


def _copy_files(course: Course, assignment: str, src: Path, dest: Path, exclude: list[str]):
    """As nbgrader: the student's other files, then the master's (except exclude_overwriting)."""
    from nbgrader.utils import find_all_files

    ignore = list(course.coursedir.ignore)
    for filename in safe_files(find_all_files(str(src), [*ignore, "*.ipynb"])):
        _copy(filename, dest / os.path.relpath(filename, src))
    source = course.source(assignment)
    skip = {os.path.join(str(source), x) for x in exclude}
    for filename in safe_files(find_all_files(str(source), [*ignore, "*.ipynb"])):
        if filename not in skip:
            _copy(filename, dest / os.path.relpath(filename, source))


def _copy(filename: str, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        dest.chmod(0o644)
        dest.unlink()
    shutil.copy(filename, dest)


def _permissions(course: Course, dest: Path) -> None:
    perms = 0o664 if course.coursedir.groupshared else 0o444
    for dirname, _, files in os.walk(dest):
        for f in files:
            os.chmod(os.path.join(dirname, f), perms)


def _remove(path: Path) -> None:
    if path.exists():
        for dirname, _, files in os.walk(path):
            os.chmod(dirname, 0o755)
            for f in files:
                os.chmod(os.path.join(dirname, f), 0o644)
        shutil.rmtree(path)


def describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()
