"""Render templates (HTML for notebooks, plain text for terminals) in a language."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["wrap"] = _wrap
    return env


def _wrap(text: str, indent: int = 0, width: int = 88) -> str:
    pad = " " * indent
    return textwrap.fill(" ".join(str(text).split()), width=width, initial_indent=pad,
                         subsequent_indent=pad)


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> with helpers bound to lang: t(text), label(key), src(slug)."""
    from .api import content

    store = content()

    def t(text):
        return text[lang] if isinstance(text, dict) else text

    def label(key: str) -> str:
        return store.label(key, lang)

    return _env().get_template(name).render(
        lang=lang, t=t, label=label, src=lambda slug: store.get("source", slug),
        get=store.get, **context,
    ).strip() + "\n"
