"""The JSON Schemas of the content kinds: fast validation, and full reports.

Valid content is checked by validators that fastjsonschema generated from the schemas
(see codegen.py; fast, stops at the first error). Only when one fails is the file checked
again with jsonschema, which lists every error.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import import_module
from pathlib import Path

from .problems import allowed, did_you_mean

LANGUAGES = {"id": "Indonesian", "en": "English"}


@cache
def schema(kind: str) -> dict:
    """The schema of a kind, with the shared definitions merged in."""
    folder = Path(__file__).parent / "schemas"
    common = json.loads((folder / "common.json").read_text(encoding="utf-8"))["definitions"]
    doc = json.loads((folder / f"{kind}.json").read_text(encoding="utf-8"))
    doc["definitions"] = {**common, **doc.get("definitions", {})}
    return doc


def is_valid(kind: str, data: object) -> bool:
    """True when data matches the kind's schema (fast path: generated validators, see codegen)."""
    from fastjsonschema import JsonSchemaException

    validator = import_module(f"{__package__}.validators.{kind}")
    try:
        validator.validate(data)
    except JsonSchemaException:
        return False
    return True


def errors(kind: str, data: object) -> list[tuple[list, str]]:
    """Every schema error of data, as (field path, message), sorted by path."""
    import jsonschema

    validator = jsonschema.Draft7Validator(schema(kind))
    found: list[tuple[list, str]] = []
    for err in validator.iter_errors(data):
        found.extend(describe(err))
    return sorted(found, key=lambda e: [str(p) for p in e[0]])


def describe(err) -> list[tuple[list, str]]:
    """One jsonschema error as (field path, message) pairs in plain words."""
    path, inst, sch, kind = list(err.absolute_path), err.instance, err.schema, err.validator
    if kind == "additionalProperties":
        keys = list(sch.get("properties", {}))
        return [
            (path + [k], f"unknown key {k!r}; allowed: {allowed(keys)}{did_you_mean(k, keys)}")
            for k in inst
            if k not in keys
        ]
    if kind == "required":
        out = []
        for key in (k for k in sch["required"] if k not in inst):
            if key in LANGUAGES:
                out.append((path + [key], f"missing the {LANGUAGES[key]} text ({key!r})"))
            else:
                about = sch.get("properties", {}).get(key, {}).get("description", "")
                out.append((path + [key], f"missing required field {key!r}. {about}".strip()))
        return out
    if kind == "enum":
        opts = sch["enum"]
        return [(path, f"{inst!r} is not allowed; allowed: {allowed(opts)}{did_you_mean(inst, opts)}")]
    if kind == "pattern":
        if sch["pattern"] == "\\S":
            lang = LANGUAGES.get(str(path[-1]) if path else "", "")
            return [(path, f"empty {lang + ' ' if lang else ''}text; write it out".replace("  ", " "))]
        return [(path, f"{inst!r} is not valid: {sch.get('description', sch['pattern'])}")]
    if kind == "type":
        want = sch["type"]
        if want == "object" and sch.get("required") == ["id", "en"]:
            want = "a bilingual text {id: ..., en: ...}"
        return [(path, f"expected {want}, got {_typename(inst)} {_short(inst)}")]
    if kind == "minItems":
        return [(path, f"needs at least {sch['minItems']} item(s), has {len(inst)}")]
    if kind == "uniqueItems":
        dup = sorted({str(x) for x in inst if inst.count(x) > 1})
        return [(path, f"duplicate items: {', '.join(dup)}")]
    return [(path, f"{_short(inst)}: {err.message}")]


def _typename(value: object) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", bool: "true/false"}
    return "nothing (empty)" if value is None else names.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

