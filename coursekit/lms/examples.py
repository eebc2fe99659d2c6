"""The example exports committed under exercises/lms/ for lecturers to look at (one per format).

`coursekit export-examples` rewrites them from the bank; `--check` (and a test) fails when stale.
"""

from __future__ import annotations

from pathlib import Path

from . import source
from .export import outputs

QUIZ = "kuis-1"
# (format, language): Moodle and GIFT show both languages, each package one language.
CHOICES = (("moodle", "both"), ("gift", "both"), ("qti21", "id"), ("canvas", "en"))


def expected(root: str | Path) -> dict[str, bytes]:
    quizzes = source.quizzes(root, QUIZ)
    files = {}
    for fmt, lang in CHOICES:
        files.update(outputs(fmt, quizzes, lang, scope=QUIZ))
    return files


def stale(root: str | Path) -> list[str]:
    """Names of example files that are missing, different or extra."""
    folder = Path(root) / "lms"
    want = expected(root)
    have = {p.name for p in folder.glob("coursekit-*")} if folder.is_dir() else set()
    bad = [n for n, data in want.items()
           if not (folder / n).is_file() or not same(n, (folder / n).read_bytes(), data)]
    return sorted(bad + sorted(have - set(want)))


def same(name: str, old: bytes, new: bytes) -> bool:
    """Equal files; zips compare their members (compressed bytes vary with the zlib version)."""
    if not name.endswith(".zip"):
        return old == new
    return _members(old) == _members(new)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sorted((n, zf.read(n)) for n in zf.namelist())


def write(root: str | Path) -> list[Path]:
    folder = Path(root) / "lms"
    folder.mkdir(parents=True, exist_ok=True)
    want = expected(root)
    for p in folder.glob("coursekit-*"):
        if p.name not in want:
            p.unlink()
    for name, data in want.items():
        (folder / name).write_bytes(data)
    return [folder / n for n in want]
