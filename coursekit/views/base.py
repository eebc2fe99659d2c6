"""The base of every rich object: one template pair, rendered in the chosen language."""

from __future__ import annotations

import copy

from ..lang import resolve
from ..render import render


class View:
    template = ""  # templates/html/<template>.html.j2 and templates/text/<template>.txt.j2

    def __init__(self, lang: str | None = None):
        self._lang = resolve(lang) if lang else None

    @property
    def lang(self) -> str:
        return resolve(self._lang)

    def context(self) -> dict:
        raise NotImplementedError

    def in_lang(self, lang: str):
        """The same object shown in another language."""
        other = copy.copy(self)
        other._lang = resolve(lang)
        return other

    def _repr_html_(self) -> str:
        return render(
            "templates", f"html/{self.template}.html.j2", self.lang, **store_helpers(), **self.context()
        )

    def __str__(self) -> str:
        return render(
            "templates", f"text/{self.template}.txt.j2", self.lang, **store_helpers(), **self.context()
        )

    def __repr__(self) -> str:
        return str(self)


def store_helpers() -> dict:
    """What the content templates look up: src(slug) a source, get(kind, slug) any item."""
    from ..content import content

    store = content()
    return {"src": lambda slug: store.get("source", slug), "get": store.get}
