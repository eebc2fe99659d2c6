"""Sub-commands added by other parts of coursekit, in one place: each part's module has register(sub)."""

from __future__ import annotations

from importlib import import_module

# Modules that add sub-commands; their order is the order in `coursekit --help`.
PARTS: list[str] = [
    "coursekit.build",  # issue 11: coursekit build [--check], every committed generated file
    "coursekit.classgrader.exercises_cli",  # coursekit exercises check|autograde (graded quizzes)
    "coursekit.classgrader.cli",
    "coursekit.lms.cli",  # issue 12: coursekit export, export-grades
    "coursekit.lite.cli",  # issue 14: coursekit lite build
    "coursekit.handouts.cli",  # issue 9: coursekit handouts
]


def register(sub) -> None:
    for name in PARTS:
        import_module(name).register(sub)
