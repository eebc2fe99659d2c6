"""Generate the lesson notebooks (notebooks/id/, notebooks/en/) from the authored lesson sources.

Lesson N teaches module mN. Every block of the source becomes one or more cells tagged
`ck-<type>` in `metadata.tags`; the notebook's `metadata.coursekit` holds `module` and `minutes`.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat import v4

from ..content import content
from ..lang import LANGS
from ..strings import say
from .source import Course, Lesson, load

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$|])")
TYPES = ("objectives", "explain", "worked-example", "activity", "reflection", "discussion",
         "self-check", "key-points", "sources")


def md(text: str) -> str:
    """Content text (not markdown) made safe for a markdown cell, on one paragraph."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))




def _other(lang: str) -> str:
    return next(x for x in LANGS if x != lang)


def setup_code(lang: str) -> str:
    return f'import coursekit as ck\nck.lang("{lang}")'


def _notebook(cells: list, lang: str, source: str, extra: dict | None = None):
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNEL), "language_info": {"name": "python"},
                   "coursekit": {"generated_from": source, "lang": lang, **(extra or {})}}
    for i, cell in enumerate(cells):
        cell.id = f"c{i:02d}"
    nb.cells = cells
    nbformat.validate(nb)
    return nb


def _title_line(lesson: Lesson, lang: str) -> str:
    return f"{say('lessons.lesson', lang)} {lesson.number} · {lesson.title(lang)}"


def _tag(cell, kind: str):
    cell.metadata["tags"] = [f"ck-{kind}"]
    return cell


def block_title(block: dict, lang: str) -> str:
    if "title" in block:
        return block["title"][lang].strip()
    return say(f"lessons.block.{block['type']}", lang)


def _heading(block: dict, lang: str) -> str:
    return f"## {md(block_title(block, lang))}\n\n*{say('lessons.minutes', lang, n=block['minutes'])}*"


def _cells(block: dict, lang: str, first: str) -> list:
    """The block's authored cells; the heading goes on the first markdown cell."""
    out = []
    for i, cell in enumerate(block.get("cells", [])):
        if "md" in cell:
            text = cell["md"][lang].strip()
            out.append(v4.new_markdown_cell(f"{first}\n\n{text}" if i == 0 else text))
        else:
            if i == 0:
                out.append(v4.new_markdown_cell(first))
            out.append(v4.new_code_cell(cell["code"].strip()))
    return out


def _block(lesson: Lesson, block: dict, lang: str) -> list:
    kind, head = block["type"], _heading(block, lang)
    module = lesson.module()
    if kind == "objectives":
        lines = [head, "", say("lessons.objectives-intro", lang), ""]
        lines += [f"{i}. {md(o[lang])}" for i, o in enumerate(module["objectives"], 1)]
        return [v4.new_markdown_cell("\n".join(lines))]
    if kind == "key-points":
        lines = [head, ""] + [f"- {md(p[lang])}" for p in module["key_points"]]
        return [v4.new_markdown_cell("\n".join(lines))]
    if kind == "sources":
        return [v4.new_markdown_cell(head + "\n\n" + _sources(lesson, lang))]
    if kind == "self-check":
        intro = f"{head}\n\n{say('lessons.self-check-intro', lang)}"
        cells = _cells(block, lang, head) or [v4.new_markdown_cell(intro)]
        return cells + [v4.new_code_cell(f'ck.quiz("{lesson.data["module"]}")')]
    if kind == "reflection":
        return [v4.new_markdown_cell(f"{head}\n\n{block['prompt'][lang].strip()}"),
                v4.new_markdown_cell(say("lessons.your-answer", lang))]
    if kind == "discussion":
        lines = [head, "", say("lessons.discussion-intro", lang), ""]
        lines += [f"{i}. {q[lang].strip()}" for i, q in enumerate(block["questions"], 1)]
        return [v4.new_markdown_cell("\n".join(lines))]
    if kind == "activity":
        where = say(f"lessons.where.{block['where']}", lang)
        practised = ", ".join(str(n) for n in block["practices"])
        head += f" · *{where}* · *{say('lessons.practices', lang, n=practised)}*"
        return _cells(block, lang, head) + [v4.new_markdown_cell(say("lessons.your-answer", lang))]
    return _cells(block, lang, head)


def lesson_notebook(course: Course, lesson: Lesson, lang: str):
    other = _other(lang)
    start = course.start["files"][lang] + ".ipynb"
    head = [f"# {md(_title_line(lesson, lang))}", "",
            say("lessons.language-switch", lang, title=md(_title_line(lesson, other)),
               link=f"../{other}/{lesson.file(other)}"),
            "", f"[{say('lessons.start-page', lang)}]({start}) · "
                f"*{say('lessons.total-minutes', lang, n=lesson.minutes)}*",
            "", lesson.data["intro"][lang].strip()]
    cells = [v4.new_markdown_cell("\n".join(head)),
             v4.new_markdown_cell(say("lessons.setup", lang)), v4.new_code_cell(setup_code(lang))]
    for block in lesson.data["blocks"]:
        cells += [_tag(c, block["type"]) for c in _block(lesson, block, lang)]
    cells.append(v4.new_markdown_cell(_nav(course, lesson, lang)))
    return _notebook(cells, lang, f"lessons/{lesson.path.name}",
                     {"module": lesson.data["module"], "minutes": lesson.minutes})


def lesson_sources(lesson: Lesson) -> list[str]:
    """Source slugs of the lesson: the module's, in order, without repeats."""
    return list(dict.fromkeys(lesson.module().get("sources", [])))


def citation(src: dict, lang: str) -> str:
    """The reference as written (bibliographic, any language) plus its note in the reader's language."""
    note = f" {md(src['citation_note'][lang])}" if "citation_note" in src else ""
    return md(src["citation"]) + note


def _sources(lesson: Lesson, lang: str) -> str:
    lines = []
    for slug in lesson_sources(lesson):
        src = content().get("source", slug)
        lines.append(f"- {citation(src, lang)} *({md(say('content.status.' + src['status'], lang))})*  \n"
                     f"  {md(src['note'][lang])}")
    return "\n".join(lines)


def _nav(course: Course, lesson: Lesson, lang: str) -> str:
    parts = []
    i = course.lessons.index(lesson)
    if i > 0:
        prev = course.lessons[i - 1]
        parts.append(f"← {say('lessons.previous', lang)}: [{md(_title_line(prev, lang))}]({prev.file(lang)})")
    start = course.start["files"][lang] + ".ipynb"
    parts.append(f"[{say('lessons.start-page', lang)}]({start})")
    if i + 1 < len(course.lessons):
        nxt = course.lessons[i + 1]
        parts.append(f"{say('lessons.next', lang)}: [{md(_title_line(nxt, lang))}]({nxt.file(lang)}) →")
    return "---\n\n" + " · ".join(parts)


def start_notebook(course: Course, lang: str):
    start, other = course.start, _other(lang)
    head = [f"# {start['title'][lang].strip()}", "",
            say("lessons.language-switch", lang, title=md(start["title"][other]),
               link=f"../{other}/{start['files'][other]}.ipynb"),
            "", start["intro"][lang].strip()]
    cells = [v4.new_markdown_cell("\n".join(head)), v4.new_markdown_cell(start["how_to"][lang].strip()),
             v4.new_markdown_cell(f"## {say('lessons.lessons', lang)}")]
    for lesson in course.lessons:
        minutes = say("lessons.module-minutes", lang, m=lesson.data["module"].upper(), n=lesson.minutes)
        lines = [f"### [{md(_title_line(lesson, lang))}]({lesson.file(lang)})", "", f"*{minutes}*", ""]
        lines += [f"- {md(o[lang])}" for o in lesson.module()["objectives"]]
        cells.append(v4.new_markdown_cell("\n".join(lines)))
    cells.append(v4.new_markdown_cell(start["progress"][lang].strip()))
    cells.append(v4.new_code_cell(setup_code(lang) + "\nck.progress()"))
    if "outro" in start:
        cells.append(v4.new_markdown_cell(start["outro"][lang].strip()))
    minutes = sum(x.minutes for x in course.lessons)
    return _notebook(cells, lang, "lessons/00-start.yaml", {"module": None, "minutes": minutes})


def outputs(root: Path) -> dict[Path, str]:
    """Every lesson notebook and start page: path (relative to root) -> its file text."""
    course = load(root)
    out = {}
    for lang in LANGS:
        folder = Path("notebooks") / lang
        out[folder / f"{course.start['files'][lang]}.ipynb"] = _text(start_notebook(course, lang))
        for lesson in course.lessons:
            out[folder / lesson.file(lang)] = _text(lesson_notebook(course, lesson, lang))
    return out


def _text(nb) -> str:
    return nbformat.writes(nb) + "\n"
