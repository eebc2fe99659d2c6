"""Read a quiz file of the one question model: every schema problem with file, line and field."""

from __future__ import annotations

from pathlib import Path

from ..content import datafile
from ..content.parse import line_of
from ..content.problems import Problem, dotted

SCHEMAS = Path(__file__).parent / "schemas"
QUESTION = SCHEMAS / "question.json"  # the one question schema (definitions only)


def read(path: Path, schema: Path, label: str | None = None) -> tuple[object, list[Problem]]:
    """Parse and validate one YAML quiz file against a quiz file schema (e.g. SCHEMAS/practice.json)."""
    return datafile.read(path, schema, label)


def problem(path: Path, label: str, field: list, message: str) -> Problem:
    """A problem at a field of a file, with the field's line."""
    return Problem(label, line_of(path, field), dotted(field), message)
