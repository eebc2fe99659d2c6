"""Per-student variants: which pool item each student gets and in which order the options show.

Everything is derived from sha256 of the assignment, the student id and stable ids, so the same
variant is recomputed anywhere (student kernel, nbgrader's hidden tests, the kernel-free grader)
with no state and no dependence on Python's random module.

Display data (``questions.json``, no keys) lists per question ``qNN`` its candidate items; each
option is named by a token (``token(assignment, item, option)``), never by its stable id.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import string
from dataclasses import dataclass, field
from pathlib import Path

LETTERS = string.ascii_lowercase


def digest(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def token(assignment: str, item: str, option: str) -> str:
    """The released name of an option (or matching entry): hides its stable id and authored order."""
    return digest("option", assignment, item, option)[:10]


def normalise_student(student: object) -> str:
    return str(student or "").strip()


@dataclass(frozen=True)
class Slot:
    """One question as one student sees it."""

    qid: str
    type: str
    item: str
    points: float
    letters: dict[str, str] = field(default_factory=dict)  # shown letter -> option token
    left: dict[str, str] = field(default_factory=dict)  # matching: shown number -> token
    right: dict[str, str] = field(default_factory=dict)  # matching: shown letter -> token


_SEEN: dict = {}  # (id(data), ...) -> (data, result): per-process memo (slots, fingerprints, views)


def memo(data, key: tuple, make):
    """make() once per (data object, key) in this process: the display data is parsed once per
    process (runtime.load_display) and every question's test and render cell asks again. The
    entry holds data itself, so its id is never reused while cached; read-only results."""
    full = (id(data), *key)
    hit = _SEEN.get(full)
    if hit is not None and hit[0] is data:
        return hit[1]
    if len(_SEEN) > 20_000:
        _SEEN.clear()
    value = make()
    _SEEN[full] = (data, value)
    return value


def slot(question: dict, assignment: str, student: object) -> Slot:
    """The variant of one question (an entry of questions.json 'questions') for a student."""
    student = normalise_student(student)
    return memo(question, ("slot", assignment, student),
                 lambda: _slot(question, assignment, student))


def _slot(question: dict, assignment: str, student: str) -> Slot:
    qid = question["qid"]
    candidates = question["items"]
    if len(candidates) == 1:
        item = candidates[0]
    else:
        item = min(candidates, key=lambda c: digest("item", assignment, student, qid, c["item"]))
    kind = question["type"]
    letters, left, right = {}, {}, {}
    if kind in ("single", "multiple"):
        letters = _labelled(LETTERS, _shuffled(item["options"], assignment, student, qid, "o"))
    elif kind == "matching":
        left = _labelled([str(n) for n in range(1, 27)],
                         _shuffled(item["left"], assignment, student, qid, "l"))
        right = _labelled(LETTERS, _shuffled(item["right"], assignment, student, qid, "r"))
    return Slot(qid, kind, item["item"], float(question["points"]), letters, left, right)


def variant(display: dict, student: object) -> dict[str, Slot]:
    """Every question's variant for a student: {qid: Slot}."""
    return {q["qid"]: slot(q, display["assignment"], student) for q in display["questions"]}


def fingerprint(display: dict, student: object) -> str:
    """A short code naming a student's variant (shown on the quiz; printed in feedback)."""
    return memo(display, ("fingerprint", normalise_student(student)),
                 lambda: _fingerprint(display, student))


def _fingerprint(display: dict, student: object) -> str:
    parts = []
    for s in variant(display, student).values():
        parts.append(f"{s.qid}:{s.item}:{','.join(s.letters.values())}:{','.join(s.left.values())}"
                     f":{','.join(s.right.values())}")
    return digest("variant", display["assignment"], *parts)[:6].upper()


def student_for(assignment: str, nim: object = None, cwd: str | os.PathLike | None = None,
                env: dict | None = None) -> str:
    """Whose variant to use: the folder when autograding, else NIM, else JUPYTERHUB_USER, else ''."""
    from_dir = autograde_student(assignment, cwd)
    if from_dir is not None:
        return from_dir
    if normalise_student(nim):
        return normalise_student(nim)
    env = os.environ if env is None else env
    return normalise_student(env.get("JUPYTERHUB_USER", ""))


def autograde_student(assignment: str, cwd: str | os.PathLike | None = None) -> str | None:
    """The student id when cwd is nbgrader's ``autograded/<student>/<assignment>`` folder."""
    from .runtime import here

    return _autograde_student(assignment, here() if cwd is None else os.path.realpath(cwd))


@functools.lru_cache(maxsize=64)
def _autograde_student(assignment: str, folder: str) -> str | None:
    """folder: absolute, links resolved."""
    path = Path(folder)
    if path.name == assignment and path.parent.parent.name == "autograded":
        return path.parent.name
    return None


def _shuffled(entries: list[dict], assignment: str, student: str, qid: str, what: str) -> list[str]:
    tokens = [e["token"] for e in entries]
    return sorted(tokens, key=lambda t: digest(what, assignment, student, qid, t))


def _labelled(labels, tokens: list[str]) -> dict[str, str]:
    return dict(zip(labels, tokens, strict=False))


QID = re.compile(r"^q\d{2}$")
