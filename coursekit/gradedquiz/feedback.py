"""Feedback lines for one scored question (printed by the hidden test, so they reach nbgrader's
feedback, which is generated after grading and never released before it)."""

from __future__ import annotations

from .. import scoring
from ..questions import feedback
from ..questions.feedback import Feedback
from ..strings import pick, say
from .answers import echo
from .score import Result
from .variant import Slot


def explain(result: Result, question: dict, key: dict, s: Slot, lang: str) -> list[str]:
    """The feedback lines of one graded answer: the one feedback renderer (coursekit.questions),
    with the key and rationale read from the keys file's entry for this student's item."""
    fb = Feedback(result.qid, result.status, result.points, result.max_points, lang, heading=result.qid)
    if result.status == scoring.INVALID:
        fb.reason = reason(result.detail, lang)
    read = result.status != scoring.INVALID
    item = next(i for i in question["items"] if i["item"] == s.item)
    texts = {e["token"]: pick(e["text"], lang)
             for part in ("options", "left", "right") for e in item.get(part, [])}
    k = key[s.item]
    if s.type in ("single", "multiple"):
        raw = result.value if read and result.value is not None else None
        chosen = set(scoring.parse_letters(raw) or []) if raw is not None else set()
        fb.notes = feedback.choice_notes(
            [(letter, texts[tok], k["options"][tok]["correct"], pick(k["options"][tok]["why"], lang))
             for letter, tok in s.letters.items()], chosen)
        fb.rule = say("gradedquiz.fb.rule.multiple", lang) if s.type == "multiple" else ""
    elif s.type == "true-false":
        said = None
        if result.status in (scoring.CORRECT, scoring.INCORRECT):
            said = (result.status == scoring.CORRECT) == bool(k["answer"])
        fb.notes = feedback.truth_notes(said, bool(k["answer"]),
                                        lambda b: say("gradedquiz.true" if b else "gradedquiz.false", lang),
                                        lambda b: pick(k["why"], lang))
    elif s.type == "short":
        fb.notes = feedback.answer_note(k["accepted"][0], result.status == scoring.CORRECT,
                                        pick(k["why"], lang))
    elif s.type == "matching":
        given = scoring.pairs(result.value) if read else None
        given = given if isinstance(given, dict) else {}
        letter = {t: x for x, t in s.right.items()}
        fb.notes = feedback.pair_notes(
            [(num, texts[tok], given.get(num), letter[k["left"][tok]["match"]],
              pick(k["left"][tok]["why"], lang)) for num, tok in s.left.items()],
            {x: texts[t] for x, t in s.right.items()})
        fb.rule = say("gradedquiz.fb.rule.matching", lang)
    return fb.text.rstrip("\n").split("\n")


def reason(detail: str, lang: str) -> str:
    """A student-readable reason for an invalid answer (answers.REASONS or scoring's details)."""
    name, _, what = (detail or "").partition(":")
    key = f"invalid.{name}"
    try:
        return say("gradedquiz." + key, lang, what=echo(what))
    except KeyError:
        return say("gradedquiz.invalid.not-a-value", lang)
