"""Read and check the semester plan; build its notebooks (one per language)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import v4

from ..content import content
from ..content.datafile import read as validate
from ..content.parse import line_of, read_yaml
from ..content.problems import ContentError, Problem, allowed, did_you_mean, dotted
from ..lang import LANGS
from ..lessons.build import citation, md
from ..lessons.source import Course
from ..lessons.source import load as load_course
from ..project.build import load as load_project
from ..strings import say

HERE = Path(__file__).parent
SOURCE = Path("lessons") / "rps.yaml"
OUT = Path("lecturer")
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


QUIZZES = Path("exercises") / "quizzes.yaml"


def quizzes(root: Path) -> dict:
    """The graded quizzes by id (the bank's quizzes.yaml; checked by `coursekit build`)."""
    return _quizzes(root)[0]


def _quizzes(root: Path) -> tuple[dict, list[Problem]]:
    path = Path(root) / QUIZZES
    if not path.is_file():
        return {}, [Problem(str(QUIZZES), 0, "", "missing: the syllabus names its quizzes from it")]
    data, problems = read_yaml(path, str(QUIZZES))
    found = data.get("quizzes", []) if isinstance(data, dict) else []
    return {q["id"]: q for q in found if isinstance(q, dict) and "id" in q}, problems


def read(root: Path, course: Course) -> tuple[dict | None, list[Problem]]:
    path = Path(root) / SOURCE
    data, problems = validate(path, HERE / "syllabus.schema.json")
    if data is None:
        return None, problems

    def problem(field: list, message: str) -> None:
        problems.append(Problem(str(path), line_of(path, field), dotted(field), message))

    def unknown(field: list, what: str, value, known) -> None:
        problem(field, f"no {what} {value!r}{did_you_mean(value, known)}; known: {allowed(known)}")

    numbers = [m["n"] for m in data["meetings"]]
    if numbers != list(range(1, len(numbers) + 1)):
        problem(["meetings"], f"meetings must be numbered 1..{len(numbers)} in order; found {numbers}")
    taught = [n for m in data["meetings"] for n in m["lessons"]]
    want = [x.number for x in course.lessons]
    if sorted(taught) != want:
        problem(["meetings"], f"every lesson exactly once; the meetings teach {sorted(taught)}, "
                              f"lessons are {want}")
    known, bad = _quizzes(root)
    problems += bad
    if not bad:  # a missing or broken quizzes file is the one problem, not every quiz named
        for part in ("meetings", "assessment"):
            for i, m in enumerate(data[part]):
                if "quiz" in m and m["quiz"] not in known:
                    unknown([part, i, "quiz"], "quiz", m["quiz"], known)
    total = sum(a["weight"] for a in data["assessment"])
    if total != 100:
        problem(["assessment"], f"the weights add up to {total}, not 100")
    modules = sorted(m for c in data["cpmk"] for m in c["modules"])
    if modules != sorted(x.data["module"] for x in course.lessons):
        problem(["cpmk"], f"every module in exactly one CPMK; found {modules}")
    cpl = {c["code"] for c in data["cpl"]}
    for i, c in enumerate(data["cpmk"]):
        for j, code in enumerate(c["cpl"]):
            if code not in cpl:
                unknown(["cpmk", i, "cpl", j], "CPL", code, cpl)
    sources = {s["slug"] for s in content().all("source")}
    for part in ("required", "further"):
        for j, slug in enumerate(data["readings"][part]):
            if slug not in sources:
                unknown(["readings", part, j], "source", slug, sources)
    return (None if problems else data), problems


def load(root: Path) -> dict:
    data, problems = read(root, load_course(root))
    if problems:
        raise ContentError(problems)
    return data



def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(" ".join(str(c).split()) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def sections(root: Path, data: dict, lang: str) -> list[str]:
    """The syllabus as markdown sections (one notebook cell each; also the printable page)."""
    course = load_course(root)
    project = load_project(root)
    known = quizzes(root)
    by_number = {x.number: x for x in course.lessons}
    c = data["course"]
    out = [f"# {say('lessons.rps-title', lang)}: {c['title'][lang]}\n\n"
           + _table([say("lessons.rps-field", lang), ""],
                    [[say("lessons.rps-code", lang), c["code"]], [say("lessons.rps-credits", lang),
                                                                  c["credits"]],
                     [say("lessons.rps-semester", lang), c["semester"][lang]]])
           + f"\n\n{c['description'][lang].strip()}"]
    cpl = "\n".join(f"- **{x['code']}** {x['text'][lang]}" for x in data["cpl"])
    out.append(f"## {say('lessons.rps-cpl', lang)}\n\n{cpl}")
    rows = []
    for x in data["cpmk"]:
        lessons = ", ".join(f"{say('lessons.lesson', lang)} {int(m[1:])}" for m in x["modules"])
        rows.append([f"**{x['code']}**", x["text"][lang], ", ".join(x["cpl"]), lessons])
    out.append(f"## {say('lessons.rps-cpmk', lang)}\n\n" + _table(
        [say("lessons.rps-code", lang), say("lessons.rps-outcome", lang), "CPL", say("lessons.rps-lessons",
                                                                                     lang)], rows))
    rows = []
    for x in data["cpmk"]:
        for m in x["modules"]:
            for i, obj in enumerate(content().get("module", m)["objectives"], 1):
                rows.append([f"{m.upper()}.{i}", md(obj[lang]), x["code"]])
    out.append(f"## {say('lessons.rps-sub-cpmk', lang)}\n\n" + _table(
        [say("lessons.rps-code", lang), say("lessons.rps-outcome", lang), "CPMK"], rows))
    milestones = {m["week"]: m for m in project["milestones"]}
    rows = []
    for m in data["meetings"]:
        what, minutes = [], 0
        for n in m["lessons"]:
            lesson = by_number[n]
            minutes += lesson.minutes
            acts = "; ".join(b["title"][lang] for b in lesson.blocks("activity"))
            what.append(f"{say('lessons.lesson', lang)} {n}: {md(lesson.title(lang))} ({acts}; "
                        f"{say('lessons.rps-discussion', lang)}; {say('lessons.self-check', lang).lower()})")
        if "note" in m:
            what.append(md(m["note"][lang]))
        if "exam" in m:
            what.append(f"**{md(m['exam'][lang])}**")
        if "quiz" in m:
            what.append(f"**{md(known[m['quiz']]['title'][lang])}**")
        if m["n"] in milestones:
            ms = milestones[m["n"]]
            what.append(f"{say('lessons.rps-project', lang)}: {md(ms['title'][lang])} "
                        f"({md(ms['deliverable'][lang])})")
        rows.append([m["n"], "<br>".join(what), minutes or ""])
    out.append(f"## {say('lessons.rps-meetings', lang)}\n\n" + _table(
        [say("lessons.rps-meeting", lang), say("lessons.rps-content", lang), say("lessons.rps-minutes",
                                                                                 lang)], rows))
    rows = [[md(a["what"][lang]), f"{a['weight']}%"] for a in data["assessment"]]
    out.append(f"## {say('lessons.rps-assessment', lang)}\n\n" + _table(
        [say("lessons.rps-component", lang), say("lessons.rps-weight", lang)], rows))
    refs = []
    for part in ("required", "further"):
        refs.append(f"### {say('lessons.rps-readings-' + part, lang)}\n")
        for slug in data["readings"][part]:
            refs.append(f"- {citation(content().get('source', slug), lang)}")
        refs.append("")
    out.append(f"## {say('lessons.rps-readings', lang)}\n\n" + "\n".join(refs).strip())
    return out


def notebook(root: Path, data: dict, lang: str):
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNEL), "language_info": {"name": "python"},
                   "coursekit": {"generated_from": str(SOURCE), "lang": lang}}
    nb.cells = [v4.new_markdown_cell(text) for text in sections(root, data, lang)]
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:02d}"
    nbformat.validate(nb)
    return nb


def outputs(root: Path) -> dict[Path, str]:
    data = load(root)
    return {OUT / f"rps-{lang}.ipynb": nbformat.writes(notebook(root, data, lang)) + "\n" for lang in LANGS}
