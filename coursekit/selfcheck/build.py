"""Compile the authored self-check sources (keys in plain text, repo only) into package data.

lessons/selfcheck/<module>.yaml -> coursekit/selfcheck/data/<module>.json
lessons/vignettes/*.yaml        -> coursekit/selfcheck/data/vignettes.json
Keys become salted hashes, feedback texts opaque blobs (see coursekit.questions.hide). The output
is deterministic (the salt derives from the source), so a test can tell when the committed data
is stale.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..content.axes import axes
from ..content.problems import Problem, allowed
from ..questions import checks, hide
from ..questions import schema as questions_schema
from .validate import problem, read

REPO = Path(__file__).resolve().parents[2]
LESSONS = REPO / "lessons"
DATA = Path(__file__).parent / "data"
MODULES = [f"m{i}" for i in range(1, 10)]


def _salt(kind: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(f"coursekit-selfcheck|{kind}|{text}".encode()).hexdigest()[:16]


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def compile_quiz(path: Path, label: str) -> tuple[dict | None, list[Problem]]:
    data, problems = questions_schema.read(path, questions_schema.SCHEMAS / "practice.json", label)
    if problems:
        return None, problems
    problems = list(_quiz_checks(path, label, data))
    if problems:
        return None, problems
    salt = _salt(data["module"], data)
    return {
        "module": data["module"],
        "salt": salt,
        "questions": [hide.hide(salt, q) for q in data["questions"]],
    }, []


def _quiz_checks(path, label, data):
    if data["module"] != path.stem:
        yield problem(
            path, label, ["module"], f"{data['module']!r} does not match the file name {path.stem!r}"
        )
    seen: set = set()
    for i, q in enumerate(data["questions"]):
        where = ["questions", i]
        if q["id"] in seen:
            yield problem(path, label, [*where, "id"], f"duplicate question id {q['id']!r}")
        seen.add(q["id"])
        for field, message in checks.problems(q):  # the one question model's checks
            yield problem(path, label, [*where, *field], message)


def compile_vignettes(folder: Path) -> tuple[dict | None, list[Problem]]:
    files = sorted(folder.glob("*.yaml"))
    problems: list[Problem] = []
    table, rows = None, []
    for path in files:
        label = _label(path)
        if path.name == "misconceptions.yaml":
            data, found = read(path, "misconceptions", label)
            table = data["misconceptions"] if data else None
        else:
            data, found = read(path, "vignettes", label)
            rows += [(path, label, i, v) for i, v in enumerate(data["vignettes"])] if data else []
        problems += found
    if table is None and not problems:
        problems.append(
            Problem(_label(folder / "misconceptions.yaml"), 0, "", "missing: the shared misconception texts")
        )
    if problems:
        return None, problems
    problems += list(_vignette_checks(folder / "misconceptions.yaml", table, rows))
    if problems:
        return None, problems
    vignettes = sorted((v for _, _, _, v in rows), key=lambda v: v["setting"] != "indonesia")
    salt = _salt("vignettes", {"table": table, "vignettes": vignettes})
    return {"salt": salt, "vignettes": [_vignette(salt, v, table) for v in vignettes]}, []


def _vignette_checks(mpath, table, rows):
    mlabel = _label(mpath)
    for axis, positions in axes().items():
        for chosen in positions:
            for right in positions:
                if chosen != right and right not in table[axis].get(chosen, {}):
                    yield problem(
                        mpath,
                        mlabel,
                        ["misconceptions", axis],
                        f"no text for choosing {chosen!r} when the answer is {right!r}",
                    )
        for chosen, rights in table[axis].items():
            for right in [chosen, *rights]:
                if right not in positions:
                    yield problem(
                        mpath,
                        mlabel,
                        ["misconceptions", axis, chosen],
                        f"unknown position {right!r}; allowed: {allowed(positions)}",
                    )
    seen: dict = {}
    for path, label, i, v in rows:
        if v["id"] in seen:
            yield problem(
                path,
                label,
                ["vignettes", i, "id"],
                f"duplicate vignette id {v['id']!r}: also in {seen[v['id']]}",
            )
        seen[v["id"]] = label
        for axis, place in v["axes"].items():
            positions = axes()[axis]
            for pos in [place["position"], *place.get("misconceptions", {})]:
                if pos not in positions:
                    yield problem(
                        path,
                        label,
                        ["vignettes", i, "axes", axis, "position"],
                        f"unknown position {pos!r}; allowed: {allowed(positions)}",
                    )


def _vignette(salt: str, v: dict, table: dict) -> dict:
    vid, out = v["id"], {}
    for axis, place in v["axes"].items():
        right = place["position"]
        feedback = {}
        for pos in axes()[axis]:
            text = (
                place["why"]
                if pos == right
                else place.get("misconceptions", {}).get(pos, table[axis][pos][right])
            )
            feedback[pos] = hide.encode(salt, f"{vid}.{axis}.{pos}", text)
        out[axis] = {
            "mark": hide.mark(salt, vid, axis, right),
            "feedback": feedback,
            "why": hide.encode(salt, f"{vid}.{axis}.why", place["why"]),
        }
    return {"id": vid, "setting": v["setting"], "title": v["title"], "text": v["text"], "axes": out}


def _label(path: Path) -> str:
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def build(lessons: Path = LESSONS) -> tuple[dict[str, str], list[Problem]]:
    """All outputs as {file name: JSON text}, and every problem found."""
    outputs: dict[str, str] = {}
    problems: list[Problem] = []
    for module in MODULES:
        path = lessons / "selfcheck" / f"{module}.yaml"
        if not path.is_file():
            problems.append(Problem(_label(path), 0, "", f"missing: the self-check quiz of module {module}"))
            continue
        compiled, found = compile_quiz(path, _label(path))
        problems += found
        if compiled:
            outputs[f"{module}.json"] = _dump(compiled)
    for path in sorted((lessons / "selfcheck").glob("*.yaml")):
        if path.stem not in MODULES:
            problems.append(
                Problem(_label(path), 0, "", f"unexpected file; quizzes are {allowed(MODULES)}.yaml")
            )
    compiled, found = compile_vignettes(lessons / "vignettes")
    problems += found
    if compiled:
        outputs["vignettes.json"] = _dump(compiled)
    return outputs, sorted(problems)
