"""Authored lesson sources (lessons/*.yaml): read, validate against the schemas, check references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..api import content
from ..content.datafile import read as validate
from ..content.parse import line_of
from ..content.problems import ContentError, Problem, allowed, did_you_mean, dotted
from ..content.store import UnknownItem

HERE = Path(__file__).parent
START = "00-start.yaml"

# Notebook API names a lesson may call (the agreed names, see .dev/ARCHITECTURE.md).
API = ("case", "classify", "compare", "concept", "content", "explore_cases", "explore_comparisons",
       "figure", "framework", "glossary", "lang", "map_5c", "module", "progress", "quiz", "search",
       "source")
# ck.<call>("<slug>") whose first argument names content of a kind.
REFERS = {"case": "case", "concept": "concept", "framework": "framework", "compare": "comparison",
          "explore_comparisons": "comparison", "module": "module", "source": "source",
          "map_5c": "case", "quiz": "module"}
CALL = re.compile(r"\bck\.([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(?:['\"]([^'\"]*)['\"])?")


@dataclass
class Lesson:
    path: Path
    data: dict

    @property
    def number(self) -> int:
        return self.data["number"]

    def file(self, lang: str) -> str:
        return self.data["files"][lang] + ".ipynb"

    def title(self, lang: str) -> str:
        if "title" in self.data:
            return self.data["title"][lang]
        return content().get("module", self.data["modules"][0])["title"][lang]

    def modules(self) -> list[dict]:
        return [content().get("module", m) for m in self.data["modules"]]


@dataclass
class Course:
    start: dict
    lessons: list[Lesson]


def read(root: Path) -> tuple[Course | None, list[Problem]]:
    """Every lesson source under root/lessons, validated; (course or None, all problems)."""
    folder = Path(root) / "lessons"
    if not (folder / START).is_file():
        return None, [Problem(str(folder / START), 0, "", "missing: the start page source")]
    start, problems = validate(folder / START, HERE / "start.schema.json")
    lessons: list[Lesson] = []
    for path in sorted(folder.glob("[0-9][0-9]-*.yaml")):
        if path.name == START:
            continue
        data, found = validate(path, HERE / "lesson.schema.json")
        problems += found
        if data is not None:
            problems += _check(path, data)
            lessons.append(Lesson(path, data))
    problems += _check_course(folder, lessons)
    if problems:
        return None, sorted(problems)
    return Course(start, sorted(lessons, key=lambda x: x.number)), []


def load(root: Path) -> Course:
    course, problems = read(root)
    if problems:
        raise ContentError(problems)
    return course


def _check(path: Path, data: dict) -> list[Problem]:
    out = []

    def problem(parts: list, message: str) -> None:
        out.append(Problem(str(path), line_of(path, parts), dotted(parts), message))

    if data["files"]["id"] != path.stem:
        problem(["files", "id"], f"{data['files']['id']!r} must equal the file name {path.stem!r}")
    store = content()
    for i, slug in enumerate(data["modules"]):
        try:
            store.get("module", slug)
        except UnknownItem as err:
            problem(["modules", i], str(err))
    for s, section in enumerate(data["sections"]):
        for c, cell in enumerate(section["cells"]):
            if "code" in cell:
                for message in _check_code(cell["code"]):
                    problem(["sections", s, "cells", c, "code"], message)
    return out


def _check_code(code: str) -> list[str]:
    out = []
    for name, slug in CALL.findall(code):
        if name not in API:
            out.append(f"unknown notebook API ck.{name}{did_you_mean(name, API)}; known: {allowed(API)}")
        elif slug and name in REFERS:
            try:
                content().get(REFERS[name], slug)
            except UnknownItem as err:
                out.append(f"ck.{name}({slug!r}): {err}")
    return out


def _check_course(folder: Path, lessons: list[Lesson]) -> list[Problem]:
    out = []
    numbers = sorted(x.number for x in lessons)
    if numbers != list(range(1, len(lessons) + 1)):
        out.append(Problem(str(folder), 0, "number", f"lessons must be numbered 1..{len(lessons)} "
                                                     f"without gaps; found {numbers}"))
    for lang in ("id", "en"):
        names = [x.file(lang) for x in lessons]
        for name in {n for n in names if names.count(n) > 1}:
            out.append(Problem(str(folder), 0, f"files.{lang}", f"two lessons write {name}"))
    return out
