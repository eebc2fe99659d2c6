"""Search every content item for a word, in both languages, ignoring case and accents."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

SEARCHED = ("concept", "framework", "comparison", "case", "module", "source")


@dataclass(frozen=True)
class Hit:
    kind: str
    slug: str
    snippet: str  # in the requested language where the word occurs there


def fold(text: str) -> str:
    """Lowercase, accents removed, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def search(store, word: str, lang: str) -> list[Hit]:
    needle = fold(word)
    if not needle:
        return []
    hits = []
    for kind in SEARCHED:
        for item in store.all(kind):
            texts = list(_strings(item, lang))
            found = [s for own, s in texts if needle in fold(s)]
            if found:
                mine = [s for own, s in texts if own and needle in fold(s)]
                hits.append(Hit(kind, item["slug"], _snippet((mine or found)[0], needle)))
    return hits


def _strings(node, lang: str, own: bool = True):
    """(in the requested language?, string) for every string in an item."""
    if isinstance(node, str):
        yield own, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, lang, own and key not in (("id", "en")[lang == "id"],))
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value, lang, own)


def _snippet(text: str, needle: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    at = fold(flat).find(needle)
    start = max(0, at - width // 2)
    cut = flat[start:start + width]
    return ("…" if start else "") + cut + ("…" if start + width < len(flat) else "")
