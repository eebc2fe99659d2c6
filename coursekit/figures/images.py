"""Figures as images drawn ahead of time: for where matplotlib cannot be imported (the offline
site's Pyodide kernel) and for printable handouts. One PNG per figure and language, and an index
with each image's title, caption and alt text.

    write(folder)          # CPython with matplotlib: draw every figure in both languages
    load(name, lang)       # the image with its texts, shown like a live figure
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..lang import LANGS
from .view import FigureView

IMAGES = Path(__file__).parent / "images"  # filled only in the offline site's coursekit wheel
INDEX = "figures.json"


class ImageFigure(FigureView):
    """A figure drawn ahead of time: `.figure` is None; HTML, text and `.alt` as a live one."""

    def __init__(self, name: str, lang: str, file: Path, title: str, caption: str, alt: str):
        super().__init__(name, lang, None, title, caption, alt)
        self.file = file

    def png(self) -> bytes:
        return self.file.read_bytes()

    def texts(self) -> list[str]:
        return [self.title, self.caption]

    def save(self, path, **kwargs) -> None:
        """Copy the image (PNG only: there is no matplotlib here to draw another format)."""
        if Path(path).suffix.lower() != ".png":
            raise ValueError(f"only .png can be saved without matplotlib, not {path}")
        shutil.copyfile(self.file, path)


def write(folder: Path | str, names: tuple[str, ...] | None = None) -> Path:
    """Draw every figure in every language into folder (PNG files plus the index); the index path."""
    from . import NAMES, figure

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    index: dict = {}
    for name in names or NAMES:
        for lang in LANGS:
            view = figure(name, lang)
            file = f"{name}.{lang}.png"
            (folder / file).write_bytes(view.png())
            index.setdefault(name, {})[lang] = {"file": file, "title": view.title,
                                                "caption": view.caption, "alt": view.alt}
    path = folder / INDEX
    path.write_text(json.dumps(index, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    return path


def load(name: str, lang: str, folder: Path | str | None = None) -> ImageFigure:
    folder = Path(folder) if folder else IMAGES
    try:
        entry = json.loads((folder / INDEX).read_text(encoding="utf-8"))[name][lang]
    except (OSError, KeyError) as err:
        raise RuntimeError(f"matplotlib is not available and no image of figure {name!r} ({lang}) "
                           f"was built into {folder}") from err
    return ImageFigure(name, lang, folder / entry["file"], entry["title"], entry["caption"],
                       entry["alt"])
