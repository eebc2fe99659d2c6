"""The graded quizzes' learner-facing strings (strings.yaml) and the quiz templates."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def labels() -> dict:
    text = (resources.files(__package__) / "strings.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["labels"]


def say(key: str, lang: str, **fields) -> str:
    entry = labels()[key]
    return entry.get(lang, entry["id"]).format(**fields)


def pick(text: dict | str | None, lang: str) -> str:
    if isinstance(text, dict):
        return text.get(lang) or text.get("id", "")
    return text or ""


@cache
def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("coursekit.graded", "templates"),
                              autoescape=jinja2.select_autoescape(["html.j2"]),
                              trim_blocks=True, lstrip_blocks=True)


def render(name: str, lang: str, **ctx) -> str:
    return _env().get_template(name).render(lang=lang, say=lambda k, **f: say(k, lang, **f),
                                            t=lambda x: pick(x, lang), **ctx)
