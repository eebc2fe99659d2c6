"""handouts/cli.py: `coursekit handouts` refuses wrong arguments (exit 2), and a repository it
cannot use or a missing PDF printer with a message saying why (exit 1), before running any lesson
and writing nothing. (The handouts themselves: tests/handouts/test_build.py, slow.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args, cwd, path=None):
    env = {**os.environ, "PATH": path} if path is not None else None
    return subprocess.run([sys.executable, "-m", "coursekit.cli", "handouts", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args, said", [
    (["--bogus"], "unrecognized arguments: --bogus"),
    (["-o"], "argument -o/--out: expected one argument"),
    (["--lecturer-dir"], "argument --lecturer-dir: expected one argument"),
    (["--no-pdf", "yes"], "unrecognized arguments: yes"),
])
def test_wrong_arguments_exit_2_with_what_was_wrong(tmp_path, args, said):
    run = _cli(*args, cwd=tmp_path)
    assert run.returncode == 2 and said in run.stderr and "usage: coursekit" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_not_the_repository_names_the_missing_file(tmp_path):
    run = _cli("--root", str(tmp_path / "nowhere"), "--no-pdf", "-o", "out", "--lecturer-dir", "pack",
               cwd=tmp_path)
    assert run.returncode == 1
    assert f"{tmp_path / 'nowhere' / 'lessons' / '00-start.yaml'}: (file): missing" in run.stderr
    assert "Traceback" not in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_chromium_it_says_so_and_how_to_do_without(tmp_path):
    """No browser on PATH: refused before any lesson runs (use --no-pdf)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    run = _cli("--root", str(ROOT), "-o", str(tmp_path / "out"), "--lecturer-dir", str(tmp_path / "pack"),
               cwd=tmp_path, path=str(empty))
    assert run.returncode == 1
    assert "no chromium to print PDFs" in run.stderr and "--no-pdf" in run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bin"]


def test_the_defaults():
    from coursekit.cli import build_parser

    args = build_parser().parse_args(["handouts"])
    assert (args.out, args.lecturer_dir, args.no_pdf, args.root) == (
        "build/handouts", "build/lecturer-pack", False, ".")
