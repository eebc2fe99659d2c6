"""Bilingual strings kept in a YAML file beside the code, validated against a JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from ..content.parse import line_of, read_yaml
from ..content.problems import ContentError, Problem, dotted
from ..content.schema import _describe

HERE = Path(__file__).parent


class Strings:
    """labels: key -> {id, en}; `get(key, lang, **fill)` fills {placeholders}."""

    def __init__(self, labels: dict):
        self.labels = labels

    def get(self, key: str, lang: str, **fill) -> str:
        text = self.labels[key][lang]
        return " ".join(text.format(**fill).split()) if fill else " ".join(text.split())


def validate(path: Path, schema_path: Path) -> tuple[object, list[Problem]]:
    """Read a YAML file and check it against a schema; every problem found, with its line.

    Valid files are checked by a fastjsonschema validator; only a failing file is checked again
    with jsonschema (slow to import) to list every problem.
    """
    import fastjsonschema

    label = str(path)
    data, problems = read_yaml(path, label)
    if problems:
        return None, problems
    schema = _schema(str(schema_path))
    try:
        _fast(str(schema_path))(data)
        return data, []
    except fastjsonschema.JsonSchemaException:
        pass
    import jsonschema

    found = []
    for err in jsonschema.Draft7Validator(schema).iter_errors(data):
        found.extend(_describe(err))
    problems = [Problem(label, line_of(path, p), dotted(p), m) for p, m in found]
    return (None if problems else data), sorted(problems)


@cache
def _schema(schema_path: str) -> dict:
    return json.loads(Path(schema_path).read_text(encoding="utf-8"))


@cache
def _fast(schema_path: str):
    import fastjsonschema

    return fastjsonschema.compile(_schema(schema_path))


@cache
def strings() -> Strings:
    data, problems = validate(HERE / "strings.yaml", HERE / "strings.schema.json")
    if problems:
        raise ContentError(problems)
    return Strings(data["labels"])
