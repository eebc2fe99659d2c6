"""An nbgrader course as the grader sees it: nbgrader's CourseDirectory (paths, gradebook URL)
configured from the course's nbgrader_config.py, and a read-only snapshot of one assignment's
master notebooks from the gradebook (what OverwriteCells and OverwriteKernelspec look up), so
worker processes never open the database."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from . import nbgrader_compat


@dataclass
class Course:
    root: Path
    config: object
    coursedir: object

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    def submitted(self, student: str, assignment: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.submitted_directory, student, assignment))

    def autograded(self, student: str, assignment: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.autograded_directory, student,
                                               assignment))

    def source(self, assignment: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.source_directory, ".", assignment))

    def is_course(self) -> bool:
        """Whether root holds an nbgrader course: its nbgrader_config.py or its gradebook (a
        database other than a local SQLite file is taken as there)."""
        from sqlalchemy.engine import make_url

        if (self.root / "nbgrader_config.py").is_file():
            return True
        url = make_url(self.db_url)
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return True
        return Path(url.database).is_file()

    def students(self, assignment: str, only: str | None = None) -> list[str]:
        """Students with a submission folder for the assignment (nbgrader's glob on student ids)."""
        import fnmatch

        base = Path(self.coursedir.format_path(self.coursedir.submitted_directory, ".", "."))
        found = sorted(p.parent.name for p in base.glob(f"*/{assignment}") if p.is_dir())
        exclude = set(filter(None, (self.coursedir.student_id_exclude or "").split(",")))
        pattern = only or "*"
        return [s for s in found if fnmatch.fnmatchcase(s, pattern) and s not in exclude]


def open_course(root: str | Path | None = None) -> Course:
    nbgrader_compat.load()
    from nbgrader.coursedir import CourseDirectory

    root = Path(root or ".").resolve()
    cfg = nbgrader_compat.config(root)
    coursedir = CourseDirectory(config=cfg)
    configured = cfg.get("CourseDirectory", {}).get("root")
    coursedir.root = str((root / configured).resolve()) if configured else str(root)
    return Course(Path(coursedir.root), cfg, coursedir)


@dataclass
class Snapshot:
    """The master version of an assignment's notebooks, as stored in the gradebook."""

    assignment: str
    duedate: object
    notebooks: dict[str, SimpleNamespace] = field(default_factory=dict)


def snapshot(course: Course, assignment: str) -> Snapshot:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.coursedir.course_id) as gb:
        a = gb.find_assignment(assignment)  # MissingEntry when not generated
        snap = Snapshot(assignment, a.duedate)
        for nb in a.notebooks:
            # the gradebook's cell lists have no order (PostgreSQL returns them in any order);
            # OverwriteCells re-inserts deleted cells by their neighbours in this order
            pos = _positions(course.source(assignment) / f"{nb.name}.ipynb")
            source = [SimpleNamespace(name=c.name, cell_type=c.cell_type, locked=c.locked,
                                      source=c.source, checksum=c.checksum)
                      for c in _ordered(nb.source_cells, pos)]
            grade = [SimpleNamespace(name=c.name, max_score=c.max_score, cell_type=c.cell_type)
                     for c in _ordered(nb.grade_cells, pos)]
            task = [SimpleNamespace(name=c.name, max_score=c.max_score, cell_type="markdown")
                    for c in _ordered(nb.task_cells, pos)]
            snap.notebooks[nb.name] = SimpleNamespace(
                name=nb.name, kernelspec=nb.kernelspec, source_cells=source, grade_cells=grade,
                task_cells=task, solution_cells=[SimpleNamespace(name=c.name)
                                                 for c in _ordered(nb.solution_cells, pos)])
    return snap


def _positions(master: Path) -> dict[str, int]:
    """grade_id -> index of the cell in the master notebook (empty when it is not there)."""
    try:
        cells = json.loads(master.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        return {}
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): i
            for i, c in enumerate(cells)}


def _ordered(cells, pos: dict[str, int]) -> list:
    """The cells in master-notebook order (by name when a cell is not in the master)."""
    return sorted(cells, key=lambda c: (pos.get(c.name, len(pos)), c.name))


class GradebookView:
    """The read-only part of nbgrader's Gradebook that the sanitizing preprocessors call,
    answered from a Snapshot (same methods, same MissingEntry)."""

    def __init__(self, snap: Snapshot):
        self.snap = snap
        # name -> cell, per notebook (OverwriteCells looks up every cell of every submission)
        self._source = {k: {c.name: c for c in nb.source_cells} for k, nb in snap.notebooks.items()}
        self._graded = {k: {c.name: c for c in [*nb.task_cells, *nb.grade_cells]}
                        for k, nb in snap.notebooks.items()}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def _nb(self, notebook: str, assignment: str):
        from nbgrader.api import MissingEntry

        if assignment != self.snap.assignment or notebook not in self.snap.notebooks:
            raise MissingEntry(f"No such notebook: {assignment}/{notebook}")
        return self.snap.notebooks[notebook]

    def find_notebook(self, notebook: str, assignment: str):
        return self._nb(notebook, assignment)

    def find_source_cell(self, name: str, notebook: str, assignment: str):
        from nbgrader.api import MissingEntry

        self._nb(notebook, assignment)
        found = self._source[notebook].get(name)
        if found is None:
            raise MissingEntry(f"No such source cell: {assignment}/{notebook}/{name}")
        return found

    def find_graded_cell(self, name: str, notebook: str, assignment: str):
        from nbgrader.api import MissingEntry

        self._nb(notebook, assignment)
        found = self._graded[notebook].get(name)  # a grade cell before a task cell of that name
        if found is None:
            raise MissingEntry(f"No such graded cell: {assignment}/{notebook}/{name}")
        return found


def kernelspec(snap: Snapshot, notebook: str):
    spec = snap.notebooks[notebook].kernelspec
    return json.loads(spec) if spec else None
