"""The open command (`python -m coursekit.launch`): argument errors before anything happens, the
student's own copy (a changed lesson is never overwritten) with the course's Jupyter config and the
progress file beside it, and the lecturer's formgrader on the course.

JupyterLab is never started: os.execve, which would replace this process with it, is replaced by a
recorder, so a test sees what would be started (program, arguments, environment, folder)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from coursekit.launch.main import START, STUDENT_CONFIG, main, student_env, student_folder

ROOT = Path(__file__).resolve().parents[2]
ROOT_FLAG = ["--allow-root"] if os.geteuid() == 0 else []


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A course folder with the two start pages of the real lessons and an exercises/ folder."""
    course = tmp_path / "course"
    for rel in START.values():
        (course / "notebooks" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "notebooks" / rel, course / "notebooks" / rel)
    (course / "exercises").mkdir()
    return course


@pytest.fixture
def started(monkeypatch, tmp_path):
    """What main() would exec: [(program, argv, env, working folder)]."""
    calls = []
    monkeypatch.chdir(tmp_path)  # main() changes folder; this puts it back afterwards
    monkeypatch.delenv("COURSEKIT_STUDENT_DIR", raising=False)
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/etc/jupyter-site")
    monkeypatch.setattr(os, "execve", lambda path, argv, env: calls.append((path, argv, env, Path.cwd())))
    return calls


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "fr"], "argument --lang: invalid choice: 'fr' (choose from 'id', 'en')"),
    (["--lang=EN"], "invalid choice: 'EN'"),
    (["--course"], "argument --course: expected one argument"),
])
def test_argument_errors_stop_before_anything_is_copied_or_started(course, started, capsys, args, message):
    with pytest.raises(SystemExit) as stop:
        main(["--course", str(course), *args])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("usage: open-course.sh")
    assert started == [] and not (course / "my-course").exists()


def test_help_names_the_options_and_where_the_others_go(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert all(o in out for o in ("--lecturer", "--lang {id,en}", "--course COURSE", "go to `jupyter lab`"))


def test_a_student_gets_a_copy_the_course_config_and_the_start_page(course, started, capsys):
    assert main(["--course", str(course)]) == 0
    folder = course / "my-course"
    (program, argv, env, cwd), = started
    assert program == sys.executable and cwd == folder
    assert argv == [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}",
                    "--LabApp.default_url=/lab/tree/id/00-mulai.ipynb", *ROOT_FLAG]
    assert env["JUPYTER_CONFIG_PATH"] == os.pathsep.join([str(STUDENT_CONFIG), "/etc/jupyter-site"])
    assert env["COURSEKIT_PROGRESS"] == str(folder / "coursekit-progress.json")
    for rel in START.values():
        assert (folder / rel).read_bytes() == (course / "notebooks" / rel).read_bytes()
    new, where = _lines(capsys)
    assert new.startswith("coursekit: 2 berkas pelajaran baru disalin: ") and "id/00-mulai.ipynb" in new
    assert where.startswith("coursekit: pelajaran Anda (salinan Anda sendiri, dengan kemajuan Anda) ada di ")
    assert f" {folder}. " in where


def test_english_start_page_and_messages_and_jupyter_options_passed_on(course, started, capsys):
    main(["--course", str(course), "--lang", "en", "--no-browser", "--port=8890"])
    (_program, argv, _env, _cwd), = started
    assert argv[4:] == ["--LabApp.default_url=/lab/tree/en/00-start.ipynb", *ROOT_FLAG, "--no-browser",
                        "--port=8890"]
    assert _lines(capsys)[0].startswith("coursekit: 2 new lesson files copied: ")


def test_a_changed_copy_is_never_overwritten_and_the_new_version_is_put_beside(course, started, capsys):
    main(["--course", str(course), "--lang", "en"])
    mine = course / "my-course" / START["en"]
    mine.write_text(mine.read_text(encoding="utf-8") + " ", encoding="utf-8")  # the student saved it
    kept = mine.read_bytes()
    lesson = course / "notebooks" / START["en"]
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("#", "# ", 1), encoding="utf-8")
    capsys.readouterr()
    main(["--course", str(course), "--lang", "en"])
    beside, _where = _lines(capsys)
    assert mine.read_bytes() == kept
    (put,) = [p for p in mine.parent.glob("00-start.updated-*.ipynb")]
    assert put.read_bytes() == lesson.read_bytes()
    assert beside == (f"coursekit: the new version of {START['en']} is in en/{put.name}; "
                      "your copy is unchanged.")
    main(["--course", str(course), "--lang", "en"])
    assert len(_lines(capsys)) == 1  # nothing new: only where the lessons are
    assert mine.read_bytes() == kept and len(started) == 3


def test_an_unchanged_copy_is_updated_and_said_so(course, started, capsys):
    main(["--course", str(course)])
    lesson = course / "notebooks" / START["id"]
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    capsys.readouterr()
    main(["--course", str(course)])
    assert _lines(capsys)[0] == f"coursekit: pelajaran diperbarui (belum Anda ubah): {START['id']}"
    assert (course / "my-course" / START["id"]).read_bytes() == lesson.read_bytes()


def test_the_copy_goes_where_coursekit_student_dir_says(course, started, monkeypatch, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("COURSEKIT_STUDENT_DIR", str(elsewhere))
    assert student_folder(course) == elsewhere.resolve()
    main(["--course", str(course)])
    assert (elsewhere / START["id"]).is_file() and not (course / "my-course").exists()
    assert started[0][3] == elsewhere


def test_student_env_puts_the_course_config_first_and_progress_beside_the_copy(monkeypatch, tmp_path):
    monkeypatch.delenv("JUPYTER_CONFIG_PATH", raising=False)
    env = student_env(tmp_path)
    assert env["JUPYTER_CONFIG_PATH"] == str(STUDENT_CONFIG)  # no empty entry when none was set
    assert env["COURSEKIT_PROGRESS"] == str(tmp_path / "coursekit-progress.json")
    assert (STUDENT_CONFIG / "jupyter_server_config.json").is_file()


def test_the_lecturer_opens_formgrader_on_the_course_without_a_student_copy(course, started, capsys):
    main(["--lecturer", "--course", str(course), "--lang", "en"])
    (_program, argv, env, cwd), = started
    assert cwd == course / "exercises"  # where formgrader reads nbgrader_config.py
    assert argv[3:] == [f"--ServerApp.root_dir={course}", "--LabApp.default_url=/formgrader", *ROOT_FLAG]
    assert env["JUPYTER_CONFIG_PATH"] == "/etc/jupyter-site" and env.get("COURSEKIT_PROGRESS") == \
        os.environ.get("COURSEKIT_PROGRESS")
    assert not (course / "my-course").exists()
    assert _lines(capsys) == ["coursekit: lecturer's JupyterLab: nbgrader and formgrader on for exercises/."]


@pytest.mark.parametrize("mode", [[], ["--lecturer"]])
def test_a_folder_that_is_not_a_course_is_an_argument_error(tmp_path, started, capsys, mode):
    typo = tmp_path / "cuorse"
    with pytest.raises(SystemExit) as stop:
        main([*mode, "--course", str(typo)])
    assert stop.value.code == 2 and str(typo) in capsys.readouterr().err
    assert not typo.exists() and started == []
