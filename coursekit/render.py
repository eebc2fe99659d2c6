"""The one Jinja environment factory and renderer for every template folder.

Templates get `say(key, **fields)` and `pick(text)` (coursekit.strings, in the `lang` being
rendered) and a `wrap` filter for terminal text. HTML (*.html.j2) is autoescaped; a missing
value is an error (an optional field tests false and iterates empty).
"""

from __future__ import annotations

import re
import textwrap
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).parent


def environment(folder: Path | str):
    """The strict Jinja environment for one template folder (a path, or one relative to the
    package such as "widgets/templates")."""
    env = _BY_NAME.get(folder)
    if env is None:  # (the class grader renders ~50 templates per student: no path joins)
        env = _BY_NAME[folder] = _environment(HERE / folder)
    return env


_BY_NAME: dict = {}  # folder as given -> its environment


@cache
def _environment(folder: Path):
    import jinja2

    from . import strings

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
        auto_reload=False,  # templates are package data: no stat per render
    )
    env.filters["wrap"] = _wrap
    env.globals.clear()  # only say and pick (Jinja's range, dict, cycler ... are not used)
    env.globals["say"] = jinja2.pass_context(lambda ctx, key, **f: strings.say(key, ctx["lang"], **f))
    env.globals["pick"] = jinja2.pass_context(lambda ctx, text: strings.pick(text, ctx["lang"]))
    return env


def _wrap(text: str, indent: int = 0, hang: int = 0, width: int = 88) -> str:
    """Fill text to width; continuation lines indented by indent + hang."""
    return _fill(str(text), indent, hang, width)


@lru_cache(maxsize=4096)
def _fill(text: str, indent: int, hang: int, width: int) -> str:
    """(The same rationales are wrapped for every student a grader sees.)"""
    return textwrap.fill(" ".join(str(text).split()), width=width, initial_indent=" " * indent,
                         subsequent_indent=" " * (indent + hang))


def render(folder: Path | str, name: str, lang: str, **context) -> str:
    """Render <folder>/<name> in lang: stripped, one final new line, never a double blank line."""
    template = _TEMPLATES.get((folder, name))
    if template is None:  # (templates are package data, loaded once: no lookup per render)
        template = _TEMPLATES[folder, name] = environment(folder).get_template(name)
    return BLANKS.sub("\n\n", template.render(lang=lang, **context).strip()) + "\n"


_TEMPLATES: dict = {}  # (folder as given, name) -> its template
BLANKS = re.compile(r"\n{3,}")
