"""The display title of an item of any kind."""

from __future__ import annotations

FIELD = {"concept": "term", "framework": "title", "comparison": "title", "case": "name",
         "module": "title"}


def title(kind: str, item: dict, lang: str) -> str:
    if kind == "source":
        return item.get("short") or item["citation"]
    if kind == "case":
        name = item["name"][lang]
        short = item["short"][lang]
        return name if short in name else f"{short}: {name}"
    return item[FIELD[kind]][lang]
