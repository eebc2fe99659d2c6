"""Render this part's templates (templates/*.html.j2 for notebooks, *.txt.j2 for terminals)."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def _env():
    from ..render import environment

    return environment(TEMPLATES)


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> with helpers t(text), s(key, **fields), label(key)."""
    from .strings import s

    def t(text):
        return text[lang] if isinstance(text, dict) else text

    text = _env().get_template(name).render(lang=lang, t=t, s=lambda key, **kw: s(key, lang, **kw), **context)
    return re.sub(r"\n{3,}", "\n\n", text.strip()) + "\n"  # never a double blank line
