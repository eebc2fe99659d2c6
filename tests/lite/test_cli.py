"""lite/cli.py: `coursekit lite` refuses wrong arguments with a clear message and exit code 2
(no site is built here: tests/lite/test_offline_site.py builds one)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args, said", [
    ([], "the following arguments are required: COMMAND"),
    (["serve"], "argument COMMAND: invalid choice: 'serve' (choose from 'build', 'figures')"),
    (["figures"], "the following arguments are required: -o/--output"),
    (["build", "--notebooks"], "argument --notebooks: expected one argument"),
    (["build", "site"], "unrecognized arguments: site"),
])
def test_wrong_arguments_say_what_is_allowed_and_exit_2(tmp_path, args, said):
    run = subprocess.run([sys.executable, "-m", "coursekit.cli", "lite", *args], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert said in run.stderr and "usage: coursekit" in run.stderr
    assert list(tmp_path.iterdir()) == []  # nothing built, nothing drawn


def test_the_defaults_of_build():
    from coursekit.cli import build_parser

    args = build_parser().parse_args(["lite", "build"])
    assert (args.output, args.notebooks, args.run.__name__) == ("build/lite", None, "run_build")
