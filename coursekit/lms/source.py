"""The one adapter between the question bank and the exporters.

Exporters see only the plain objects below, never the bank's files or schema: they are questions
of the one question model (coursekit/questions/schemas/question.json), keys included, read from
the graded bank (exercises/bank/*.yaml) and the quiz definitions (exercises/quizzes.yaml) via
coursekit.gradedquiz.bank, which validates them with the model's schema and checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Text = dict  # {"id": ..., "en": ...}


@dataclass(frozen=True)
class Choice:
    id: str
    text: Text
    correct: bool = False
    why: Text | None = None


@dataclass(frozen=True)
class Pair:
    id: str
    text: Text
    match: str  # id of the right-hand entry
    why: Text | None = None


@dataclass(frozen=True)
class Criterion:
    points: float
    text: Text
    expect: Text | None = None  # what earns the top level (instructor-only)
    levels: tuple[Text, ...] = ()  # what earns 0, 1, 2, ... points


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # single | multiple | true-false | matching | short | essay
    points: float
    stem: Text
    choices: tuple[Choice, ...] = ()  # single, multiple
    answer: bool | None = None  # true-false
    why: Text | None = None  # true-false, short
    accepted: tuple[str, ...] = ()  # short
    left: tuple[Pair, ...] = ()  # matching
    right: tuple[Choice, ...] = ()  # matching (right-hand entries; unmatched ones are distractors)
    guidance: Text | None = None  # essay
    scheme: tuple[Criterion, ...] = ()  # essay
    model: Text | None = None  # essay


@dataclass(frozen=True)
class Slot:
    """One question place of a quiz: a fixed item, or a pool (one item drawn per student)."""
    number: int
    pool: str | None
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Quiz:
    id: str
    title: Text
    slots: tuple[Slot, ...] = field(default_factory=tuple)

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.slots for q in s.questions]


class BankError(Exception):
    """The bank has problems; str() lists them all."""


def default_root() -> Path:
    return Path.cwd() / "exercises" if (Path.cwd() / "exercises" / "bank").is_dir() else Path.cwd()


def quizzes(root: str | Path | None = None, only: str | None = None) -> list[Quiz]:
    """The quizzes of the bank under an exercises folder: the one named `only`, or all of them
    plus a last pseudo-quiz 'bank' holding the items no quiz uses (so the whole bank exports)."""
    from ..gradedquiz import bank as graded_bank

    bank, problems = graded_bank.load(Path(root) if root else default_root())
    if problems:
        raise BankError("\n".join(str(p) for p in problems))
    chosen = [bank.quiz(only)] if only else bank.quizzes
    out = [Quiz(q["id"], q["title"], tuple(
        Slot(n, s.get("pool"), tuple(question(i) for i in bank.candidates(s)))
        for n, s in enumerate(q["questions"], 1))) for q in chosen]
    if not only:
        used = {q.id for quiz in out for q in quiz.questions}
        rest = [question(i) for iid, i in sorted(bank.items.items()) if iid not in used]
        if rest:
            from ..strings import entry

            out.append(Quiz("bank", entry("lms.names.unused"), tuple(
                Slot(n, None, (q,)) for n, q in enumerate(rest, 1))))
    return out


def quiz_ids(root: str | Path | None = None) -> list[str]:
    from ..gradedquiz import bank as graded_bank

    bank, _ = graded_bank.load(Path(root) if root else default_root())
    return [q["id"] for q in bank.quizzes]


def question(item: dict) -> Question:
    """One bank item as a Question."""
    kind = item["type"]
    common = {"id": item["id"], "type": kind, "points": float(item["points"]), "stem": item["stem"]}
    if kind in ("single", "multiple"):
        return Question(**common, choices=tuple(
            Choice(o["id"], o["text"], bool(o.get("correct")), o.get("why")) for o in item["options"]))
    if kind == "true-false":
        return Question(**common, answer=bool(item["answer"]), why=item.get("why"))
    if kind == "short":
        return Question(**common, accepted=tuple(item["accepted"]), why=item.get("why"))
    if kind == "matching":
        return Question(**common, left=tuple(Pair(e["id"], e["text"], e["match"], e.get("why"))
                                             for e in item["left"]),
                        right=tuple(Choice(e["id"], e["text"]) for e in item["right"]))
    scheme = tuple(Criterion(float(c["points"]), c["text"], c.get("expect"), tuple(c.get("levels", ())))
                   for c in item.get("scheme", ()))
    return Question(**common, guidance=item.get("guidance"), model=item.get("model"), scheme=scheme)
