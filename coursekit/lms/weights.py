"""The course's scoring rule as an LMS's percentages, checked against the LMS's allowed values."""

from __future__ import annotations

from .. import scoring
from .source import Question

# Moodle's grade values (question_bank::fraction_options_full), as fractions; negatives allowed too.
MOODLE_GRADES = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
                 0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0)
TOLERANCE = 1e-5  # Moodle's match_grade_options(..., 'error')


class CannotExpress(Exception):
    def __init__(self, item: str, fmt: str, value: float):
        super().__init__(f"{item}: {fmt} cannot express {value:g} %")
        self.item, self.fmt, self.value = item, fmt, value


def percents(q: Question) -> list[float]:
    """Per choice, the percentage of the question's points that ticking it gives."""
    if q.type == "single":
        return [100.0 if c.correct else 0.0 for c in q.choices]
    return [100 * w for w in scoring.option_weights([c.correct for c in q.choices])]


def moodle_percents(q: Question, fmt: str = "Moodle") -> list[str]:
    """percents() written as Moodle fractions ('33.33333'); CannotExpress when Moodle has no such value."""
    out = []
    for p in percents(q):
        if not any(abs(abs(p) / 100 - g) < TOLERANCE for g in MOODLE_GRADES):
            raise CannotExpress(q.id, fmt, p)
        out.append(percent(p))
    return out


def percent(p: float) -> str:
    text = f"{p:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
