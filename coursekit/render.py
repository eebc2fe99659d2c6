"""Render templates (HTML for notebooks, plain text for terminals) in a language."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


def _env():
    return environment(TEMPLATES)


@cache
def environment(folder: Path):
    """The Jinja environment for one template folder: HTML autoescaped, strict about missing
    values (an optional field tests false), and a `wrap` filter for terminal text."""
    import jinja2

    class Optional(jinja2.StrictUndefined):
        """A missing optional field tests false and iterates empty; printing it is an error."""

        def __bool__(self) -> bool:
            return False

        def __iter__(self):
            return iter(())

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=Optional,
        keep_trailing_newline=False,
    )
    env.filters["wrap"] = _wrap
    return env


def _wrap(text: str, indent: int = 0, hang: int = 0, width: int = 88) -> str:
    """Fill text to width; continuation lines indented by indent + hang."""
    return textwrap.fill(" ".join(str(text).split()), width=width, initial_indent=" " * indent,
                         subsequent_indent=" " * (indent + hang))


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> with helpers bound to lang: t(text), label(key), src(slug)."""
    from .content import content

    store = content()

    def t(text):
        return text[lang] if isinstance(text, dict) else text

    def label(key: str) -> str:
        return store.label(key, lang)

    return _env().get_template(name).render(
        lang=lang, t=t, label=label, src=lambda slug: store.get("source", slug),
        get=store.get, **context,
    ).strip() + "\n"
