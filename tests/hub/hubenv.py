"""The hub's Python environment and the proxy, built once per machine where every user can run
them (a venv under /root is mode 700): a venv made from /usr/bin/python3 under /opt (or
$COURSEKIT_HUB_ENV), with JupyterHub, nbgrader, coursekit, soupsieve < 4 (4.x breaks nbconvert's
HTML export on Debian's Python 3.11, so generate_feedback fails) and psycopg 3 (PostgreSQL
gradebooks); npm's configurable-http-proxy in .ci/node/ (ignored by git; .ci/run installs it)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = "/usr/bin/python3"
REQUIREMENTS = ["jupyterhub>=5,<7", "soupsieve<4", "psycopg[binary]>=3.1", "setuptools>=77"]
PROXY = REPO / ".ci" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


def env_dir() -> Path:
    return Path(os.environ.get("COURSEKIT_HUB_ENV", "/opt/coursekit-hub-env"))


@contextmanager
def _locked(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _stamp() -> str:
    text = "\n".join([*REQUIREMENTS, (REPO / "pyproject.toml").read_text(encoding="utf-8")])
    return hashlib.sha256(text.encode()).hexdigest()


def _pip(env: Path, *args: str) -> None:
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", *args], check=True, timeout=1200)


def build() -> Path:
    """The hub environment, with this checkout's coursekit installed into it (not editable:
    users cannot read a checkout under /root)."""
    env = env_dir()
    with _locked(env.with_name(env.name + ".lock")):
        stamp = env / ".coursekit-hub-stamp"
        if not stamp.exists() or stamp.read_text() != _stamp():
            shutil.rmtree(env, ignore_errors=True)
            subprocess.run([PYTHON, "-m", "venv", str(env)], check=True, timeout=300)
            _pip(env, *REQUIREMENTS, str(REPO))
            stamp.write_text(_stamp())
        _clean_setuptools_build()  # no stale modules from an old build
        _pip(env, "--no-deps", "--no-build-isolation", "--force-reinstall", str(REPO))
        _clean_setuptools_build()
        os.chmod(env, 0o755)
    return env


def _clean_setuptools_build() -> None:
    """Remove setuptools' own folders under build/ (lib, bdist.*), never the other things built
    there (the offline site build/lite, the handouts)."""
    for folder in [*(REPO / "build").glob("lib*"), *(REPO / "build").glob("bdist.*")]:
        shutil.rmtree(folder, ignore_errors=True)


def proxy() -> Path:
    """npm's configurable-http-proxy (installed into .ci/node/ when missing)."""
    with _locked(PROXY.parents[2] / ".lock"):
        if not PROXY.exists():
            subprocess.run(["npm", "install", "--prefix", str(PROXY.parents[2]), "--no-audit",
                            "--no-fund", "configurable-http-proxy@5"], check=True, timeout=600)
    return PROXY
