"""Generate the lesson notebooks (notebooks/id/, notebooks/en/) from the authored lesson sources."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat import v4

from ..api import content
from ..lang import LANGS
from .source import Course, Lesson, load
from .strings import strings

KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>$|])")


def md(text: str) -> str:
    """Content text (not markdown) made safe for a markdown cell, on one paragraph."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _label(key: str, lang: str) -> str:
    return content().label(key, lang)


def _s(key: str, lang: str, **fill) -> str:
    return strings().get(key, lang, **fill)


def _other(lang: str) -> str:
    return next(x for x in LANGS if x != lang)


def setup_code(lang: str) -> str:
    return f'import coursekit as ck\nck.lang("{lang}")'


def _notebook(cells: list, lang: str, source: str):
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNEL), "language_info": {"name": "python"},
                   "coursekit": {"generated_from": source, "lang": lang}}
    for i, cell in enumerate(cells):
        cell.id = f"c{i:02d}"
    nb.cells = cells
    nbformat.validate(nb)
    return nb


def _title_line(lesson: Lesson, lang: str) -> str:
    return f"{_s('lesson', lang)} {lesson.number} · {lesson.title(lang)}"


def lesson_notebook(course: Course, lesson: Lesson, lang: str):
    other = _other(lang)
    start = course.start["files"][lang] + ".ipynb"
    head = [f"# {md(_title_line(lesson, lang))}", "",
            _s("language-switch", lang, title=md(_title_line(lesson, other)),
               link=f"../{other}/{lesson.file(other)}"),
            "", f"[{_s('start-page', lang)}]({start})"]
    objectives = [f"## {_label('objectives', lang)}", ""]
    objectives += [f"- {md(o[lang])}" for m in lesson.modules() for o in m["objectives"]]
    cells = [v4.new_markdown_cell("\n".join(head)), v4.new_markdown_cell("\n".join(objectives)),
             v4.new_markdown_cell(_s("setup", lang)), v4.new_code_cell(setup_code(lang)),
             v4.new_markdown_cell(lesson.data["intro"][lang].strip())]
    for section in lesson.data["sections"]:
        heading = f"## {section['title'][lang]}"
        for i, cell in enumerate(section["cells"]):
            if "md" in cell:
                text = cell["md"][lang].strip()
                cells.append(v4.new_markdown_cell(f"{heading}\n\n{text}" if i == 0 else text))
            else:
                if i == 0:
                    cells.append(v4.new_markdown_cell(heading))
                cells.append(v4.new_code_cell(cell["code"].strip()))
    cells.append(v4.new_markdown_cell(f"## {_s('self-check', lang)}\n\n{_s('self-check-intro', lang)}"))
    cells += [v4.new_code_cell(f'ck.quiz("{m}")') for m in lesson.data["modules"]]
    if "closing" in lesson.data:
        cells.append(v4.new_markdown_cell(lesson.data["closing"][lang].strip()))
    points = [f"## {_label('key-points', lang)}", ""]
    points += [f"- {md(p[lang])}" for m in lesson.modules() for p in m["key_points"]]
    cells.append(v4.new_markdown_cell("\n".join(points)))
    cells.append(v4.new_markdown_cell(_sources(lesson, lang)))
    cells.append(v4.new_markdown_cell(_nav(course, lesson, lang)))
    return _notebook(cells, lang, f"lessons/{lesson.path.name}")


def _sources(lesson: Lesson, lang: str) -> str:
    slugs = list(dict.fromkeys(s for m in lesson.modules() for s in m.get("sources", [])))
    lines = [f"## {_label('sources', lang)}", ""]
    for slug in slugs:
        src = content().get("source", slug)
        lines.append(f"- {md(src['citation'])} *({md(_label('status.' + src['status'], lang))})*")
    return "\n".join(lines)


def _nav(course: Course, lesson: Lesson, lang: str) -> str:
    parts = []
    i = course.lessons.index(lesson)
    if i > 0:
        prev = course.lessons[i - 1]
        parts.append(f"← {_s('previous', lang)}: [{md(_title_line(prev, lang))}]({prev.file(lang)})")
    start = course.start["files"][lang] + ".ipynb"
    parts.append(f"[{_s('start-page', lang)}]({start})")
    if i + 1 < len(course.lessons):
        nxt = course.lessons[i + 1]
        parts.append(f"{_s('next', lang)}: [{md(_title_line(nxt, lang))}]({nxt.file(lang)}) →")
    return "---\n\n" + " · ".join(parts)


def start_notebook(course: Course, lang: str):
    start, other = course.start, _other(lang)
    head = [f"# {start['title'][lang].strip()}", "",
            _s("language-switch", lang, title=md(start["title"][other]),
               link=f"../{other}/{start['files'][other]}.ipynb"),
            "", start["intro"][lang].strip()]
    cells = [v4.new_markdown_cell("\n".join(head)), v4.new_markdown_cell(start["how_to"][lang].strip()),
             v4.new_markdown_cell(f"## {_s('lessons', lang)}")]
    for lesson in course.lessons:
        mods = ", ".join(m["slug"].upper() for m in lesson.modules())
        lines = [f"### [{md(_title_line(lesson, lang))}]({lesson.file(lang)})", "",
                 f"*{_s('modules-covered', lang)}: {mods}*", ""]
        lines += [f"- {md(o[lang])}" for m in lesson.modules() for o in m["objectives"]]
        cells.append(v4.new_markdown_cell("\n".join(lines)))
    cells.append(v4.new_markdown_cell(start["progress"][lang].strip()))
    cells.append(v4.new_code_cell(setup_code(lang) + "\nck.progress()"))
    if "outro" in start:
        cells.append(v4.new_markdown_cell(start["outro"][lang].strip()))
    return _notebook(cells, lang, "lessons/00-start.yaml")


def outputs(root: Path) -> dict[Path, str]:
    """Every generated notebook: path (relative to root) -> its file text."""
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


def stale(root: Path) -> list[str]:
    """Notebooks that differ from what the sources generate, are missing, or are left over."""
    root = Path(root)
    want = outputs(root)
    found = []
    for rel, text in want.items():
        path = root / rel
        if not path.is_file():
            found.append(f"{rel}: missing")
        elif path.read_text(encoding="utf-8") != text:
            found.append(f"{rel}: differs from its source")
    for lang in LANGS:
        for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            if path.relative_to(root) not in want:
                found.append(f"{path.relative_to(root)}: not generated by any lesson source")
    return found


def build(root: Path) -> list[Path]:
    """Write every generated notebook; remove generated ones no source makes; return written."""
    root = Path(root)
    want = outputs(root)
    written = []
    for rel, text in want.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(rel)
    for lang in LANGS:
        for path in sorted((root / "notebooks" / lang).glob("*.ipynb")):
            if path.relative_to(root) not in want:
                path.unlink()
    return written
