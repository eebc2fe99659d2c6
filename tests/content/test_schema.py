"""The schemas: strict, described, and the fast and full validators agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from coursekit.content import kinds, schema

SCHEMAS = Path(schema.__file__).parent / "schemas"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "content"


def _objects(node, path="$"):
    if isinstance(node, dict):
        if node.get("type") == "object":
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, f"{path}[{i}]")


@pytest.mark.parametrize("kind", [k.name for k in kinds.KINDS])
def test_every_object_rejects_unknown_keys_and_every_field_is_described(kind):
    doc = schema.schema(kind)
    for path, obj in _objects(doc):
        assert "additionalProperties" in obj, f"{kind} {path} allows unknown keys"
        for name, prop in obj.get("properties", {}).items():
            ref = prop.get("$ref", "").rsplit("/", 1)[-1]
            described = "description" in prop or "description" in doc["definitions"].get(ref, {})
            assert described, f"{kind} {path}.{name} has no description"


def test_schema_files_are_json():
    for path in SCHEMAS.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*/*.yaml")), ids=lambda p: p.name)
def test_fast_and_full_validators_agree(path):
    kind = kinds.BY_PLURAL[path.parent.name].name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert schema.is_valid(kind, data) and schema.errors(kind, data) == []
    broken = {**data, "unknown_field": 1}
    assert not schema.is_valid(kind, broken)
    assert next(m for _, m in schema.errors(kind, broken)).startswith("unknown key 'unknown_field'")
