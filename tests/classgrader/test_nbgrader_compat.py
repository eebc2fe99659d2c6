"""The nbgrader fence: nbgrader's modules load without its package __init__, its tables are
there, and the course's config is read as nbgrader reads it."""

from __future__ import annotations

import subprocess
import sys

from coursekit.classgrader import nbgrader_compat


def _after_load(check: str) -> list[str]:
    """What check prints in a fresh process after nbgrader_compat.load()."""
    code = f"import sys; from coursekit.classgrader import nbgrader_compat as c; c.load(); {check}"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.split()


def test_load_skips_nbgraders_package_init_in_a_fresh_process():
    assert _after_load("import nbgrader.api, nbgrader.preprocessors; "
                       "print('nbgrader.server_extensions' in ''.join(sys.modules))") == ["False"]


def test_load_leaves_out_jsonschemas_unused_format_checkers():
    shown = _after_load("import jsonschema; print(*(sys.modules.get(n) is None for n in c.FORMATS))")
    assert shown == ["True"] * len(nbgrader_compat.FORMATS)


def test_tables_are_nbgraders_gradebook_tables():
    nbgrader_compat.load()
    t = nbgrader_compat.tables()
    assert {t.student.name, t.sub.name, t.nb.name, t.grade.name, t.comment.name} == {
        "student", "submitted_assignment", "submitted_notebook", "grade", "comment"}


def test_config_reads_the_course_file(tmp_path):
    assert dict(nbgrader_compat.config(tmp_path)) == {}
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\nc.CourseDirectory.course_id = 'x'\n")
    assert nbgrader_compat.config(tmp_path).CourseDirectory.course_id == "x"


def test_load_leaves_setuptools_for_the_first_call():
    assert _after_load("import nbgrader.utils as u; print('setuptools' in sys.modules); "
                       "print(callable(u.unpack_archive), 'setuptools.archive_util' in sys.modules)"
                       ) == ["False", "True", "False"]


def test_the_metadata_check_runs_again_for_a_cell_that_only_looks_checked():
    """A cell whose metadata equals a checked one in Python but not to nbgrader's schema (1 for
    true) is checked by nbgrader's validator, which rejects it as stock nbgrader does."""
    import pytest
    from nbformat.v4 import new_code_cell, new_notebook

    nbgrader_compat.load()
    from nbgrader.nbgraderformat import ValidationError

    check = nbgrader_compat._check_metadata_class()()
    meta = {"grade": True, "grade_id": "nilai-q01", "locked": True, "points": 2.0,
            "schema_version": 3, "solution": False, "task": False}
    good = new_notebook(cells=[new_code_cell("x", metadata={"nbgrader": meta})])
    check.preprocess(good, {})
    bad = new_notebook(cells=[new_code_cell("x", metadata={"nbgrader": {**meta, "grade": 1}})])
    with pytest.raises(ValidationError):
        check.preprocess(bad, {})
