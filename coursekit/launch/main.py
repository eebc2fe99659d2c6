"""Start JupyterLab as a student (default) or as a lecturer (--lecturer)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..lang import LANGS
from .workcopy import refresh

STUDENT_CONFIG = Path(__file__).parent / "student"  # Jupyter config: nbgrader off, no news
START = {"id": "id/00-mulai.ipynb", "en": "en/00-start.ipynb"}
FOLDER = "my-course"  # the student's copy, under the course folder (ignored by git)


def student_folder(course: Path) -> Path:
    return Path(os.environ.get("COURSEKIT_STUDENT_DIR") or course / FOLDER).resolve()


def student_env(folder: Path) -> dict:
    """The student's environment: the course's Jupyter config first, progress beside the copy."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in (str(STUDENT_CONFIG), env.get("JUPYTER_CONFIG_PATH")) if p)
    env["COURSEKIT_PROGRESS"] = str(folder / "coursekit-progress.json")
    return env


def _tell(key: str, lang: str, **fields) -> None:
    from ..strings import say

    print(f"coursekit: {say('widgets.' + key, lang, **fields)}", flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="open-course.sh", description="Open the course in JupyterLab; "
                                "other options go to `jupyter lab` (e.g. --no-browser --port=8890).")
    p.add_argument("--lecturer", action="store_true",
                   help="open the lecturer's JupyterLab (nbgrader, formgrader on exercises/)")
    p.add_argument("--lang", choices=LANGS, default="id", help="start page language (default: id)")
    p.add_argument("--course", type=Path, default=Path.cwd(), help="the course folder (default: here)")
    args, rest = p.parse_known_args(argv)
    course = args.course.resolve()
    need = Path("exercises") if args.lecturer else Path("notebooks")
    if not (course / need).exists():  # a mistyped folder: nothing is made, nothing is started
        from ..strings import say

        p.error(say("widgets.open.not-course", args.lang, folder=str(course), missing=str(need)))
    root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []  # containers
    if args.lecturer:
        os.chdir(course / "exercises")  # formgrader reads nbgrader_config.py from here
        cmd = ["--ServerApp.root_dir=" + str(course), "--LabApp.default_url=/formgrader"]
        env = dict(os.environ)
        _tell("open.lecturer", args.lang)
    else:
        folder = student_folder(course)
        changes = refresh(course, folder)
        new = [c.rel for c in changes if c.kind == "new"]
        if new:
            _tell("open.new", args.lang, n=len(new), files=", ".join(new))
        for change in changes:
            if change.kind != "new":
                _tell(f"open.{change.kind}", args.lang, file=change.rel, beside=change.beside)
        _tell("open.folder", args.lang, folder=str(folder), start=START[args.lang])
        os.chdir(folder)
        cmd = ["--ServerApp.root_dir=" + str(folder), f"--LabApp.default_url=/lab/tree/{START[args.lang]}"]
        env = student_env(folder)
    argv = [sys.executable, "-m", "jupyterlab", *cmd, *root, *rest]
    os.execve(sys.executable, argv, env)
    return 0  # not reached
