"""The command line, run as a user runs it."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coursekit.cli", *args], capture_output=True, text=True)


def test_help_explains_the_workflow():
    out = run("--help").stdout
    assert "coursekit list cases" in out and "coursekit check" in out


def test_list_cases_slug_first():
    out = run("list", "cases", "--lang", "en").stdout.splitlines()
    slugs = [line.split("\t")[0] for line in out]
    assert len(slugs) >= 11
    assert {"p2kp", "iaf", "dsni", "block-clubs"} <= set(slugs)
    assert "Dudley Street Neighborhood Initiative (DSNI)" in out[slugs.index("dsni")]


@pytest.mark.parametrize("kind", ["concepts", "frameworks", "comparisons", "modules", "sources"])
def test_list_other_kinds(kind):
    proc = run("list", kind)
    assert proc.returncode == 0 and proc.stdout.strip()


def test_show_case_in_both_languages():
    en, id_ = run("show", "case", "dsni", "--lang", "en"), run("show", "case", "dsni", "--lang", "id")
    assert en.returncode == id_.returncode == 0
    assert en.stdout != id_.stdout and len(en.stdout) > 1500 and len(id_.stdout) > 1500


def test_show_unknown_slug_is_a_clear_error():
    proc = run("show", "case", "dnsi")
    assert proc.returncode == 2
    assert "no case 'dnsi' (did you mean 'dsni'?)" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_wrong_argument_is_a_clear_error():
    proc = run("list", "casez")
    assert proc.returncode == 2 and "invalid choice: 'casez'" in proc.stderr


def test_check_builtin_and_broken(content_dir):
    ok = run("check")
    assert ok.returncode == 0 and ok.stdout.startswith("content OK:") and "11 cases" in ok.stdout
    (content_dir / "cases/dsni.yaml").write_text("slug: dsni\nshort: [unclosed\n")
    bad = run("check", str(content_dir))
    assert bad.returncode == 1
    assert "dsni.yaml:2: (file): YAML syntax error: did not find expected" in bad.stdout


def test_grade_ends_quickly_with_its_exit_handlers_run_and_output_flushed(tmp_path):
    from coursekit.cli import build_parser

    assert build_parser().parse_args(["grade", "kuis-1"]).quick_exit is True
    assert not getattr(build_parser().parse_args(["list", "cases"]), "quick_exit", False)
    code = ("import atexit, sys; atexit.register(lambda: print('handler ran')); "
            f"sys.argv = ['coursekit', 'grade', 'kuis-1', '--course', {str(tmp_path / 'nowhere')!r}]; "
            "from coursekit.cli import console; console()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2 and "nowhere" in done.stderr
    assert done.stdout == "handler ran\n"
