"""The example exports committed under exercises/lms/ for lecturers to look at (one per format).

`coursekit build` rewrites them from the bank (generator "LMS examples"); `--check` fails when stale.
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
