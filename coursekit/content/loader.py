"""Load a content folder: parse every file, validate it, check across files, report all problems."""

from __future__ import annotations

import os
from pathlib import Path

from .checks import cross_checks
from .kinds import KINDS
from .parse import line_of, read_yaml
from .problems import ContentError, Problem, allowed, did_you_mean, dotted
from .schema import errors, is_valid
from .store import Content

BUILTIN = Path(__file__).parent / "data"


def load(root: os.PathLike | str | None = None) -> Content:
    """Load and validate a content folder (default: the built-in content); raise ContentError."""
    content, problems = check(root)
    if problems:
        raise ContentError(problems)
    return content


def check(root: os.PathLike | str | None = None) -> tuple[Content | None, list[Problem]]:
    """Load a content folder; return (content or None, every problem found)."""
    root = Path(root) if root is not None else BUILTIN
    if not root.is_dir():
        return None, [Problem(str(root), 0, "", "not a folder of course content")]
    items: dict[str, dict] = {k.name: {} for k in KINDS}
    where: dict = {}
    broken: dict[str, set] = {k.name: set() for k in KINDS}  # slugs of files that failed
    partial: dict[str, dict] = {}  # kind -> {slug: data} of files that parse but are invalid
    problems = _unexpected(root)
    for kind, path in _files(root):
        label = _label(path)
        data, found = read_yaml(path, label)
        problems += found
        if not found and not is_valid(kind.name, data):
            found = [Problem(label, line_of(path, p), dotted(p), m) for p, m in errors(kind.name, data)]
            problems += found
        if found:
            slug = _slug_of(data, path) if kind.many else kind.name
            broken[kind.name].add(slug)
            if isinstance(data, dict):  # parsed but not valid: its references are still checked
                partial.setdefault(kind.name, {})[slug] = data
                where.setdefault((kind.name, slug), (label, path))
            continue
        slug = data.get("slug", kind.name) if kind.many else kind.name
        if kind.many and slug != path.stem:
            problems.append(Problem(label, line_of(path, ["slug"]), "slug",
                                    f"{slug!r} does not match the file name {path.stem!r}"))
        if slug in items[kind.name]:
            other = where[(kind.name, slug)][0]
            problems.append(Problem(label, line_of(path, ["slug"]), "slug",
                                    f"duplicate {kind.name} slug {slug!r}: also in {other}"))
            continue
        items[kind.name][slug] = data
        where[(kind.name, slug)] = (label, path)
    problems += cross_checks(items, where, broken, partial)
    if problems:
        return None, problems
    return Content(items), []


def _slug_of(data: object, path: Path) -> str:
    """The slug a broken file means to define, so references to it are not reported too."""
    slug = data.get("slug") if isinstance(data, dict) else None
    return slug if isinstance(slug, str) else path.stem


def _files(root: Path):
    for kind in KINDS:
        place = root / kind.path
        if kind.many:
            yield from ((kind, p) for p in sorted(place.glob("*.yaml")))
        elif place.is_file():
            yield kind, place


def _unexpected(root: Path) -> list[Problem]:
    names = [k.path for k in KINDS]
    out = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.name not in names:
            out.append(Problem(_label(entry), 0, "", f"unexpected {'folder' if entry.is_dir() else 'file'}"
                               f"; content entries are: {allowed(names)}{did_you_mean(entry.name, names)}"))
        elif entry.is_dir():
            for f in sorted(entry.iterdir()):
                if f.suffix != ".yaml" and not f.name.startswith("."):
                    out.append(Problem(_label(f), 0, "", "unexpected file; content files end in '.yaml'"))
    return out


def _label(path: Path) -> str:
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel

