"""Loaded, validated content, looked up by kind and slug."""

from __future__ import annotations

from .kinds import BY_NAME
from .problems import allowed, did_you_mean


class UnknownItem(LookupError):
    """No item of that kind has that slug; the message suggests near matches."""

    def __init__(self, kind: str, slug: str, known):
        self.kind, self.slug = kind, slug
        hint = did_you_mean(slug, known)
        super().__init__(f"no {kind} {slug!r}{hint}; known: {allowed(known, limit=40)}")

    def __str__(self) -> str:  # LookupError would quote the message
        return self.args[0]


class Content:
    """All course content: kind -> {slug: item}, plus the outline and the UI labels."""

    def __init__(self, items: dict[str, dict]):
        self._items = items
        self.outline: list[dict] = items["outline"]["outline"]["items"] if items["outline"] else []
        self.labels: dict = items["ui"]["ui"]["labels"] if items["ui"] else {}

    def get(self, kind: str, slug: str) -> dict:
        found = self._of(kind)
        if slug not in found:
            raise UnknownItem(kind, slug, found)
        return found[slug]

    def all(self, kind: str) -> list[dict]:
        """Items of a kind in display order (modules by number, others by slug)."""
        rows = list(self._of(kind).values())
        key = (lambda m: m["number"]) if kind == "module" else (lambda x: x["slug"])
        return sorted(rows, key=key)

    def counts(self) -> dict[str, int]:
        out = {k: len(v) for k, v in self._items.items() if BY_NAME[k].many}
        out["outline item"] = len(self.outline)
        out["label"] = len(self.labels)
        return out

    def _of(self, kind: str) -> dict:
        if kind not in self._items or not BY_NAME[kind].many:
            many = [k for k, v in BY_NAME.items() if v.many]
            raise UnknownItem("kind", kind, many)
        return self._items[kind]
