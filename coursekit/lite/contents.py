"""The site's copies of the lessons: every notebook in notebooks/<lang>/, opening on the Pyodide
kernel (no kernel dialog), and the start pages telling what offline means."""

from __future__ import annotations

import json
from pathlib import Path

from ..lang import LANGS
from ..strings import say

HERE = Path(__file__).parent
START = {"id": "00-mulai.ipynb", "en": "00-start.ipynb"}
KERNELSPEC = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}


def note_cell(lang: str) -> dict:
    return {"cell_type": "markdown", "id": "coursekit-offline", "metadata": {},
            "source": say("lite.start.offline", lang)}


def site_copy(notebook: dict, lang: str, start: bool) -> dict:
    """The notebook as the site serves it (the repo's file is not changed)."""
    nb = json.loads(json.dumps(notebook))
    nb["metadata"]["kernelspec"] = dict(KERNELSPEC)
    if start:
        nb["cells"].insert(1, note_cell(lang))
    return nb


def write(notebooks: Path, out: Path) -> list[Path]:
    """Copy notebooks/<lang>/*.ipynb into out/<lang>/; the written files."""
    written = []
    for lang in LANGS:
        for path in sorted((notebooks / lang).glob("*.ipynb")):
            nb = site_copy(json.loads(path.read_text(encoding="utf-8")), lang, path.name == START[lang])
            target = out / lang / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            written.append(target)
    missing = [f"{lang}/{name}" for lang, name in START.items() if not (out / lang / name).exists()]
    if missing:
        raise FileNotFoundError(f"start pages missing from {notebooks}: {missing}")
    return written
