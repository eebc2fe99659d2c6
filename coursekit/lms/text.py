"""Bilingual text in an export: one language, or both through Moodle's multilang filters."""

from __future__ import annotations

import html as _html

from ..strings import pick

LANGS = ("id", "en")
CHOICES = ("id", "en", "both")


def plain(text: dict | str | None, lang: str) -> str:
    """The text in one language ('both' gives 'Indonesian / English'), no markup."""
    if lang == "both" and isinstance(text, dict):
        return " / ".join(dict.fromkeys(text[x] for x in LANGS))  # one when both are the same
    return pick(text, lang)


def html(text: dict | str | None, lang: str, mlang: bool = False) -> str:
    """The text as an HTML fragment, escaped; 'both' wraps each language for Moodle's filters.

    filter_multilang (core): <span lang="id" class="multilang">..</span>;
    filter_multilang2 (mlang=True): {mlang id}..{mlang}.
    """
    if text is None:
        return ""
    if isinstance(text, str) or lang != "both":
        return _html.escape(plain(text, lang), quote=False)
    parts = []
    for x in LANGS:
        body = _html.escape(text[x], quote=False)
        parts.append(f"{{mlang {x}}}{body}{{mlang}}" if mlang else
                     f'<span lang="{x}" class="multilang">{body}</span>')
    return "".join(parts)


def paragraphs(*fragments: str) -> str:
    """HTML fragments as paragraphs, empty ones left out."""
    return "".join(f"<p>{f}</p>" for f in fragments if f)


def points(value: float) -> str:
    return f"{value:g}"


def general_feedback(q, lang: str, mlang: bool = False) -> str:
    """The rationale shown after the attempt: true/false and short answer have one, matching
    one per pair (Moodle has no per-pair feedback)."""
    if q.type == "matching":
        rows = "".join(f"<li>{html(p.text, lang, mlang)}: {html(p.why, lang, mlang)}</li>"
                       for p in q.left if p.why)
        return f"<ul>{rows}</ul>" if rows else ""
    return html(q.why, lang, mlang) if q.type in ("true-false", "short") else ""
