"""Validate self-check data files the way the content loader does: every problem, with file/line/field.

Schemas live in ./schemas; the content's shared definitions (text, slug, ...) are merged in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ..content.parse import line_of, read_yaml
from ..content.problems import Problem, dotted
from ..content.schema import _describe
from ..content.schema import schema as content_schema

SCHEMAS = Path(__file__).parent / "schemas"


@cache
def schema(name: str) -> dict:
    doc = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
    common = content_schema("ui")["definitions"]  # the shared definitions of common.json
    doc["definitions"] = {**common, **doc.get("definitions", {})}
    return doc


@cache
def _fast(name: str):
    import fastjsonschema

    return fastjsonschema.compile(schema(name))


def errors(name: str, data: object) -> list[tuple[list, str]]:
    """Every schema error of data as (field path, message); [] when valid."""
    import fastjsonschema

    try:
        _fast(name)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    import jsonschema

    found: list[tuple[list, str]] = []
    for err in jsonschema.Draft7Validator(schema(name)).iter_errors(data):
        if err.validator in ("if", "allOf"):
            continue
        found.extend(_describe(err))
    return sorted(set((tuple(p), m) for p, m in found), key=lambda e: [str(x) for x in e[0]])


def read(path: Path, name: str, label: str | None = None) -> tuple[object, list[Problem]]:
    """Parse and validate one YAML file against schemas/<name>.json."""
    label = label or str(path)
    data, problems = read_yaml(path, label)
    if problems:
        return None, problems
    found = errors(name, data)
    if found:
        return None, [Problem(label, line_of(path, list(p)), dotted(p), m) for p, m in found]
    return data, []


def problem(path: Path, label: str, field: list, message: str) -> Problem:
    return Problem(label, line_of(path, field), dotted(field), message)
