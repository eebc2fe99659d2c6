"""references() finds every value a schema marks with 'x-refers-to', with its field path and the kind
it names, through $ref, properties, items and additionalProperties; odd shapes never crash it."""

from __future__ import annotations

import pytest
import yaml

from coursekit.content.refs import references
from coursekit.content.schema import schema
from tests.conftest import FIXTURES

# Schemas live as long as the module: references() keeps one plan per schema object.
SCHEMA = {
    "definitions": {
        "slug": {"type": "string"},
        "source_slug": {"type": "string", "x-refers-to": "source"},
    },
    "type": "object",
    "properties": {
        "module": {"$ref": "#/definitions/slug", "x-refers-to": "module"},
        "origin": {"$ref": "#/definitions/source_slug"},
        "cases": {"type": "array", "items": {"type": "string"}, "x-refers-to": "case"},
        "title": {"type": "string"},
        "rows": {"type": "array", "items": {
            "type": "object", "properties": {"concept": {"type": "string", "x-refers-to": "concept"}}}},
        "axes": {"type": "object", "additionalProperties": {
            "type": "object", "properties": {"related": {"type": "array", "x-refers-to": "case"}}}},
    },
}


def found(data) -> list[tuple[list, str, str]]:
    return list(references(data, SCHEMA))


def test_marked_fields_are_found_with_path_and_kind():
    data = {"module": "m1", "origin": "deck", "title": "not a reference", "cases": ["dsni", "iaf"]}
    assert found(data) == [(["module"], "m1", "module"), (["origin"], "deck", "source"),
                           (["cases", 0], "dsni", "case"), (["cases", 1], "iaf", "case")]


def test_the_mark_may_sit_in_a_shared_definition():
    assert found({"origin": "deck"}) == [(["origin"], "deck", "source")]


def test_items_and_mappings_of_any_key_are_searched():
    data = {"rows": [{"concept": "komunitas"}, {}, {"concept": "kekuatan"}],
            "axes": {"conflict-consensus": {"related": ["dsni"]}, "other": {}}}
    assert found(data) == [(["rows", 0, "concept"], "komunitas", "concept"),
                           (["rows", 2, "concept"], "kekuatan", "concept"),
                           (["axes", "conflict-consensus", "related", 0], "dsni", "case")]


@pytest.mark.parametrize("data", [
    {},
    {"cases": [1, None, {"a": "b"}]},  # only text can name an item
    {"module": 7, "rows": "m1", "axes": ["x"]},  # wrong shapes: a schema error, never a crash
    [],
    "m1",
    None,
])
def test_odd_shapes_give_no_reference(data):
    assert found(data) == []


def test_text_among_other_values_in_a_list_is_still_found():
    assert found({"cases": [1, "dsni"]}) == [(["cases", 1], "dsni", "case")]


@pytest.mark.parametrize(("kind", "file", "expected"), [
    ("case", "cases/dsni.yaml", [
        (["period", "source"], "deck", "source"), (["modules", 0], "m1", "module"),
        (["sources", 0], "deck", "source")]),
    ("comparison", "comparisons/conflict-consensus.yaml", [
        (["module"], "m1", "module"), (["outline", 0], "T2", "outline"),
        (["approaches", 0, "cases", 0], "dsni", "case"), (["sources", 0], "deck", "source")]),
    ("module", "modules/m1.yaml", [
        (["outline", 0], "K1", "outline"), (["outline", 1], "T2", "outline"),
        (["concepts", 0], "komunitas", "concept"), (["frameworks", 0], "goals", "framework"),
        (["comparisons", 0], "conflict-consensus", "comparison"), (["cases", 0], "dsni", "case")]),
])
def test_references_of_real_items(kind, file, expected):
    data = yaml.safe_load((FIXTURES / "content" / file).read_text(encoding="utf-8"))
    assert list(references(data, schema(kind))) == expected
