"""The tidy per-response table every analysis works on: one row per student and question.

A Response holds what a student chose (stable option ids, never displayed letters), the score,
and which variant they saw; an Item holds what the analysis needs to know about a bank item.
The CSV form is the per-question export (`coursekit export-items`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

# Item kinds (the graded bank's types).
SINGLE, MULTIPLE, TRUE_FALSE, MATCHING, SHORT, ESSAY = (
    "single", "multiple", "truefalse", "matching", "short", "essay")
CHOICE_KINDS = {SINGLE, MULTIPLE, TRUE_FALSE}


@dataclass(frozen=True)
class Item:
    """What the analysis needs about one bank item (never shown to students)."""

    id: str  # stable bank id
    kind: str
    max: float
    options: tuple[str, ...] = ()  # stable option ids (choice kinds); right-hand ids (matching)
    key: tuple[str, ...] = ()  # correct option ids; matching: 'left=right' pairs
    text: dict = field(default_factory=dict)  # {'id': ..., 'en': ...} short stem for the report
    option_text: dict = field(default_factory=dict)  # option id -> {'id', 'en'}
    classification: bool = False  # strategy classification: feeds the confusion matrix


@dataclass(frozen=True)
class Response:
    """One student's answer to one question slot of an assignment."""

    student: str
    question: str  # slot in the notebook, e.g. 'q03'
    item: str  # stable bank item id drawn for this student
    score: float | None  # None: not graded yet (essay waiting for formgrader)
    max: float
    chosen: tuple[str, ...] = ()  # stable option ids; matching: 'left=right'; short: the text
    variant: str = ""
    status: str = ""  # blank | correct | partial | incorrect | invalid | manual | missing

    @property
    def fraction(self) -> float | None:
        if self.score is None or not self.max:
            return None
        return self.score / self.max


COLUMNS = ["student", "question", "item", "score", "max", "chosen", "variant", "status"]


def write_csv(rows: list[Response], path: Path | str) -> None:
    """Whole or not at all (atomic.py), whatever the unicode in a student's answer."""
    write_rows(path, [COLUMNS, *([r.student, r.question, r.item, _num(r.score), _num(r.max),
                                  "|".join(r.chosen), r.variant, r.status] for r in rows)])


def write_rows(path: Path | str, rows) -> None:
    """A CSV file written atomically (temporary file + rename)."""
    import io

    from .atomic import write_text

    buf = io.StringIO(newline="")
    out = csv.writer(buf)
    for row in rows:
        out.writerow(row)
    write_text(path, buf.getvalue())


def read_csv(path: Path | str) -> list[Response]:
    with open(path, newline="", encoding="utf-8") as fh:
        return [Response(student=d["student"], question=d["question"], item=d["item"],
                         score=float(d["score"]) if d["score"] != "" else None,
                         max=float(d["max"]), chosen=tuple(x for x in d["chosen"].split("|") if x),
                         variant=d["variant"], status=d["status"])
                for d in csv.DictReader(fh)]


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(round(float(x), 6))
