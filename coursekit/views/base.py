"""The base of every rich object: one template pair, rendered in the chosen language."""

from __future__ import annotations

import copy
import re

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
        return render(f"html/{self.template}.html.j2", self.lang, **self.context())

    def __str__(self) -> str:
        text = render(f"text/{self.template}.txt.j2", self.lang, **self.context())
        return re.sub(r"\n{3,}", "\n\n", text)  # one blank line between blocks, never two

    def __repr__(self) -> str:
        return str(self)
