"""Binder set-up: the files parse, the start path exists, and the install they describe works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).parent.parent
BINDER = ROOT / "binder"


def test_runtime_names_a_python():
    assert re.fullmatch(r"python-3\.1[0-9]\n?", (BINDER / "runtime.txt").read_text())


def test_requirements_parse():
    lines = [ln for ln in (BINDER / "requirements.txt").read_text().splitlines()
             if ln.strip() and not ln.startswith("#")]
    assert {Requirement(ln).name for ln in lines} >= {"jupyterlab", "ipywidgets"}


def test_postbuild_installs_coursekit_and_stops_on_error():
    text = (BINDER / "postBuild").read_text()
    assert text.startswith("#!/usr/bin/env bash") and "set -e" in text
    assert "pip install" in text and " -e ." in text


def test_readme_binder_link_opens_an_existing_start_page():
    readme = (ROOT / "README.md").read_text()
    (path,) = re.findall(r"mybinder\.org/v2/gh/[^)]*\?urlpath=lab/tree/([^)\s]+)", readme)
    assert (ROOT / path).is_file()
    from coursekit.launch.main import START

    assert path == f"notebooks/{START['id']}"  # the page the open command starts on


@pytest.mark.slow
def test_binder_install_works_in_a_fresh_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin/python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "-r", str(BINDER / "requirements.txt")], check=True, cwd=ROOT)
    subprocess.run([*pip, str(ROOT)], check=True, cwd=tmp_path)  # as postBuild, not editable
    out = subprocess.run([str(venv / "bin/coursekit"), "list", "cases"], capture_output=True,
                         text=True, check=True, cwd=tmp_path)
    assert "dsni" in out.stdout


def test_binder_installs_the_students_jupyter_config(tmp_path):
    """postBuild gives Binder the open command's student view: the same config files."""
    assert "bash binder/student-config.sh" in (BINDER / "postBuild").read_text()
    subprocess.run(["bash", str(BINDER / "student-config.sh")], check=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    from coursekit.launch.main import STUDENT_CONFIG

    made = sorted(p.relative_to(tmp_path / ".jupyter") for p in (tmp_path / ".jupyter").rglob("*.json"))
    assert made == sorted(p.relative_to(STUDENT_CONFIG) for p in STUDENT_CONFIG.rglob("*.json"))
    for rel in made:
        assert (tmp_path / ".jupyter" / rel).read_text() == (STUDENT_CONFIG / rel).read_text()


@pytest.mark.slow
def test_binder_jupyterlab_has_no_nbgrader_authoring_tools(tmp_path):
    """JupyterLab started as Binder starts it (plain `jupyter lab`, config from ~/.jupyter)."""
    import json
    import os
    import secrets
    import socket
    import time
    import urllib.error
    import urllib.request

    subprocess.run(["bash", str(BINDER / "student-config.sh")], check=True,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(8)
    env = {**os.environ, "HOME": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path / ".jupyter"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    env.pop("JUPYTER_CONFIG_PATH", None)
    log = open(tmp_path / "lab.log", "w")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
                             f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
                             *(["--allow-root"] if os.geteuid() == 0 else [])],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def get(path):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?token={token}", timeout=30) as r:
            return r.read().decode()

    try:
        end = time.monotonic() + 90
        while True:
            try:
                get("/api/status")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < end, (tmp_path / "lab.log").read_text()
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError):
            get("/formgrader")
        page = get("/lab")
        found = re.search(r'id="jupyter-config-data"[^>]*>\s*(\{.*?\})\s*</script>', page, re.S)
        assert "@jupyter/nbgrader" in json.loads(found[1])["disabledExtensions"]
        assert "nbgrader_config.py" not in (tmp_path / "lab.log").read_text()
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()
