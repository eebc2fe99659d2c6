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
