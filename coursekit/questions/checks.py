"""The checks of one question that a schema cannot express, for every quiz (practice or graded).

problems(q) -> [(field, message)], the field relative to the question (e.g. ['options']), so the
caller names file and line. The guessing rule is coursekit.scoring's.
"""

from __future__ import annotations

from .. import scoring
from ..content.problems import allowed, did_you_mean

# which of the type-specific fields each question type may have
FIELDS = {"single": {"options"}, "multiple": {"options"},
          "true-false": {"answer", "why", "if_true", "if_false"},
          "short": {"accepted", "why", "model"}, "matching": {"left", "right"},
          "essay": {"guidance", "scheme", "model", "words"}}
TYPED = sorted(set().union(*FIELDS.values()))


def problems(q: dict) -> list[tuple[list, str]]:
    kind, out = q["type"], []
    for key in TYPED:
        if key in q and key not in FIELDS[kind]:
            out.append(([key], f"{key!r} does not belong to a {kind} question; "
                               f"allowed: {allowed(FIELDS[kind])}"))
    if kind in ("single", "multiple"):
        ids = [o["id"] for o in q["options"]]
        if len(set(ids)) != len(ids):
            twice = sorted({i for i in ids if ids.count(i) > 1})
            out.append((["options"], f"option ids repeat: {twice}"))
        right = sum(1 for o in q["options"] if o.get("correct"))
        if kind == "single" and right != 1:
            out.append((["options"], "a single-choice question needs exactly one correct option, "
                                     f"has {right} (mark it 'correct: true')"))
        if kind == "multiple" and not 1 <= right < len(ids):
            out.append((["options"], f"a multiple-select question needs some correct and some wrong options, "
                                     f"has {right} of {len(ids)} correct"))
    if kind == "true-false" and ("why" in q) == ("if_true" in q or "if_false" in q):
        out.append((["why"], "a true-false question explains with 'why' or with 'if_true' and 'if_false', "
                             "not both"))
    if kind == "matching":
        left = [e["id"] for e in q["left"]]
        right = [e["id"] for e in q["right"]]
        if len(set(left)) != len(left) or len(set(right)) != len(right):
            out.append((["left"], "matching entry ids repeat"))
        for n, e in enumerate(q["left"]):
            if e["match"] not in right:
                out.append((["left", n, "match"], f"{e['match']!r} is not a right entry; allowed: "
                                                  f"{allowed(right)}{did_you_mean(e['match'], right)}"))
    out += [([], m) for m in guessing(q)]
    return out


def guessing(q: dict) -> list[str]:
    """The question against the course's guessing rule (scoring.guessing_problems)."""
    kind = q["type"]
    if kind in ("single", "multiple"):
        n, k = len(q["options"]), sum(1 for o in q["options"] if o.get("correct"))
        if kind == "multiple" and not 1 <= k < n:
            return []  # reported above
        return scoring.guessing_problems(kind, n, k)
    if kind == "true-false":
        return scoring.guessing_problems(kind, 2)
    if kind == "matching":
        return scoring.guessing_problems(kind, len(q["right"]), pairs=len(q["left"]))
    return []
