"""Scoring rules shared by self-check quizzes, nbgrader's hidden tests and the batch grader.

One function per question type; every one takes the student's raw answer (plain data, as typed)
and the key, and returns a Score. Partial credit rules:

- single choice, true/false, short text: all or nothing;
- multiple select, n options of which k are right: +1/k for each right option ticked, -1/(n-k) for
  each wrong option ticked, total floored at 0 (Moodle's multichoice rule): ticking every option
  earns 0, a uniformly random response earns no more than chance;
- matching with p pairs: +1/p for each right pair, no penalty (the bank check allows only items
  with p >= 3 pairs or more answer choices than pairs, so guessing stays at chance level).

``option_weights`` gives the per-option weights the LMS exporters write, so they never restate the
rule; ``expected_tick_all`` and ``expected_random`` are what the bank check holds items to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

BLANK, CORRECT, PARTIAL, INCORRECT, INVALID = "blank", "correct", "partial", "incorrect", "invalid"
TRUE_WORDS = {"true", "t", "benar", "b", "ya", "yes", "betul", "1"}
FALSE_WORDS = {"false", "f", "salah", "s", "tidak", "no", "0"}


@dataclass(frozen=True)
class Score:
    points: float
    max_points: float
    status: str  # blank | correct | partial | incorrect | invalid
    detail: str = ""  # machine-readable reason for 'invalid', e.g. "unknown-option:e"

    @property
    def fraction(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0


def normalise(text: object) -> str:
    """Lowercase, no accents or punctuation, single spaces, British -ise spelt -ize."""
    return _normalise(str(text))


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"(\w{3,})is(e|es|ed|ing|ation|ations)\b", r"\1iz\2", text)
    return " ".join(text.split())


def parse_letter(raw: object) -> str | None:
    """'B ', 'b)', '(b)', 'b.' -> 'b'; None when blank. Anything else is returned folded."""
    if raw is None:
        return None
    text = normalise(raw).replace(" ", "")
    return text or None


def parse_letters(raw: object) -> list[str] | None:
    """['a', 'C'], 'a, c', 'a c' or 'ac' -> ['a', 'c']; None when blank."""
    if raw is None:
        return None
    if isinstance(raw, (list, tuple, set)):
        parts = [parse_letter(x) for x in raw]
        letters = [p for p in parts if p]
    else:
        text = normalise(raw)
        letters = text.split() if " " in text else list(text)
    return sorted(set(letters)) or None


def score_single(raw, letter_to_option: dict[str, str], correct: str, points: float) -> Score:
    letter = parse_letter(raw)
    if letter is None:
        return Score(0, points, BLANK)
    if letter not in letter_to_option:
        return Score(0, points, INVALID, f"unknown-option:{letter}")
    ok = letter_to_option[letter] == correct
    return Score(points if ok else 0, points, CORRECT if ok else INCORRECT)


def score_true_false(raw, correct: bool, points: float) -> Score:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Score(0, points, BLANK)
    if isinstance(raw, bool):
        value = raw
    else:
        word = normalise(raw).replace(" ", "")
        if word in TRUE_WORDS:
            value = True
        elif word in FALSE_WORDS:
            value = False
        else:
            return Score(0, points, INVALID, f"not-true-false:{word}")
    return Score(points if value == correct else 0, points, CORRECT if value == correct else INCORRECT)


def score_multiple(raw, letter_to_option: dict[str, str], correct: set[str], points: float) -> Score:
    letters = parse_letters(raw)
    if letters is None:
        return Score(0, points, BLANK)
    unknown = [x for x in letters if x not in letter_to_option]
    if unknown:
        return Score(0, points, INVALID, f"unknown-option:{','.join(unknown)}")
    chosen = {letter_to_option[x] for x in letters}
    share = multiple_share(chosen, correct, len(set(letter_to_option.values())))
    return Score(round(points * share, 4), points, _status(share))


def multiple_share(chosen: set, correct: set, n: int) -> float:
    """Share of the points for the options chosen, out of n options with `correct` right.

    (The bank check rejects items with no right or no wrong option; the format check scores
    against a dummy key with every option right, so those shapes must not fail here.)
    """
    if not correct:
        return 0.0
    good, bad = 1 / len(correct), (-1 / (n - len(correct)) if n > len(correct) else 0.0)
    net = len(chosen & correct) * good + len(chosen - correct) * bad
    return min(1.0, max(0.0, round(net, 9)))


def expected_tick_all(kind: str, n: int, k: int = 1) -> float:
    """Share earned by ticking every option (multiple) or giving one answer to every pair."""
    if kind == "multiple":
        return multiple_share(set(range(n)), set(range(k)), n)
    return 0.0  # single/true-false/short: one answer only; matching: counted in expected_random


def expected_random(kind: str, n: int, k: int = 1, pairs: int = 0) -> float:
    """Expected share of a uniformly random response.

    single: one of n options; true-false: n = 2; multiple: every subset of the n options equally
    likely (blank included); matching: each of `pairs` left entries gets one of n answer choices.
    """
    if kind in ("single", "true-false"):
        return 1 / n
    if kind == "matching":
        return 1 / n if pairs else 0.0  # each pair right with chance 1/n, +1/pairs each
    if kind == "multiple":
        total = 0.0
        for mask in range(2 ** n):
            chosen = {i for i in range(n) if mask >> i & 1}
            total += multiple_share(chosen, set(range(k)), n)
        return total / 2 ** n
    return 0.0  # short answers and essays: a random response earns nothing


MIN_PAIRS = 3  # a matching item needs this many pairs, or more answer choices than pairs


def guessing_problems(kind: str, n: int, k: int = 1, pairs: int = 0) -> list[str]:
    """Why an item's shape lets guessing beat the rule (empty when it does not).

    n options (matching: answer choices), k right ones, `pairs` left entries. Rejected: ticking
    everything earns more than 0; a uniformly random response earns on average more than the
    chance level 1/n of a single-choice item with as many options; a matching item with fewer
    than MIN_PAIRS pairs and no more answer choices than pairs (a coin flip).
    """
    out = []
    if kind == "matching" and pairs < MIN_PAIRS and n <= pairs:
        out.append(f"a matching item needs >= {MIN_PAIRS} pairs or more answer choices than pairs; "
                   f"has {pairs} pairs and {n} choices (a coin flip)")
    if kind not in ("single", "multiple", "true-false", "matching"):
        return out
    tick_all, rand = expected_tick_all(kind, n, k), expected_random(kind, n, k, pairs)
    if tick_all > 1e-9:
        out.append(f"ticking every option earns {tick_all:.0%} of the points; must be 0")
    if rand > 1 / n + 1e-9:
        out.append(f"a random response earns {rand:.1%} on average, above the {1 / n:.1%} chance "
                   "level of a single-choice item with as many options")
    return out


def score_matching(raw, left: dict[str, str], right: dict[str, str], key: dict[str, str],
                   points: float) -> Score:
    """raw: {'1': 'b', ...} or [['1', 'b'], ...] or '1b 2a'; left/right map shown labels to ids."""
    given = pairs(raw)
    if given is None:
        return Score(0, points, BLANK)
    if given == "invalid":
        return Score(0, points, INVALID, "not-pairs")
    bad = [f"{a}-{b}" for a, b in given.items() if a not in left or b not in right]
    if bad:
        return Score(0, points, INVALID, f"unknown-pair:{','.join(bad)}")
    right_count = sum(1 for a, b in given.items() if key.get(left[a]) == right[b])
    share = right_count / len(key)
    return Score(round(points * share, 4), points, _status(share))


def score_short(raw, accepted: list[str], points: float) -> Score:
    if raw is None or not normalise(raw):
        return Score(0, points, BLANK)
    ok = normalise(raw) in {normalise(a) for a in accepted}
    return Score(points if ok else 0, points, CORRECT if ok else INCORRECT)


def _status(share: float) -> str:
    return CORRECT if share >= 1 else (INCORRECT if share <= 0 else PARTIAL)


def pairs(raw):
    """A matching answer as {left label: right label}; None when blank, "invalid" when it is
    not pairs (shared by the graded and self-check scorers and the feedback)."""
    if raw is None or raw == "" or raw == {} or raw == []:
        return None
    if isinstance(raw, dict):
        items = raw.items()
    elif isinstance(raw, (list, tuple)):
        if not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in raw):
            return "invalid"
        items = raw
    elif isinstance(raw, str):
        found = re.findall(r"(\w+)\s*[-:=>]*\s*([a-zA-Z])\b", raw)
        if not found:
            return "invalid"
        items = found
    else:
        return "invalid"
    return {normalise(a).replace(" ", ""): normalise(b).replace(" ", "") for a, b in items}


# --- Per-option weights of a multiple-select item (the course's rule; LMS exports use these) ---

def option_weights(correct: list[bool] | tuple[bool, ...]) -> list[float]:
    """Weight of ticking each option: +1/k for a right one, -1/(n-k) for a wrong one.

    k right options of n. The score is the sum of the ticked weights, floored at 0 and at most 1
    (see score_ticked): tick-all scores 0, tick-none is blank. This is Moodle's multichoice rule.
    """
    k = sum(1 for c in correct if c)
    n = len(correct)
    return [1 / k if c else -1 / (n - k) for c in correct]


def score_ticked(correct: list[bool] | tuple[bool, ...], ticked) -> float:
    """Share (0..1) earned by ticking the options at the given indexes, by option_weights."""
    weights = option_weights(correct)
    return min(1.0, max(0.0, sum(weights[i] for i in set(ticked))))
