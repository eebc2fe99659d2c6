"""Find cross-file references in an item, as declared by 'x-refers-to' in its schema.

The schema is read once per kind into a plan: the field patterns that hold references (e.g.
`approaches.*.cases.*`). Items are then searched along those patterns only.
"""

from __future__ import annotations

from collections.abc import Iterator

KEY = "x-refers-to"
ANY_INDEX, ANY_KEY = object(), object()
_plans: dict[int, list] = {}


def references(data: object, root: dict) -> Iterator[tuple[list, str, str]]:
    """Yield (field path, slug, kind referred to) for every reference in data."""
    plan = _plans.get(id(root))
    if plan is None:
        plan = _plans[id(root)] = list(_plan(root, root, ()))
    for pattern, target in plan:
        for path, value in _follow(data, pattern, []):
            if isinstance(value, list):
                yield from ((path + [i], v, target) for i, v in enumerate(value) if isinstance(v, str))
            elif isinstance(value, str):
                yield path, value, target


def _plan(sch: dict, root: dict, pattern: tuple):
    target = sch.get(KEY)
    if "$ref" in sch:
        name = sch["$ref"].rsplit("/", 1)[-1]
        sch = {**root["definitions"][name], **{k: v for k, v in sch.items() if k != "$ref"}}
        target = target or sch.get(KEY)
    if target:
        yield pattern, target
        return
    for key, sub in sch.get("properties", {}).items():
        yield from _plan(sub, root, (*pattern, key))
    if isinstance(sch.get("additionalProperties"), dict):
        yield from _plan(sch["additionalProperties"], root, (*pattern, ANY_KEY))
    if isinstance(sch.get("items"), dict):
        yield from _plan(sch["items"], root, (*pattern, ANY_INDEX))


def _follow(data, pattern: tuple, path: list):
    if not pattern:
        yield path, data
        return
    step, rest = pattern[0], pattern[1:]
    if step is ANY_INDEX:
        if isinstance(data, list):
            for i, value in enumerate(data):
                yield from _follow(value, rest, path + [i])
    elif step is ANY_KEY:
        if isinstance(data, dict):
            for key, value in data.items():
                yield from _follow(value, rest, path + [key])
    elif isinstance(data, dict) and step in data:
        yield from _follow(data[step], rest, path + [step])
