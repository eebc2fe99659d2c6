"""One data file against its schema: every problem, with line, field and the shared definitions."""

import json

from coursekit.content import datafile

SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["labels"],
    "properties": {"labels": {"description": "key -> text", "type": "object",
                              "additionalProperties": {"$ref": "#/definitions/text"}}},
}


def test_every_problem_with_line(tmp_path):
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps(SCHEMA))
    bad = tmp_path / "strings.yaml"
    bad.write_text("labels:\n  ok: {id: a, en: b}\n  half: {id: a}\n  extra: {id: a, en: b, fr: c}\n")
    data, problems = datafile.read(bad, schema)
    assert data is None
    text = [str(p) for p in problems]
    assert any(":3: labels.half.en: missing the English text ('en')" in t for t in text)
    assert any(":4: labels.extra.fr: unknown key 'fr'; allowed: en, id" in t for t in text)
    good = tmp_path / "good.yaml"
    good.write_text("labels:\n  ok: {id: a, en: b}\n")
    assert datafile.load(good, schema) == {"labels": {"ok": {"id": "a", "en": "b"}}}
