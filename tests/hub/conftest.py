"""Session fixtures of the hub tests: the hub environment, a PostgreSQL cluster, and one real
JupyterHub with two courses (as nbgrader's demo_multiple_classes), all made by the test set-up
and removed after. They need root (useradd, services as other users): outside CI a non-root
run skips them; in CI (.ci/run runs as root) they never skip."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from . import hub as hubmod
from . import hubenv, pg
from . import users as unix


def need_root() -> None:
    if os.geteuid() == 0:
        return
    if os.environ.get("CI"):
        pytest.fail("the hub tests need root in CI (.ci/run runs as root)")
    pytest.skip("the hub tests need root (they create unix users); run them as root or in CI")


def public_tmp(prefix: str) -> Path:
    """A temporary folder other accounts can traverse (pytest's tmp_path is mode 700)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(path, 0o755)
    return path


@pytest.fixture(scope="session")
def hub_env() -> Path:
    need_root()
    return hubenv.build()


@pytest.fixture(scope="session")
def postgres():
    need_root()
    folder = public_tmp("coursekit-pg-")
    cluster = pg.start(folder / "pg")
    try:
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def hub(hub_env, postgres):
    """Course A (SQLite gradebook): lecturer, four students (one hostile). Course B (PostgreSQL
    gradebook): its own lecturer and grader service; student 1 takes both courses."""
    p = unix.prefix()
    a = hubmod.Course("orgmas-a", f"{p}-grader-a", [f"{p}-dosen"],
                      [f"{p}-m1", f"{p}-m2", f"{p}-m3", f"{p}-m4"])
    b = hubmod.Course("orgmas-b", f"{p}-grader-b", [f"{p}-dosen-b"], [f"{p}-m1", f"{p}-m5"],
                      db_url=postgres.createdb(f"gradebook_{p}"))
    root = public_tmp("coursekit-hub-")
    h = hubmod.Hub(root, hub_env, hubenv.proxy(), [a, b])
    try:
        hubmod.setup(h)
        hubmod.start(h)
        yield h
    finally:
        hubmod.stop(h)
        if not os.environ.get("COURSEKIT_HUB_KEEP"):  # keep the folder to debug a failure
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def class_a(hub):
    """Course A run from release to each student's feedback (see flow.py)."""
    from .flow import run_class

    return run_class(hub, hub.courses[0])


@pytest.fixture(scope="session")
def class_b(hub, class_a):
    """Course B (PostgreSQL gradebook), after course A."""
    from .flow import run_class

    return run_class(hub, hub.courses[1])
