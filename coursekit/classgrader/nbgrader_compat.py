"""Everything that reaches into nbgrader's internals, in one place: what an nbgrader upgrade must
re-check. Each entry names the nbgrader version it was checked against (0.9.6, the one the
equivalence test runs; pyproject pins nbgrader below 0.10). Public API use (nbgrader.api's
Gradebook and models, nbgrader.utils) stays where it is used.

- load(): imports nbgrader without its package __init__ (a fake package in sys.modules) and
  without setuptools (stand-ins for three functions grading never calls);
- config(): the course's nbgrader_config.py as nbgrader's apps read it;
- tables() / late_penalty(): the gradebook writer's raw table writes and the late-penalty check;
- preprocessors(): the configured Autograde preprocessors, with the gradebook look-ups answered
  from a snapshot and the metadata validator run once per distinct cell;
- patch_stock(): the wrappers stock `nbgrader` runs with (stock.py says what they do).
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

# nbgrader 0.9.6 defaults of Autograde.sanitize_preprocessors / autograde_preprocessors (names)
# that the kernel-free grader does itself (kernel.py, gradebook.py)
REPLACED = {"Execute", "SaveAutoGrades", "AssignLatePenalties"}


def load() -> None:
    """nbgrader, imported fast (checked against nbgrader 0.9.6).

    `import nbgrader` runs the package's __init__, which loads its Jupyter server extensions
    (tornado handlers, the exchange) that grading never uses; and jsonschema loads checkers of
    string formats on import that neither nbformat's nor nbgrader's schemas use (FORMATS: the
    IRI grammar alone takes ~2 s here). This
    imports nbgrader's modules (api, preprocessors, utils, nbgraderformat) without those two
    costs, only in a process that has not imported nbgrader yet (the `coursekit grade` command);
    anywhere else it is a plain import."""
    stand_in = None
    if "nbgrader" not in sys.modules:
        for name in FORMATS:  # jsonschema then skips these formats
            sys.modules.setdefault(name, None)
        spec = importlib.util.find_spec("nbgrader")
        if spec is not None and spec.submodule_search_locations:
            pkg = types.ModuleType("nbgrader")
            pkg.__path__ = list(spec.submodule_search_locations)
            pkg.__file__ = spec.origin
            pkg.__spec__ = spec
            sys.modules["nbgrader"] = pkg
        if ARCHIVE not in sys.modules:
            stand_in = sys.modules[ARCHIVE] = _on_first_call(ARCHIVE, ARCHIVE_NAMES)
    try:
        import nbgrader.api
        import nbgrader.preprocessors  # noqa: F401
    finally:
        if stand_in is not None and sys.modules.get(ARCHIVE) is stand_in:
            del sys.modules[ARCHIVE]  # anyone else imports the real module


# jsonschema's optional checkers of the iri, uri and duration formats (rfc3987_syntax ~2 s,
# rfc3986_validator 20 ms, isoduration with arrow 9 ms on import)
FORMATS = ("rfc3987_syntax", "rfc3986_validator", "isoduration")

# nbgrader 0.9.6 utils imports these from setuptools.archive_util (0.3 s: setuptools and
# pkg_resources) for zip collection, which grading never calls: load() gives it stand-ins that
# import the real module on first call.
ARCHIVE = "setuptools.archive_util"
ARCHIVE_NAMES = ("unpack_archive", "unpack_tarfile", "unpack_zipfile")


def _on_first_call(name: str, names: tuple[str, ...]) -> types.ModuleType:
    module = types.ModuleType(name)

    def forward(attr):
        def call(*args, **kwargs):
            return getattr(importlib.import_module(name), attr)(*args, **kwargs)
        return call

    for attr in names:
        setattr(module, attr, forward(attr))
    return module


def config(root: Path):
    """The traitlets Config of the course (its nbgrader_config.py), empty when there is none."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    path = Path(root) / "nbgrader_config.py"
    if not path.exists():
        return Config()
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def tables():
    """nbgrader's gradebook tables (its ORM classes' __table__; schema of nbgrader 0.9.6:
    submitted_assignment, submitted_notebook, grade, comment, student), for set-based writes."""
    from nbgrader.api import Comment, Grade, Student, SubmittedAssignment, SubmittedNotebook

    return types.SimpleNamespace(student=Student.__table__, sub=SubmittedAssignment.__table__,
                                 nb=SubmittedNotebook.__table__, grade=Grade.__table__,
                                 comment=Comment.__table__)


def late_penalty(late, notebook, penalty: float) -> float:
    """AssignLatePenalties._check_late_penalty (private in nbgrader 0.9.6): the plugin's penalty
    checked against the notebook's score, as stock applies it."""
    return late._check_late_penalty(notebook, penalty)


def preprocessors(course, view, kernelspec) -> dict:
    """The course's Autograde preprocessors (nbgrader 0.9.6 Autograde traits), instantiated with
    its config: {"sanitize": [...], "autograde": [...] without REPLACED, "exclude": {...},
    "execute": [Execute]}. OverwriteCells and OverwriteKernelspec answer their gradebook
    look-ups from view / kernelspec(notebook) (both subclass 0.9.6 internals: OverwriteCells
    sets notebook_id/assignment_id/db_url/gradebook and calls add_missing_grade_cells /
    add_missing_task_cells); CheckCellMetadata validates each distinct cell once."""
    from nbgrader.converters.autograde import Autograde
    from nbgrader.preprocessors import CheckCellMetadata, OverwriteCells, OverwriteKernelspec

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
            spec = kernelspec(resources["nbgrader"]["notebook"])
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
    """nbgrader's CheckCellMetadata (0.9.6: MetadataValidator.validate_cell / validate_nb),
    remembering which (cell type, nbgrader metadata) it has already found valid in this process:
    nbgrader's validator re-checks its JSON Schema for every cell (0.4 s a notebook), and most
    cells carry the master's metadata, the same for every student. Any other cell goes through
    nbgrader's own checks, which raise the same errors."""
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


def _frozen(meta) -> frozenset:
    """A hashable copy of nbgrader metadata: (key, type, value) items, values that are not
    hashable as JSON. The type keeps true apart from 1 and 1.0 (equal in Python; not to
    nbgrader's schema), so a cell is never taken as checked because an equal-looking one was."""
    try:
        return frozenset((k, type(v), v) for k, v in meta.items())
    except TypeError:  # a list or dict value (the master's metadata has none; a student may add one)
        import json

        return frozenset((k, type(v), json.dumps(v, sort_keys=True, default=repr))
                         for k, v in meta.items())


def patch_stock(keep_files, timestamp, keep_glob, around_start) -> None:
    """Wrap stock nbgrader's functions (all checked against nbgrader 0.9.6), once per process:
    - utils.find_all_files (also as imported by converters.base and converters.autograde):
      its result filtered by keep_files(files);
    - CourseDirectory.get_existing_timestamp(dest_path): timestamp(log, dest_path);
    - BaseConverter.init_notebooks: the glob.glob it calls filtered by keep_glob(log, pattern,
      found);
    - Autograde.start: around_start(self, original_start)."""
    import glob

    from nbgrader import utils
    from nbgrader.converters import autograde, base
    from nbgrader.coursedir import CourseDirectory

    original_find = utils.find_all_files

    def find_all_files(path, exclude=None):
        return keep_files(original_find(path, exclude))

    utils.find_all_files = find_all_files
    base.find_all_files = find_all_files
    autograde.utils.find_all_files = find_all_files

    def get_existing_timestamp(self, dest_path):
        return timestamp(self.log, dest_path)

    CourseDirectory.get_existing_timestamp = get_existing_timestamp

    original_init = base.BaseConverter.init_notebooks

    def init_notebooks(self):
        original_glob = glob.glob

        def plain_glob(pattern, *a, **k):
            return keep_glob(self.log, pattern, original_glob(pattern, *a, **k))

        base.glob.glob = plain_glob
        try:
            return original_init(self)
        finally:
            base.glob.glob = original_glob

    base.BaseConverter.init_notebooks = init_notebooks

    original_start = autograde.Autograde.start

    def start(self):
        return around_start(self, lambda: original_start(self))

    autograde.Autograde.start = start

