"""Feedback lines for one scored question (printed by the hidden test, so they reach nbgrader's
feedback, which is generated after grading and never released before it)."""

from __future__ import annotations

from .. import scoring
from ..strings import pick, say
from .answers import echo
from .score import Result
from .variant import Slot


def explain(result: Result, question: dict, key: dict, s: Slot, lang: str) -> list[str]:
    lines = [say("graded.result.line", lang, qid=result.qid, status=say(f"graded.result.{result.status}",
                                                                        lang),
                 points=f"{result.points:g}", max=f"{result.max_points:g}")]
    if result.status == scoring.INVALID:
        lines.append(reason(result.detail, lang))
    item = next(i for i in question["items"] if i["item"] == s.item)
    texts = {e["token"]: e["text"] for part in ("options", "left", "right") for e in item.get(part, [])}
    k = key[s.item]
    if s.type == "single":
        letter = scoring.parse_letter(result.value) if result.value is not None else None
        right = next(t for t, o in k["options"].items() if o["correct"])
        tok = s.letters.get(letter or "")
        if tok and tok != right:
            lines.append(say("graded.fb.you-chose", lang, letter=letter, text=pick(texts[tok], lang),
                             why=pick(k["options"][tok]["why"], lang)))
        rl = next(x for x, t in s.letters.items() if t == right)
        lines.append(say("graded.fb.right-answer", lang, letter=rl, text=pick(texts[right], lang),
                         why=pick(k["options"][right]["why"], lang)))
    elif s.type == "multiple":
        got = set(scoring.parse_letters(result.value) or []) if result.status != scoring.INVALID else set()
        for letter, tok in s.letters.items():
            right, picked = k["options"][tok]["correct"], letter in got
            mark = ("right" if right else "wrong") + (
                "-chosen" if picked else ("-missed" if right else "-left"))
            lines.append(say("graded.fb.option", lang, letter=letter, text=pick(texts[tok], lang),
                             mark=say(f"graded.fb.mark.{mark}", lang), why=pick(k["options"][tok]["why"],
                                                                                lang)))
        lines.append(say("graded.fb.rule.multiple", lang))
    elif s.type == "true-false":
        lines.append(say("graded.fb.tf", lang, answer=say("graded.true" if k["answer"] else "graded.false",
                                                          lang),
                         why=pick(k["why"], lang)))
    elif s.type == "short":
        lines.append(say("graded.fb.short", lang, answer=k["accepted"][0], why=pick(k["why"], lang)))
    elif s.type == "matching":
        given = scoring._pairs(result.value) if result.status != scoring.INVALID else None
        given = given if isinstance(given, dict) else {}
        for num, tok in s.left.items():
            match = k["left"][tok]["match"]
            letter = next(x for x, t in s.right.items() if t == match)
            mine = given.get(num, "-")
            mark = say("graded.fb.pair.ok", lang) if mine == letter else say("graded.fb.pair.wrong", lang,
                                                                             given=mine)
            lines.append(say("graded.fb.pair", lang, num=num, left=pick(texts[tok], lang), letter=letter,
                             right=pick(texts[match], lang), mark=mark,
                             why=pick(k["left"][tok]["why"], lang)))
        lines.append(say("graded.fb.rule.matching", lang))
    return lines


def reason(detail: str, lang: str) -> str:
    """A student-readable reason for an invalid answer (answers.REASONS or scoring's details)."""
    name, _, what = (detail or "").partition(":")
    key = f"invalid.{name}"
    try:
        return say("graded." + key, lang, what=echo(what))
    except KeyError:
        return say("graded.invalid.not-a-value", lang)
