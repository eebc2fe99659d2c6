"""Sub-commands added by other parts of coursekit (lessons, quizzes, grading), in one place."""

from __future__ import annotations


def register(sub) -> None:
    """Add every extra sub-command to the parser; each part registers itself here."""
