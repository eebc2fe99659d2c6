"""The one staleness test: every committed generated file is what `coursekit build` makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from coursekit.build import REPO, build, generators, same

NAMES = ["content validators", "compiled content", "strings", "lessons", "self-check data", "graded quizzes",
         "LMS examples"]


def test_every_committed_generated_file_is_current():
    stale = build(check=True)
    assert stale == [], "run `coursekit build`:\n" + "\n".join(stale)


def test_one_registry_of_generators():
    assert [g.name for g in generators()] == NAMES


def test_check_names_the_stale_file_and_the_command_and_build_repairs_it(tmp_path):
    for part in ("lessons", "lecturer", "notebooks", "exercises"):
        shutil.copytree(REPO / part, tmp_path / part)
    src = tmp_path / "lessons" / "01-komunitas.yaml"
    src.write_text(src.read_text(encoding="utf-8").replace('ck.concept("komunitas")',
                                                            'ck.concept("social-change")'))
    (tmp_path / "notebooks" / "en" / "99-left-over.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "exercises" / "source" / "kuis-1" / "questions.json").unlink()
    cmd = [sys.executable, "-m", "coursekit.cli", "build", "--root", str(tmp_path)]
    bad = subprocess.run([*cmd, "--check"], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "notebooks/id/01-komunitas.ipynb: differs (lessons)" in bad.stderr
    assert "notebooks/en/01-community.ipynb: differs (lessons)" in bad.stderr
    assert "notebooks/en/99-left-over.ipynb: not made by any source (lessons)" in bad.stderr
    assert "exercises/source/kuis-1/questions.json: missing (graded quizzes)" in bad.stderr
    assert "run `coursekit build`" in bad.stderr
    fixed = build(root=tmp_path, only=["lessons", "graded quizzes"])  # writes only below tmp_path
    assert len(fixed) == 4, fixed
    assert not (tmp_path / "notebooks" / "en" / "99-left-over.ipynb").exists()
    ok = subprocess.run([*cmd, "--check"], capture_output=True, text=True)
    assert ok.returncode == 0 and "up to date" in ok.stdout, ok.stderr


def test_zips_compare_by_members(tmp_path):
    import zipfile

    def zipped(level: int) -> bytes:
        path = tmp_path / f"{level}.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
            zf.writestr("a.xml", "<a/>" * 100)
        return path.read_bytes()

    assert zipped(1) != zipped(9) and same(Path("x.zip"), zipped(1), zipped(9))
    assert not same(Path("x.txt"), b"a", b"b")
