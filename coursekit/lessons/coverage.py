"""Which activity or self-check question practises each module objective, and which graded item
assesses it.

An objective covers the outline items listed for it in its lesson's objectives block (`map`).
It is practised by an activity of the lesson that names it (`practices`) or by a self-check
question of its module (lessons/selfcheck/mN.yaml) that shares an outline item; it is assessed
by a graded item of the question bank (exercises/bank/*.yaml) of the same module that shares an
outline item, or that names the objective as `mN-oK` in an `objectives` list, or by a criterion of
the fieldwork project's rubric (exercises/project/proyek-lapangan.yaml) that names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.parse import read_yaml
from .source import Course

PROJECT = Path("exercises") / "project" / "proyek-lapangan.yaml"


@dataclass
class Objective:
    module: str
    number: int
    text: dict
    outline: list[str]
    practised_by: list[str] = field(default_factory=list)
    assessed_by: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.module}-o{self.number}"


def _yaml(path: Path) -> dict:
    if not path.is_file():
        return {}
    data, problems = read_yaml(path, str(path))
    return data if not problems and isinstance(data, dict) else {}


def bank_items(root: Path) -> list[dict]:
    items = []
    for path in sorted((Path(root) / "exercises" / "bank").glob("*.yaml")):
        items += [x for x in _yaml(path).get("items", []) if isinstance(x, dict)]
    return items


def selfcheck_questions(root: Path, module: str) -> list[dict]:
    data = _yaml(Path(root) / "lessons" / "selfcheck" / f"{module}.yaml")
    return [q for q in data.get("questions", []) if isinstance(q, dict)]


def project_criteria(root: Path) -> list[dict]:
    """The fieldwork project's rubric criteria (graded by hand), each naming the objectives it assesses."""
    data = _yaml(Path(root) / PROJECT)
    return [c for c in data.get("criteria", []) if isinstance(c, dict)]


def objectives(course: Course, root: Path) -> list[Objective]:
    """Every objective of every module with what practises and assesses it."""
    bank = bank_items(root)
    rubric = project_criteria(root)
    out = []
    for lesson in course.lessons:
        module = lesson.data["module"]
        mapping = lesson.blocks("objectives")[0]["map"]
        checks = selfcheck_questions(root, module)
        for n, (text, items) in enumerate(zip(lesson.module()["objectives"], mapping, strict=True), 1):
            obj = Objective(module, n, text, list(items))
            obj.practised_by += [f"activity {b['id']}" for b in lesson.blocks("activity")
                                 if n in b["practices"]]
            obj.practised_by += [f"self-check {module}/{q.get('id')}" for q in checks
                                 if set(q.get("outline", [])) & set(items)]
            obj.assessed_by += [f"bank {x.get('id')}" for x in bank if x.get("module") == module and (
                set(x.get("outline", [])) & set(items) or obj.key in x.get("objectives", []))]
            obj.assessed_by += [f"project {c.get('id')}" for c in rubric
                                if obj.key in c.get("objectives", [])]
            out.append(obj)
    return out


def gaps(found: list[Objective]) -> list[str]:
    """One line per objective that is not practised or not assessed, naming what would close it."""
    lines = []
    for obj in found:
        where = f"{obj.key} ({obj.text['en'].split('.')[0][:70]}; outline {', '.join(obj.outline)})"
        if not obj.practised_by:
            lines.append(f"{where}: not practised: add an activity naming it in lessons/*.yaml "
                         f"or a self-check question with one of these outline items")
        if not obj.assessed_by:
            lines.append(f"{where}: not assessed: the bank (exercises/bank/*.yaml) needs a {obj.module} "
                         f"item with one of outline {obj.outline} or objectives: [{obj.key}], "
                         "or a criterion of "
                         f"{PROJECT} naming {obj.key}")
    return lines
