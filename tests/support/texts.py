"""Test helper: every bilingual text ({id, en} pair) in parsed YAML or JSON data."""

from __future__ import annotations


def bilingual(node):
    """The Indonesian and English strings of every {id, en} pair in node, at any depth (an 'id'
    beside no English text is an identifier, not a text)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("id", "en") and isinstance(value, str) and isinstance(node.get("en"), str):
                yield value
            else:
                yield from bilingual(value)
    elif isinstance(node, list):
        for value in node:
            yield from bilingual(value)
