"""Grade one student's submission without a kernel: nbgrader's sanitizing preprocessors (the
ones the course configures, with the gradebook look-ups answered from a snapshot), the kernel
stand-in (kernel.py), nbgrader's output limits and metadata check, nbgrader's determine_grade;
the autograded notebook is written where nbgrader writes it. Returns plain data for the one
gradebook writer (gradebook.py). Runs in worker processes; never touches the database."""

from __future__ import annotations

import glob
import logging
import os
import shutil
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, GradebookView, Snapshot, kernelspec

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


def init(course: Course, snap: Snapshot, assignment: str) -> None:
    """Per process: the course, the snapshot and the configured preprocessors."""
    _STATE.update(course=course, snap=snap, assignment=assignment,
                  view=GradebookView(snap), pre=_preprocessors(course, snap))


def _preprocessors(course: Course, snap: Snapshot):
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import OverwriteCells, OverwriteKernelspec

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

    swap = {OverwriteCells: ViewOverwriteCells, OverwriteKernelspec: ViewOverwriteKernelspec}
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


def grade(student: str) -> Outcome:
    try:
        return _grade(student)
    except Exception as err:  # the batch always finishes; the student is reported
        LOG.debug("grading %s failed", student, exc_info=True)
        course, assignment = _STATE["course"], _STATE["assignment"]
        _remove(course.autograded(student, assignment))
        return Outcome(student, state="failed", error=f"{type(err).__name__}: {err}",
                       timestamp=_timestamp(course.submitted(student, assignment)))


def _grade(student: str) -> Outcome:
    import nbformat
    from nbgrader import utils

    course, snap, assignment = _STATE["course"], _STATE["snap"], _STATE["assignment"]
    pre = _STATE["pre"]
    src = course.submitted(student, assignment)
    dest = course.autograded(student, assignment)
    out = Outcome(student, timestamp=_timestamp(src))
    out.flags = _inspect(course, assignment, student)

    found = sorted(glob.glob(os.path.join(glob.escape(str(src)), course.coursedir.notebook_id
                                          + ".ipynb")))
    notebooks = [p for p in found if Path(p).stem in snap.notebooks]
    _remove(dest)
    if not notebooks:
        out.state, out.error = "failed", "no notebooks found (renamed or missing)"
        return out
    _copy_files(course, assignment, src, dest, pre["exclude"].get(assignment, []))
    out.missing = [name for name in snap.notebooks
                   if not (src / f"{name}.ipynb").exists()]

    for path in notebooks:
        name = Path(path).stem
        resources = {"unique_key": name, "output_files_dir": f"{name}_files",
                     "nbgrader": {"student": student, "assignment": assignment, "notebook": name,
                                  "db_url": course.db_url}}
        with open(path, encoding="utf-8") as fh:
            nb = nbformat.read(fh, as_version=4)
        for p in pre["sanitize"]:
            nb, resources = p(nb, resources)
        nb = nbformat.reads(nbformat.writes(nb), as_version=4)  # stock re-reads the file here
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
        dest.mkdir(parents=True, exist_ok=True)
        (dest / f"{name}.ipynb").write_text(nbformat.writes(nb), encoding="utf-8")
        if name == assignment:
            out.responses = _responses(course, assignment, student, nb)
    if out.not_run:
        out.flags.append(f"{out.not_run} cell(s) of unknown code not run")
    _permissions(course, dest)
    return out


def _inspect(course: Course, assignment: str, student: str) -> list[str]:
    from ..graded.batch import inspect_submission

    try:
        return inspect_submission(course.root, assignment, student)
    except Exception as err:  # the flags are advice; never fail grading over them
        return [f"could not inspect: {type(err).__name__}"]


def _responses(course: Course, assignment: str, student: str, nb) -> list:
    from .responses import from_notebook

    try:
        return from_notebook(course.source(assignment), assignment, student, nb)
    except Exception:
        LOG.debug("responses of %s", student, exc_info=True)
        return []


def _timestamp(src: Path) -> str | None:
    path = src / "timestamp.txt"
    if path.exists():
        text = path.read_text(encoding="utf-8").strip()
        return text or None
    return None


def _copy_files(course: Course, assignment: str, src: Path, dest: Path, exclude: list[str]):
    """As nbgrader: the student's other files, then the master's (except exclude_overwriting)."""
    from nbgrader.utils import find_all_files

    ignore = list(course.coursedir.ignore)
    for filename in find_all_files(str(src), [*ignore, "*.ipynb"]):
        _copy(filename, dest / os.path.relpath(filename, src))
    source = course.source(assignment)
    skip = {os.path.join(str(source), x) for x in exclude}
    for filename in find_all_files(str(source), [*ignore, "*.ipynb"]):
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
