"""Where an export (which holds the answer keys) may not be written: folders released to students."""

from __future__ import annotations

import os
from pathlib import Path

# Folder names that nbgrader or coursekit hand to students, wherever they are.
RELEASED_NAMES = ("release", "exchange", "outbound", "feedback", "notebooks", "binder")


def released_folder(target: str | Path, root: str | Path) -> Path | None:
    """The student-facing folder `target` lies in (root: the exercises folder), or None."""
    target = Path(target).resolve()
    root = Path(root).resolve()
    folders = [root / "source", root / "release", root / "exchange", root / "feedback",
               root.parent / "notebooks", root.parent / "binder"]
    if os.environ.get("COURSEKIT_EXCHANGE"):
        folders.append(Path(os.environ["COURSEKIT_EXCHANGE"]).resolve())
    for folder in folders:
        if target == folder or folder in target.parents:
            return folder
    for part in (target, *target.parents):
        if part.name in RELEASED_NAMES:
            return part
    return None
