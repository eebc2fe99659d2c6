"""Write one export format for some quizzes into a folder; returns the files written."""

from __future__ import annotations

from pathlib import Path

from . import canvas, gift, moodle, qti21, source
from .guard import released_folder

FORMATS = ("moodle", "gift", "qti21", "canvas")


class Refused(Exception):
    def __init__(self, path: Path, folder: Path):
        super().__init__(f"{path} is inside {folder}")
        self.path, self.folder = path, folder


def outputs(fmt: str, quizzes: list[source.Quiz], lang: str, mlang: bool = False,
            scope: str = "all") -> dict[str, bytes]:
    """File name -> bytes, nothing written."""
    base = f"coursekit-{scope}"
    if fmt == "moodle":
        return {f"{base}-moodle-{lang}.xml": moodle.export(quizzes, lang, mlang)}
    if fmt == "gift":
        return {f"{base}-gift-{lang}.txt": gift.export(quizzes, lang, mlang).encode("utf-8")}
    langs = ("id", "en") if lang == "both" else (lang,)
    make = qti21.package if fmt == "qti21" else canvas.package
    return {f"{base}-{fmt}-{x}.zip": make(quizzes, x) for x in langs}


def write(fmt: str, out: str | Path, root: str | Path | None = None, quiz: str | None = None,
          lang: str = "both", mlang: bool = False) -> list[Path]:
    root = Path(root) if root else source.default_root()
    out = Path(out)
    folder = released_folder(out, root)
    if folder is not None:
        raise Refused(out, folder)
    quizzes = source.quizzes(root, quiz)
    files = outputs(fmt, quizzes, lang, mlang, quiz or "all")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    return written
