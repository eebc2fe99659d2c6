"""The student's own copy of the lessons (my-course/ by default, ignored by git).

Made and refreshed by the open command: new lessons are copied in; a lesson the student has
changed is never overwritten: when the course's version changes, the new one is put beside it
(`<name>.updated-<date>.ipynb`). notebooks/ itself is never written, so using the course never
makes the staleness tests fail and `git pull` never meets a student's changes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..lang import LANGS

MANIFEST = ".coursekit-copies.json"  # rel path -> sha256 of the course version last copied


@dataclass
class Change:
    kind: str  # "new", "updated" (unchanged copy replaced) or "beside" (new version put beside)
    rel: str
    beside: str | None = None


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(dest: Path) -> Path:
    stem, day = dest.stem, time.strftime("%Y-%m-%d")
    for n in range(1, 1000):
        name = f"{stem}.updated-{day}{'' if n == 1 else f'-{n}'}.ipynb"
        if not (dest.parent / name).exists():
            return dest.parent / name
    raise FileExistsError(dest)


def refresh(course: Path, folder: Path) -> list[Change]:
    """Bring the lessons of course/notebooks/{id,en} into folder/{id,en} without losing work."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest_file = folder / MANIFEST
    try:
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    changes = []
    for lang in LANGS:
        for src in sorted((course / "notebooks" / lang).glob("*.ipynb")):
            rel = f"{lang}/{src.name}"
            dest, new = folder / rel, _sha(src)
            if not dest.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
                changes.append(Change("new", rel))
            elif manifest.get(rel) == new or _sha(dest) == new:
                pass
            elif _sha(dest) == manifest.get(rel):  # the student never changed it: safe to replace
                shutil.copyfile(src, dest)
                changes.append(Change("updated", rel))
            else:
                beside = _beside(dest)
                shutil.copyfile(src, beside)
                changes.append(Change("beside", rel, f"{lang}/{beside.name}"))
            manifest[rel] = new
    old_progress = course / "notebooks" / "coursekit-progress.json"
    progress = folder / "coursekit-progress.json"
    if old_progress.is_file() and not progress.exists():  # progress kept before students had a copy
        shutil.copyfile(old_progress, progress)
    manifest_file.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return changes
