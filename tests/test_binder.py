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
    assert path in (ROOT / "scripts/open-course.sh").read_text()


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
