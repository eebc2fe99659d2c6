"""Validate self-check data files the way the content loader does: every problem, with file/line/field.

Schemas live in ./schemas; the content's shared definitions (text, slug, ...) are merged in.
"""

from __future__ import annotations

from pathlib import Path

from ..content import datafile
from ..content.problems import Problem
from ..questions.schema import problem  # noqa: F401  (the one file/line/field problem)

SCHEMAS = Path(__file__).parent / "schemas"


def read(path: Path, name: str, label: str | None = None) -> tuple[object, list[Problem]]:
    """Parse and validate one YAML file against schemas/<name>.json."""
    return datafile.read(path, SCHEMAS / f"{name}.json", label)
