"""Authored lesson sources (lessons/*.yaml): read, validate against the schemas, check references.

Lesson N teaches module mN. The instructor's model answers and notes for each lesson live apart,
in lecturer/notes/mN.yaml (never in a student notebook nor in the package); they are checked here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content import content
from ..content.datafile import read as validate
from ..content.parse import line_of
from ..content.problems import ContentError, Problem, allowed, did_you_mean, dotted
from ..content.store import UnknownItem

HERE = Path(__file__).parent
START = "00-start.yaml"
NOTES = Path("lecturer") / "notes"
TYPES = ("objectives", "explain", "worked-example", "activity", "reflection", "discussion",
         "self-check", "key-points", "sources")

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
    notes: dict = field(default_factory=dict)

    @property
    def number(self) -> int:
        return self.data["number"]

    @property
    def minutes(self) -> int:
        return sum(b["minutes"] for b in self.data["blocks"])

    def file(self, lang: str) -> str:
        return self.data["files"][lang] + ".ipynb"

    def title(self, lang: str) -> str:
        if "title" in self.data:
            return self.data["title"][lang]
        return self.module()["title"][lang]

    def module(self) -> dict:
        return content().get("module", self.data["module"])

    def blocks(self, kind: str) -> list[dict]:
        return [b for b in self.data["blocks"] if b["type"] == kind]


@dataclass
class Course:
    start: dict
    lessons: list[Lesson]


def read(root: Path) -> tuple[Course | None, list[Problem]]:
    """Every lesson source under root/lessons, validated; (course or None, all problems)."""
    root = Path(root)
    folder = root / "lessons"
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
            lesson = Lesson(path, data)
            notes, found = read_notes(root, data["module"])
            problems += found
            if notes is not None:
                lesson.notes = notes
                problems += _check_notes(root, lesson)
            lessons.append(lesson)
    problems += _check_course(folder, lessons)
    if problems:
        return None, sorted(problems)
    return Course(start, sorted(lessons, key=lambda x: x.number)), []


def load(root: Path) -> Course:
    course, problems = read(root)
    if problems:
        raise ContentError(problems)
    return course


def read_notes(root: Path, module: str) -> tuple[dict | None, list[Problem]]:
    """The lecturer's notes of one module (model answers, marking, discussion notes)."""
    path = Path(root) / NOTES / f"{module}.yaml"
    if not path.is_file():
        return None, [Problem(str(path), 0, "", "missing: the lecturer's notes of the lesson "
                                                 "(model answers and marking notes of every activity)")]
    return validate(path, HERE / "notes.schema.json")


def _check(path: Path, data: dict) -> list[Problem]:
    out = []

    def problem(parts: list, message: str) -> None:
        out.append(Problem(str(path), line_of(path, parts), dotted(parts), message))

    if data["files"]["id"] != path.stem:
        problem(["files", "id"], f"{data['files']['id']!r} must equal the file name {path.stem!r}")
    store = content()
    try:
        module = store.get("module", data["module"])
    except UnknownItem as err:
        problem(["module"], str(err))
        return out
    if data["module"] != f"m{data['number']}":
        problem(["number"], f"{data['number']} must be the module's number: lesson N teaches module mN "
                            f"(module is {data['module']!r})")
    kinds = [b["type"] for b in data["blocks"]]
    for kind in TYPES:
        if kind not in kinds:
            problem(["blocks"], f"no {kind!r} block; every lesson has each of: {allowed(TYPES)}")
    seen = set()
    for b, block in enumerate(data["blocks"]):
        if "id" in block:
            if not block["id"].startswith(data["module"] + "-"):
                problem(["blocks", b, "id"], f"{block['id']!r} must start with {data['module'] + '-'!r}")
            if block["id"] in seen:
                problem(["blocks", b, "id"], f"{block['id']!r} is used twice")
            seen.add(block["id"])
        for n in block.get("practices", []):
            if n > len(module["objectives"]):
                problem(["blocks", b, "practices"], f"objective {n} does not exist; module "
                                                    f"{data['module']} has {len(module['objectives'])}")
        known = {x["id"] for x in store.outline}
        for o, items in enumerate(block.get("map", [])):
            for item in items:
                if item not in known:
                    problem(["blocks", b, "map", o], f"no outline item {item!r}{did_you_mean(item, known)}")
        if "map" in block and len(block["map"]) != len(module["objectives"]):
            problem(["blocks", b, "map"], f"{len(block['map'])} entries; module {data['module']} has "
                                          f"{len(module['objectives'])} objectives: one list of "
                                          "outline items each")
        for c, cell in enumerate(block.get("cells", [])):
            if "code" in cell:
                for message in _check_code(cell["code"]):
                    problem(["blocks", b, "cells", c, "code"], message)
    return out


def _check_notes(root: Path, lesson: Lesson) -> list[Problem]:
    path = Path(root) / NOTES / f"{lesson.data['module']}.yaml"
    out = []
    notes = lesson.notes
    if notes["module"] != lesson.data["module"]:
        out.append(Problem(str(path), line_of(path, ["module"]), "module",
                           f"{notes['module']!r} must be {lesson.data['module']!r}"))
    ids = [b["id"] for b in lesson.blocks("activity")]
    for name in ids:
        if name not in notes["activities"]:
            out.append(Problem(str(path), 0, f"activities.{name}",
                               f"missing: the model answer and marking notes of activity {name}"))
    for name in notes["activities"]:
        if name not in ids:
            out.append(Problem(str(path), line_of(path, ["activities", name]), f"activities.{name}",
                               f"no activity {name!r} in {lesson.path.name}; its activities: {allowed(ids)}"))
    questions = sum(len(b["questions"]) for b in lesson.blocks("discussion"))
    if len(notes["discussion"]) != questions:
        out.append(Problem(str(path), line_of(path, ["discussion"]), "discussion",
                           f"{len(notes['discussion'])} note(s); the lesson asks {questions} discussion "
                           "question(s): one note per question, in order"))
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
