"""Read and check the fieldwork project; build its nbgrader source notebook (marked by hand)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat import v4

from ..content import content
from ..content.datafile import read as validate
from ..content.problems import ContentError, Problem
from ..strings import say

HERE = Path(__file__).parent
SOURCE = Path("exercises") / "project" / "proyek-lapangan.yaml"
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def read(root: Path) -> tuple[dict | None, list[Problem]]:
    path = Path(root) / SOURCE
    data, problems = validate(path, HERE / "project.schema.json")
    if data is None:
        return None, problems
    modules = {m["slug"]: len(m["objectives"]) for m in content().all("module")}
    for i, crit in enumerate(data["criteria"]):
        for key in crit["objectives"]:
            module, n = key.split("-o")
            if int(n) > modules.get(module, 0):
                problems.append(Problem(str(path), 0, f"criteria[{i}].objectives",
                                        f"{key!r}: module {module} has {modules.get(module, 0)} objectives"))
        scores = [lv["score"] for lv in crit["levels"]]
        if scores != sorted(scores, reverse=True) or len(set(scores)) != len(scores):
            problems.append(Problem(str(path), 0, f"criteria[{i}].levels",
                                    f"scores {scores}: distinct, highest first"))
    return (None if problems else data), problems


def load(root: Path) -> dict:
    data, problems = read(root)
    if problems:
        raise ContentError(problems)
    return data



def _both(text: dict) -> str:
    """Indonesian first, English after it in italics (one notebook for both languages)."""
    en = "\n".join(f"*{line}*" if line.strip() else line for line in text["en"].strip().split("\n"))
    return f"{text['id'].strip()}\n\n{en}"


def rubric_table(crit: dict, lang: str) -> str:
    cols = [say("lessons.rubric-score", lang), say("lessons.rubric-level", lang),
            say("lessons.rubric-descriptor", lang)]
    head = "| " + " | ".join(cols) + " |"
    rows = [head, "| --- | --- | --- |"]
    rows += [f"| {lv['score']} | {lv['label'][lang]} | {' '.join(lv['descriptor'][lang].split())} |"
             for lv in crit["levels"]]
    return "\n".join(rows)


def _cell(kind, source: str, grade_id: str, **nbg):
    cell = v4.new_markdown_cell(source) if kind == "md" else v4.new_code_cell(source)
    meta = {"grade": False, "grade_id": grade_id, "locked": True, "schema_version": 3,
            "solution": False, "task": False}
    meta.update(nbg)
    cell.metadata["nbgrader"] = meta
    if meta["locked"]:
        cell.metadata.update({"deletable": False, "editable": False})
    return cell


def notebook(data: dict):
    """The instructor's source notebook: every part's answer cell holds the marking guide, which
    nbgrader replaces on release; the rubric is shown to students."""
    total = sum(c["points"] for c in data["criteria"])
    cells = [_cell("md", f"# {data['title']['id']}\n\n*{data['title']['en']}*\n\n"
                         f"{say('lessons.project-points', 'id', n=total)} / "
                         f"*{say('lessons.project-points', 'en', n=total)}*",
                   "judul"),
             _cell("md", _both(data["brief"]), "brief")]
    lines = [f"## {say('lessons.project-milestones', 'id')} / *{say('lessons.project-milestones', 'en')}*",
             ""]
    lines += [f"- **{say('lessons.week', 'id', n=m['week'])}** {m['title']['id']}: "
              f"{m['deliverable']['id']}  \n"
              f"  *{say('lessons.week', 'en', n=m['week'])} {m['title']['en']}: {m['deliverable']['en']}*"
              for m in data["milestones"]]
    cells.append(_cell("md", "\n".join(lines), "tahapan"))
    for crit in data["criteria"]:
        text = (f"## {crit['title']['id']} / *{crit['title']['en']}* ({crit['points']} "
                f"{say('lessons.points', 'id')})\n\n{_both(crit['prompt'])}\n\n{rubric_table(crit, 'id')}\n\n"
                f"{rubric_table(crit, 'en')}")
        cells.append(_cell("md", text, f"tugas-{crit['id']}"))
        guide = (f"{say('lessons.marking-guide', 'id')}: {crit['guide']['id']}\n\n"
                 f"*{say('lessons.marking-guide', 'en')}: {crit['guide']['en']}*")
        cells.append(_cell("md", guide, f"bagian-{crit['id']}", grade=True, solution=True, locked=False,
                           points=crit["points"]))
    end = {"id": say("lessons.project-end", "id"), "en": say("lessons.project-end", "en")}
    cells.append(_cell("md", _both(end), "selesai"))
    nb = v4.new_notebook()
    nb.metadata = {"kernelspec": dict(KERNEL), "language_info": {"name": "python"},
                   "coursekit": {"generated_from": str(SOURCE), "minutes": None}}
    for i, cell in enumerate(cells):
        cell.id = f"c{i:02d}"
    nb.cells = cells
    nbformat.validate(nb)
    return nb


def outputs(root: Path) -> dict[Path, str]:
    data = load(root)
    rel = Path("exercises") / "source" / data["id"] / f"{data['id']}.ipynb"
    return {rel: nbformat.writes(notebook(data)) + "\n"}
