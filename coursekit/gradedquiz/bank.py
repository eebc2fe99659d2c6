"""The instructor's question bank and quiz definitions: load, validate, report every problem.

Files (instructor-only, never in the package): ``exercises/bank/*.yaml`` (items, with keys) and
``exercises/quizzes.yaml`` (which items or pools each quiz holds). Schemas (no keys) are packaged
in coursekit/gradedquiz/schemas/. Problems are coursekit.content Problems: file, line, field, message.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..content import datafile
from ..content.parse import line_of, read_yaml
from ..content.problems import Problem, allowed, did_you_mean, dotted
from ..questions import checks
from .keys import AUTO_TYPES

MIN_ITEMS_PER_OUTLINE = 2
# The points rule (exercises/README.md, "Poin dan penilaian"): by type, plus one point when the
# item asks the student to use an idea (apply, analyse, evaluate) rather than recall or explain it.
# Matching: one point per pair. Constructed response: 0-3 points per rubric criterion.
RECALL = ("remember", "understand")
POINTS = {"true-false": (1, 1), "single": (1, 2), "short": (1, 2), "multiple": (2, 3)}
LEVELS_PER_CRITERION = 3


@dataclass
class Bank:
    items: dict[str, dict] = field(default_factory=dict)  # id -> item
    quizzes: list[dict] = field(default_factory=list)
    course_id: str = ""
    files: dict[str, str] = field(default_factory=dict)  # item id -> file label
    broken: dict[str, dict] = field(default_factory=dict)  # id -> item with schema errors

    def pool(self, name: str) -> list[dict]:
        return [i for i in self.items.values() if i.get("pool") == name]

    def quiz(self, quiz_id: str) -> dict:
        for q in self.quizzes:
            if q["id"] == quiz_id:
                return q
        raise LookupError(f"no quiz {quiz_id!r}; quizzes: {allowed(q['id'] for q in self.quizzes)}"
                          f"{did_you_mean(quiz_id, [q['id'] for q in self.quizzes])}")

    def candidates(self, question: dict) -> list[dict]:
        """The bank items one quiz slot draws from."""
        if "item" in question:
            return [self.items[question["item"]]]
        return sorted(self.pool(question["pool"]), key=lambda i: i["id"])


SCHEMAS = Path(__file__).parent / "schemas"


def schema_problems(name: str, data, path: Path, label: str) -> list[Problem]:
    """Every problem of data against schemas/<name>.json (shared content definitions merged in)."""
    found = datafile.schema_errors(SCHEMAS / f"{name}.json", data)
    return [Problem(label, line_of(path, p), dotted(p), m) for p, m in found]


def load(root: str | Path) -> tuple[Bank, list[Problem]]:
    """Read and check the bank under an exercises folder; every problem is reported."""
    root = Path(root)
    bank, problems = Bank(), []
    files = sorted((root / "bank").glob("*.yaml"))
    if not files:  # the one problem: every check after this would follow from it
        problems.append(Problem(str(root / "bank"), 0, "", "no bank files (*.yaml) found"))
        if not (root / "quizzes.yaml").exists():
            problems.append(Problem(str(root / "quizzes.yaml"), 0, "", "missing: the quiz definitions"))
        return bank, problems
    for path in files:
        label = f"bank/{path.name}"
        data, errs = read_yaml(path, label)
        if errs:
            problems += errs
            continue
        errs = schema_problems("bank", data, path, label)
        problems += errs
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            continue
        broken = {p.field.split("]")[0] + "]" for p in errs if p.field.startswith("items[")}
        for n, item in enumerate(data["items"]):
            if f"items[{n}]" in broken or not isinstance(item, dict):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    bank.broken[item["id"]] = item  # so nothing else reports it as missing
                continue  # reported above; skip its semantic checks
            found = [([], m) for m in item_problems(item)] + checks.problems(item)
            if item["id"] in bank.items:
                found.append((["id"], f"duplicate item id {item['id']!r} (also in {bank.files[item['id']]})"))
            else:
                bank.items[item["id"]] = item
                bank.files[item["id"]] = label
            for where, m in found:  # the field of each problem, and its line
                fpath = ["items", n, *where]
                problems.append(Problem(label, line_of(path, fpath), dotted(fpath), m))
    problems += _pool_problems(bank)
    qpath = root / "quizzes.yaml"
    data, errs = read_yaml(qpath, "quizzes.yaml") if qpath.exists() else (None, [
        Problem("quizzes.yaml", 0, "", "missing: the quiz definitions")])
    if errs or (errs := schema_problems("quizzes", data, qpath, "quizzes.yaml")):
        problems += errs
    else:
        bank.course_id, bank.quizzes = data["course_id"], data["quizzes"]
        problems += _quiz_problems(bank, qpath)
    problems += coverage_problems(bank)
    return bank, sorted(set(problems))


def item_problems(item: dict) -> list[str]:
    """What a graded bank item must also satisfy (beyond the one model's checks), as messages."""
    out = []
    prefix = f"{item['module']}-{item['outline'][0].lower()}-"
    if not item["id"].startswith(prefix):
        out.append(f"id {item['id']!r} should start with {prefix!r} (module and first outline item)")
    outline = _outline()
    for oid in item["outline"]:
        if oid not in outline:
            out.append(f"outline item {oid!r} does not exist{did_you_mean(oid, outline)}")
    kind = item["type"]
    if kind == "essay":
        total = sum(c["points"] for c in item["scheme"])
        if abs(total - item["points"]) > 1e-9:
            out.append(f"mark scheme points add up to {total:g}, the item is worth {item['points']:g}")
        if "pool" in item:
            out.append("an essay cannot be drawn from a pool: its rubric is printed in the notebook")
        for lang in ("id", "en"):
            words = len(item["model"][lang].split())
            low, high = item["words"]
            if not low <= words <= high:
                out.append(f"model answer ({lang}) has {words} words; the item asks for {low}-{high}")
    out += points_problems(item)
    return out


def points_problems(item: dict) -> list[str]:
    """The item's points against the points rule (by type and difficulty)."""
    kind, level, pts = item["type"], item["bloom"], item["points"]
    if kind == "matching":
        want, why = len(item["left"]), "one point per pair"
    elif kind == "essay":
        want, why = LEVELS_PER_CRITERION * len(item["scheme"]), f"{LEVELS_PER_CRITERION} per rubric criterion"
    else:
        want = POINTS[kind][0 if level in RECALL or kind == "true-false" else 1]
        why = f"{kind}, {'recall' if level in RECALL else 'use'} ({level})"
    if abs(pts - want) > 1e-9:
        return [f"points {pts:g} break the points rule: {why} is worth {want:g}"]
    return []


def coverage_problems(bank: Bank) -> list[Problem]:
    counts = defaultdict(int)
    for item in [*bank.items.values(), *bank.broken.values()]:
        outline = item.get("outline")
        for oid in outline if isinstance(outline, list) else []:
            counts[oid] += 1
    return [Problem("bank", 0, oid, f"outline item assessed by {counts[oid]} item(s); needs "
                    f">= {MIN_ITEMS_PER_OUTLINE}") for oid in _outline()
            if _outline()[oid] != "m9" and counts[oid] < MIN_ITEMS_PER_OUTLINE]


def _pool_problems(bank: Bank) -> list[Problem]:
    pools, sizes = defaultdict(list), defaultdict(int)
    for item in bank.items.values():
        if "pool" in item:
            pools[item["pool"]].append(item)
    for item in [*bank.items.values(), *bank.broken.values()]:
        if isinstance(item.get("pool"), str):
            sizes[item["pool"]] += 1
    out = []
    for name, items in pools.items():
        shapes = {(i["type"], float(i["points"]), i["bloom"] in RECALL) for i in items}
        if len(shapes) > 1:
            out.append(Problem("bank", 0, f"pool {name}", "items differ in type, points or difficulty "
                               f"(type, points, recall): {sorted(shapes)}"))
        if sizes[name] < 2:
            out.append(Problem("bank", 0, f"pool {name}", "a pool needs at least 2 items"))
    return out


def _quiz_problems(bank: Bank, qpath: Path) -> list[Problem]:
    out, seen_quiz = [], set()
    pools = {i["pool"] for i in bank.items.values() if "pool" in i}
    broken_pools = {i.get("pool") for i in bank.broken.values()}
    for n, quiz in enumerate(bank.quizzes):
        if quiz["id"] in seen_quiz:
            out.append(Problem("quizzes.yaml", line_of(qpath, ["quizzes", n]), f"quizzes[{n}].id",
                               f"duplicate quiz id {quiz['id']!r}"))
        seen_quiz.add(quiz["id"])
        used = set()
        for m, q in enumerate(quiz["questions"]):
            fpath = ["quizzes", n, "questions", m]
            where = ("quizzes.yaml", line_of(qpath, fpath), dotted(fpath))
            if q.get("item") in bank.broken or ("pool" in q and q["pool"] in broken_pools - pools):
                continue  # the item's own problems are reported; no knock-on error here
            if "item" in q and q["item"] not in bank.items:
                out.append(Problem(*where, f"no bank item {q['item']!r}"
                                   f"{did_you_mean(q['item'], bank.items)}"))
                continue
            if "pool" in q and q["pool"] not in pools:
                out.append(Problem(*where, f"no pool {q['pool']!r}; pools: {allowed(pools)}"
                                   f"{did_you_mean(q['pool'], pools)}"))
                continue
            for item in bank.candidates(q):
                if item["module"] not in quiz["modules"]:
                    out.append(Problem(*where, f"item {item['id']} is from {item['module']}, outside this "
                                       f"quiz's modules {quiz['modules']}"))
                if item["id"] in used:
                    out.append(Problem(*where, f"item {item['id']} is used twice in {quiz['id']}"))
                used.add(item["id"])
    return out


@cache
def _outline() -> dict[str, str]:
    from ..content import content

    return {i["id"]: i["module"] for i in content().outline}


def is_auto(item: dict) -> bool:
    return item["type"] in AUTO_TYPES
