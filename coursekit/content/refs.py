"""Find cross-file references in an item, as declared by 'x-refers-to' in its schema."""

from __future__ import annotations

from collections.abc import Iterator

KEY = "x-refers-to"


def references(data: object, root: dict) -> Iterator[tuple[list, str, str]]:
    """Yield (field path, slug, kind referred to) for every reference in data."""
    yield from _walk(data, root, root, [])


def _walk(data, sch: dict, root: dict, path: list):
    target = sch.get(KEY)
    if "$ref" in sch:
        name = sch["$ref"].rsplit("/", 1)[-1]
        sch = {**root["definitions"][name], **{k: v for k, v in sch.items() if k != "$ref"}}
        target = target or sch.get(KEY)
    if target:
        values = data if isinstance(data, list) else [data]
        for i, value in enumerate(values):
            if isinstance(value, str):
                yield (path + [i] if isinstance(data, list) else path), value, target
        return
    if isinstance(data, dict):
        props = sch.get("properties", {})
        extra = sch.get("additionalProperties")
        for key, value in data.items():
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if sub:
                yield from _walk(value, sub, root, path + [key])
    elif isinstance(data, list) and isinstance(sch.get("items"), dict):
        for i, value in enumerate(data):
            yield from _walk(value, sch["items"], root, path + [i])
