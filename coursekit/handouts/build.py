"""Write the printable handouts: every lesson (run in a real kernel, so every card, figure and the
widgets' static fallback is there), the syllabus, the fieldwork project, the reference list and
the glossary, as HTML and PDF (Debian chromium prints the PDF); and the lecturer pack (model
answers, marking and discussion notes, self-check and quiz keys) into a separate folder."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat
from nbformat import v4

from ..content import content
from ..lang import LANGS
from ..lessons.build import citation, md
from ..lessons.run import execute
from ..lessons.source import load as load_course
from ..project.build import load as load_project
from ..project.build import rubric_table
from ..render import render
from ..strings import say
from .keys import bank_keys, selfcheck_keys

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
PRIORITY = ["text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown", "text/plain"]



def export_html(nb, title: str, lang: str) -> str:
    """One standalone page: code hidden, every output by its static form (text/html first)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.NbConvertBase.display_data_priority = PRIORITY
    exporter = HTMLExporter(config=config, template_name="basic", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb)
    return render("templates", "handouts/page.html.j2", lang, title=title, body=body,
                  note=say("lessons.handout-note", lang))


def printable(nb, lang: str):
    """A lesson as printed: no setup cell, an empty box for each answer, links to the HTML pages."""
    from ..lessons.build import setup_code

    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source == setup_code(lang):
            continue
        if cell.cell_type == "markdown" and cell.source == say("lessons.setup", lang):
            continue
        if cell.cell_type == "markdown" and cell.source == say("lessons.your-answer", lang):
            cell.source = render("templates", "handouts/answer-box.html.j2", lang).strip()
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace(".ipynb)", ".html)")
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)  # the live widgets' state: nothing to print
    return nb


def _md_notebook(cells: list[str]):
    nb = v4.new_notebook()
    nb.cells = [v4.new_markdown_cell(text) for text in cells]
    return nb


def chromium() -> str | None:
    return next((shutil.which(name) for name in CHROMIUM if shutil.which(name)), None)


def print_pdf(html: Path, pdf: Path, browser: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=180)


# -- pages -------------------------------------------------------------------------------------
def project_pages(root: Path, lang: str) -> list[str]:
    data = load_project(root)
    out = [f"# {data['title'][lang]}\n\n{data['brief'][lang].strip()}"]
    out.append(f"## {say('lessons.project-milestones', lang)}\n\n" + "\n".join(
        f"- **{say('lessons.week', lang, n=m['week'])}** {m['title'][lang]}: {m['deliverable'][lang]}"
        for m in data["milestones"]))
    for crit in data["criteria"]:
        out.append(f"## {crit['title'][lang]} ({crit['points']} {say('lessons.points', lang)})\n\n"
                   f"{' '.join(crit['prompt'][lang].split())}\n\n{rubric_table(crit, lang)}")
    return out


def reference_pages(lang: str) -> list[str]:
    lines = [f"# {say('lessons.references', lang)}", ""]
    for src in sorted(content().all("source"), key=lambda s: s["citation"].lower()):
        status = md(say("content.status." + src["status"], lang))
        lines.append(f"- {citation(src, lang)} *({status})*  \n  {md(src['note'][lang])}")
    return ["\n".join(lines)]


def glossary_pages(lang: str) -> list[str]:
    from ..api import glossary

    return [f"# {say('lessons.glossary', lang)}", glossary(lang=lang)._repr_html_()]


def _key_line(k: dict, lang: str) -> str:
    answer = "; ".join(md(x) for x in k["key"])
    return f"- **{k['id']}** {md(k['prompt'])}  \n  **{say('lessons.key', lang)}:** {answer}"


def lecturer_pages(root: Path, lang: str) -> list[str]:
    course = load_course(root)
    out = [f"# {say('lessons.lecturer-pack', lang)}\n\n{say('lessons.lecturer-pack-intro', lang)}"]
    for lesson in course.lessons:
        module = lesson.data["module"]
        notes = lesson.notes
        part = [f"## {say('lessons.lesson', lang)} {lesson.number} · {md(lesson.title(lang))}"]
        for block in lesson.blocks("activity"):
            note = notes["activities"][block["id"]]
            part += [f"### {md(block['title'][lang])}",
                     f"**{say('lessons.model-answer', lang)}.** {md(note['model_answer'][lang])}",
                     f"**{say('lessons.marking-guide', lang)}.** {md(note['marking'][lang])}"]
        questions = [q for b in lesson.blocks("discussion") for q in b["questions"]]
        part.append(f"### {say('lessons.block.discussion', lang)}")
        part += [f"{i}. {md(q[lang])}  \n   *{md(n[lang])}*"
                 for i, (q, n) in enumerate(zip(questions, notes["discussion"], strict=True), 1)]
        part += [f"### {say('lessons.block.reflection', lang)}", md(notes["reflection"][lang])]
        part.append(f"### {say('lessons.self-check-keys', lang)}")
        part += [_key_line(k, lang) for k in selfcheck_keys(root, module, lang)]
        part.append(f"### {say('lessons.quiz-keys', lang)}")
        part += [_key_line(k, lang) for k in bank_keys(root, module, lang)]
        out.append("\n\n".join(part))
    project = load_project(root)
    part = [f"## {md(project['title'][lang])}: {say('lessons.marking-guide', lang).lower()}"]
    for c in project["criteria"]:
        what = f"{c['points']} {say('lessons.points', lang)}; {', '.join(c['objectives'])}"
        part.append(f"- **{md(c['title'][lang])}** ({what}): {md(c['guide'][lang])}")
    out.append("\n\n".join(part))
    return out


# -- the build ---------------------------------------------------------------------------------
def build(root: Path, out: Path, lecturer: Path, pdf: bool = True, log=print) -> list[Path]:
    """Write every handout; return the files written. Lessons run in a real kernel."""
    root, out, lecturer = Path(root), Path(out), Path(lecturer)
    browser = chromium() if pdf else None
    if pdf and browser is None:
        raise RuntimeError("no chromium to print PDFs (Debian: apt-get install chromium); use --no-pdf")
    course = load_course(root)
    pages: list[tuple[Path, str, str, object]] = []  # (path without suffix, title, lang, notebook)
    for lang in LANGS:
        folder = out / lang
        with tempfile.TemporaryDirectory() as tmp:
            start = course.start["files"][lang] + ".ipynb"
            nb, _, problems = execute(root / "notebooks" / lang / start, workdir=Path(tmp))
        pages.append((folder / course.start["files"][lang], course.start["title"][lang], lang,
                      printable(nb, lang)))
        for lesson in course.lessons:
            with tempfile.TemporaryDirectory() as tmp:
                path = root / "notebooks" / lang / lesson.file(lang)
                nb, seconds, problems = execute(path, workdir=Path(tmp))
            if problems:
                raise RuntimeError(f"{lesson.file(lang)}: " + "; ".join(problems))
            log(f"ran {lang}/{lesson.file(lang)} in {seconds:.1f} s")
            title = f"{say('lessons.lesson', lang)} {lesson.number} · {lesson.title(lang)}"
            stem = folder / lesson.file(lang).removesuffix(".ipynb")
            pages.append((stem, title, lang, printable(nb, lang)))
        rps = nbformat.read(root / "lecturer" / f"rps-{lang}.ipynb", as_version=4)
        pages.append((folder / say("lessons.file-rps", lang), say("lessons.rps-title", lang), lang, rps))
        pages.append((folder / say("lessons.file-project", lang), load_project(root)["title"][lang], lang,
                      _md_notebook(project_pages(root, lang))))
        pages.append((folder / say("lessons.file-references", lang), say("lessons.references", lang), lang,
                      _md_notebook(reference_pages(lang))))
        pages.append((folder / say("lessons.file-glossary", lang), say("lessons.glossary", lang), lang,
                      _md_notebook(glossary_pages(lang))))
        pages.append((lecturer / lang / say("lessons.file-lecturer", lang), say("lessons.lecturer-pack",
                                                                                lang), lang,
                      _md_notebook(lecturer_pages(root, lang))))
    written = []
    for stem, title, lang, nb in pages:
        stem.parent.mkdir(parents=True, exist_ok=True)
        html = stem.with_suffix(".html")
        html.write_text(export_html(nb, title, lang), encoding="utf-8")
        written.append(html)
        if browser:
            print_pdf(html, stem.with_suffix(".pdf"), browser)
            written.append(stem.with_suffix(".pdf"))
        log(f"wrote {html}" + (" and .pdf" if browser else ""))
    return written
