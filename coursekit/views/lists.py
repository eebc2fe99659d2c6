"""Views of many items: the glossary and search results."""

from __future__ import annotations

from ..content import content
from ..content.search import fold, search
from .base import View


class GlossaryView(View):
    template = "glossary"

    def context(self) -> dict:
        rows = sorted(content().all("concept"), key=lambda c: fold(c["term"][self.lang]))
        return {"concepts": rows}


class SearchView(View):
    template = "search"

    def __init__(self, word: str, lang: str | None = None):
        super().__init__(lang)
        self.word = word

    @property
    def hits(self):
        return search(content(), self.word, self.lang)

    def __len__(self) -> int:
        return len(self.hits)

    def context(self) -> dict:
        return {"word": self.word, "hits": self.hits, "title": _title}


def _title(kind: str, slug: str, lang: str) -> str:
    from ..content.titles import title

    return title(kind, content().get(kind, slug), lang)
