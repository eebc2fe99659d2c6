"""Render this part's templates (templates/*.html.j2 for notebooks, *.txt.j2 for terminals)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@cache
def _env():
    import jinja2

    from ..render import _wrap

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["wrap"] = _wrap
    return env


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> with helpers t(text), s(key, **fields), label(key)."""
    from .strings import s

    def t(text):
        return text[lang] if isinstance(text, dict) else text

    return (
        _env()
        .get_template(name)
        .render(lang=lang, t=t, s=lambda key, **kw: s(key, lang, **kw), **context)
        .strip()
        + "\n"
    )
