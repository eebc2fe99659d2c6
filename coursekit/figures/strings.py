"""Bilingual strings kept in a YAML file beside the code, validated against a JSON Schema."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..content import datafile

HERE = Path(__file__).parent


class Strings:
    """labels: key -> {id, en}; `get(key, lang, **fill)` fills {placeholders}."""

    def __init__(self, labels: dict):
        self.labels = labels

    def get(self, key: str, lang: str, **fill) -> str:
        text = self.labels[key][lang]
        return " ".join(text.format(**fill).split()) if fill else " ".join(text.split())


@cache
def strings() -> Strings:
    return Strings(datafile.load(HERE / "strings.yaml", HERE / "strings.schema.json")["labels"])
