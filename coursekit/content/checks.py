"""Checks across files: slugs, references, coverage of the outline, internal consistency."""

from __future__ import annotations

from .problems import Problem, allowed, did_you_mean, dotted
from .refs import references
from .schema import schema


def cross_checks(items: dict, where: dict, broken: dict, partial: dict | None = None) -> list[Problem]:
    """Check the valid items against each other.

    items: kind -> {slug: data} of valid files; where: (kind, slug) -> (file label, path on
    disk); broken: kind -> slugs of files already reported as invalid, whose items are taken
    to exist (so one broken file does not make every reference to it a second problem);
    partial: kind -> {slug: data} of files that parsed but failed their schema: their
    references are checked too (a schema error never hides a reference error in the same file).
    """
    from .parse import line_of

    slugs = {kind: set(found) | broken[kind] for kind, found in items.items()}
    slugs["outline"] = {i["id"] for i in _outline(items)}
    skip = {"outline"} if broken["outline"] else set()
    out: list[Problem] = []

    def report(kind, slug, path, message):
        label, disk = where[(kind, slug)]
        out.append(Problem(label, line_of(disk, path), dotted(path), message))

    def check_references(kind, slug, data):
        for path, value, target in references(data, schema(kind)):
            known = slugs.get(target, set())
            if value not in known and target not in skip:
                hint = did_you_mean(value, known) or (
                    f"; known: {allowed(known)}" if known else f"; no {target} is defined")
                report(kind, slug, path, f"no {target} {value!r}{hint}")

    for kind, found in items.items():
        if kind in ("outline", "ui"):
            continue
        for slug, data in found.items():
            check_references(kind, slug, data)
            for path, message in _consistency(kind, data):
                report(kind, slug, path, message)
    for kind, found in (partial or {}).items():
        if kind not in ("outline", "ui"):
            for slug, data in found.items():
                check_references(kind, slug, data)

    if broken["module"]:
        return out  # coverage cannot be judged while a module file is broken
    taught = {oid for m in items.get("module", {}).values() for oid in m.get("outline", [])}
    for i, item in enumerate(_outline(items)):
        if item["id"] not in taught:
            report("outline", "outline", ["items", i, "id"],
                   f"outline item {item['id']!r} is taught by no module (add it to a module's 'outline')")
    return out


def _outline(items: dict) -> list[dict]:
    doc = items.get("outline", {}).get("outline")
    return doc["items"] if doc else []


def _consistency(kind: str, data: dict):
    """Rules a schema cannot say: unique keys within an item, complete comparison tables."""
    if kind == "framework":
        yield from _unique(data["elements"], "key", ["elements"])
    if kind == "comparison":
        yield from _unique(data["approaches"], "key", ["approaches"])
        for i, approach in enumerate(data["approaches"]):
            missing = [d for d in data["dimensions"] if d not in approach["points"]]
            for dim in missing:
                yield (["approaches", i, "points"],
                       f"no points for dimension {dim!r} (every listed dimension needs points)")
            for dim in approach["points"]:
                if dim not in data["dimensions"]:
                    yield (["approaches", i, "points", dim],
                           f"dimension {dim!r} is not listed in 'dimensions': {allowed(data['dimensions'])}")


def _unique(rows: list, key: str, path: list):
    seen: set = set()
    for i, row in enumerate(rows):
        if row[key] in seen:
            yield path + [i, key], f"duplicate {key} {row[key]!r}"
        seen.add(row[key])
