"""Read one YAML data file and validate it against a JSON Schema, reporting every problem.

For the parts of coursekit that keep their own data beside the code (widget strings, figure
labels, self-check sources, the question bank): the same messages as the content loader, the
same fast path (fastjsonschema, compiled once per schema) and the full error list only when
something is wrong.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .parse import line_of, read_yaml
from .problems import ContentError, Problem, dotted
from .schema import describe
from .schema import schema as content_schema


def load_schema(path: Path | str) -> dict:
    """A schema file with the content's shared definitions (text, slug, ...) merged in, and the
    definitions of the schema files it names in "$merge" (paths relative to it)."""
    return _load_schema(str(path))


@cache
def _load_schema(path: str) -> dict:
    doc = json.loads(Path(path).read_text(encoding="utf-8"))
    merged = dict(content_schema("ui")["definitions"])
    for other in doc.pop("$merge", []):  # schema files whose definitions this one uses
        merged.update(_load_schema(str(Path(path).parent / other))["definitions"])
    doc["definitions"] = {**merged, **doc.get("definitions", {})}
    return doc


@cache
def _fast(path: str):
    import fastjsonschema

    return fastjsonschema.compile(_load_schema(path))


def schema_errors(schema_path: Path | str, data: object) -> list[tuple[list, str]]:
    """Every schema error of data as (field path, message), sorted; [] when valid."""
    from fastjsonschema import JsonSchemaException

    try:
        _fast(str(schema_path))(data)
        return []
    except JsonSchemaException:
        pass
    import jsonschema

    found = set()
    for err in jsonschema.Draft7Validator(_load_schema(str(schema_path))).iter_errors(data):
        if err.validator in ("if", "allOf"):  # their sub-errors are reported one by one
            continue
        found.update((tuple(p), m) for p, m in describe(err))
    return sorted(((list(p), m) for p, m in found), key=lambda e: [str(x) for x in e[0]])


def read(path: Path, schema_path: Path | str, label: str | None = None) -> tuple[object, list[Problem]]:
    """Parse and validate one YAML file; (data or None, every problem with file/line/field)."""
    label = label or str(path)
    data, problems = read_yaml(path, label)
    if problems:
        return None, problems
    found = schema_errors(schema_path, data)
    if found:
        return None, [Problem(label, line_of(path, p), dotted(p), m) for p, m in found]
    return data, []


def load(path: Path, schema_path: Path | str) -> object:
    """Like read(), but raise ContentError listing every problem."""
    data, problems = read(path, schema_path)
    if problems:
        raise ContentError(problems)
    return data
