"""A real nbgrader course made in this process, for fast unit tests of the class grader: the
repository's config, sources and keys (classroom.course_sources), then nbgrader's own
GenerateAssignment converter (release/ and gradebook.db), with no nbgrader subprocess.

A new gradebook makes nbgrader run `alembic heads` in a subprocess (4 s here) to stamp the
database; `generate` creates nbgrader's tables and that stamp itself first (the same schema and
version row), so nbgrader finds an existing database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support import classroom

QUIZ = "kuis-1"


def generate(folder: Path, assignments=(QUIZ,)) -> Path:
    """folder/course: a course with the assignments generated (release and gradebook)."""
    from coursekit.classgrader.course import open_course

    course = classroom.course_sources(folder)
    with pytest.MonkeyPatch.context() as mp:  # the course config sets both; leave this process as it was
        mp.setenv("COURSEKIT_EXCHANGE", str(Path(folder) / "exchange"))
        mp.setenv("COURSEKIT_KEYS", str(course / "keys"))
        c = open_course(course)
        _stamped_gradebook(c.db_url)
        from nbgrader.converters import GenerateAssignment

        for a in assignments:
            c.coursedir.assignment_id = a
            gen = GenerateAssignment(coursedir=c.coursedir, config=c.config)
            gen.force = True
            gen.start()
    return course


def _stamped_gradebook(db_url: str) -> None:
    import nbgrader.dbutil
    from alembic.script import ScriptDirectory
    from nbgrader.api import Base
    from sqlalchemy import create_engine, text

    head = ScriptDirectory(os.path.join(os.path.dirname(nbgrader.dbutil.__file__), "alembic"))
    engine = create_engine(db_url)
    Base.metadata.create_all(bind=engine)
    with engine.begin() as db:
        db.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        db.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"),
                   {"v": head.get_current_head()})
    engine.dispose()


def fresh(template: Path, tmp_path: Path) -> Path:
    """A copy of a generated course (its gradebook included) to change freely."""
    target = tmp_path / "course"
    shutil.copytree(template, target, symlinks=True)
    return target
