"""Score one question: (display data, key data, assignment, student, answer-cell source) -> Result.

The ONE function both graders call: nbgrader's hidden tests (in the kernel) and the kernel-free
grader. Scoring rules are coursekit.scoring's (partial credit for multiple select and matching).

Key data for one item (built by coursekit.gradedquiz.keys from the instructor's bank; never released)::

    {"item": "m1-01", "type": "single", "points": 1,
     "options": {token: {"id": stable_id, "correct": bool, "why": {id, en}}},   # single, multiple
     "answer": true, "why": {id, en},                                           # true-false
     "accepted": ["..."], "why": {id, en},                                      # short
     "left": {token: {"id": stable_id, "match": right_token, "why": {id, en}}}, # matching
     "right": {token: {"id": stable_id}}}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import scoring
from .answers import Answer, parse_answer
from .variant import Slot, slot


@dataclass(frozen=True)
class Result:
    qid: str
    item: str
    points: float
    max_points: float
    status: str  # blank | correct | partial | incorrect | invalid
    detail: str = ""  # machine-readable reason when invalid (answers.REASONS or scoring's)
    chosen: list = field(default_factory=list)  # stable ids chosen (pairs 'left=right' for matching)
    value: object = None  # the answer as read


def score_question(question: dict, keys: dict, assignment: str, student: object,
                   source: str | None) -> Result:
    """Score a question for a student from the answer cell's source text (never executed)."""
    return score_value(question, keys, assignment, student, parse_answer(source))


def score_value(question: dict, keys: dict, assignment: str, student: object,
                answer: Answer) -> Result:
    s = slot(question, assignment, student)
    key = keys[s.item]
    points = float(key["points"])
    if not answer.ok:
        return Result(s.qid, s.item, 0.0, points, scoring.INVALID, answer.invalid)
    raw = answer.value
    try:
        sc = _score(s, key, raw, points)
        picked = chosen(s, key, raw)
    except (KeyError, StopIteration, TypeError, ValueError, AttributeError):
        return Result(s.qid, s.item, 0.0, points, scoring.INVALID, "not-a-value", [], raw)
    return Result(s.qid, s.item, float(sc.points), points, sc.status, sc.detail, picked, raw)


def format_status(question: dict, assignment: str, student: object, answer: Answer) -> scoring.Score:
    """Blank / invalid / fine for an answer, judged with a dummy key (the student's format check)."""
    s = slot(question, assignment, student)
    if not answer.ok:
        return scoring.Score(0, s.points, scoring.INVALID, answer.invalid)
    dummy = _dummy_key(s)
    return _score(s, dummy, answer.value, s.points)


def chosen(s: Slot, key: dict, raw) -> list:
    """The stable ids a student chose (for per-question export)."""
    if s.type == "single":
        letter = scoring.parse_letter(raw)
        tok = s.letters.get(letter or "")
        return [key["options"][tok]["id"]] if tok else []
    if s.type == "multiple":
        letters = scoring.parse_letters(raw) or []
        return [key["options"][s.letters[x]]["id"] for x in letters if x in s.letters]
    if s.type == "matching":
        pairs = scoring.pairs(raw)
        if not isinstance(pairs, dict):
            return []
        return [f"{key['left'][s.left[a]]['id']}={key['right'][s.right[b]]['id']}"
                for a, b in sorted(pairs.items()) if a in s.left and b in s.right]
    if raw is None or (isinstance(raw, str) and not raw.strip()):  # blank: nothing chosen
        return []
    return [str(raw)]


def _score(s: Slot, key: dict, raw, points: float) -> scoring.Score:
    if s.type == "single":
        correct = next(t for t, o in key["options"].items() if o["correct"])
        return scoring.score_single(raw, s.letters, correct, points)
    if s.type == "multiple":
        correct = {t for t, o in key["options"].items() if o["correct"]}
        return scoring.score_multiple(raw, s.letters, correct, points)
    if s.type == "true-false":
        return scoring.score_true_false(raw, bool(key["answer"]), points)
    if s.type == "matching":
        pairs = {t: e["match"] for t, e in key["left"].items()}
        return scoring.score_matching(raw, s.left, s.right, pairs, points)
    if s.type == "short":
        return scoring.score_short(raw, key["accepted"], points)
    raise ValueError(f"question {s.qid}: type {s.type!r} is not auto-graded")


def _dummy_key(s: Slot) -> dict:
    if s.type in ("single", "multiple"):
        return {"options": {t: {"correct": True, "id": t} for t in s.letters.values()}}
    if s.type == "true-false":
        return {"answer": True}
    if s.type == "matching":
        first = next(iter(s.right.values()), "")
        return {"left": {t: {"match": first, "id": t} for t in s.left.values()},
                "right": {t: {"id": t} for t in s.right.values()}}
    if s.type == "short":
        return {"accepted": ["-"]}
    return {}
