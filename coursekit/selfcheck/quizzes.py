"""A module's self-check quiz: answer, check (feedback from the kernel), retry, score summary."""

from __future__ import annotations

from dataclasses import dataclass

from .. import progress_store as progress
from ..content.store import UnknownItem
from ..widgets.base import Interactive
from .bank import Feedback, Question, load


@dataclass
class QuizScore:
    points: float
    max_points: float
    checked: int
    total: int
    correct: int
    lang: str

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.max_points) if self.max_points else 0

    def __str__(self) -> str:
        from ..strings import say

        return say(
            "widgets.quiz.summary",
            self.lang,
            points=_num(self.points),
            max=_num(self.max_points),
            checked=self.checked,
            total=self.total,
            correct=self.correct,
            percent=self.percent,
        )


def _num(x: float) -> str:
    return f"{x:g}" if x == int(x) else f"{x:.2f}"


class Quiz(Interactive):
    template = "quiz"

    def __init__(self, module: str, lang: str | None = None, record: bool = True):
        super().__init__(lang)
        data = load(module)
        self.module, self.record = module, record
        self.questions = [Question(q, data["salt"]) for q in data["questions"]]
        self.answers: dict[str, object] = {}
        self.results: dict[str, Feedback] = {}
        if record:  # answers checked before (this or the other language), with their feedback
            ids = {q.id for q in self.questions}
            for qid, value in progress.saved_answers(module).items():
                if qid in ids:
                    self.answers[qid] = value
                    self.results[qid] = self.question(qid).feedback(value, self.lang)

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise UnknownItem("question", qid, [q.id for q in self.questions])

    # -- programmatic twins of the widget's actions ----------------------------------------
    def answer(self, qid: str, value) -> None:
        """Give an answer: 'b' (single), ['a','c'] (multiple), True/'benar' (true/false),
        {'1': 'b', '2': 'a'} (matching), 'text' (short). Clears an earlier check."""
        self.question(qid)
        self.answers[qid] = value
        self.results.pop(qid, None)
        self._sync()

    def check(self, qid: str) -> Feedback:
        """Check the answer given; returns the feedback (.correct, .status, .text)."""
        fb = self.question(qid).feedback(self.answers.get(qid), self.lang)
        self.results[qid] = fb
        if self.record and fb.status not in ("blank", "invalid"):
            progress.record_answer(self.module, qid, fb.points, fb.max_points, self.answers.get(qid))
        self._sync()
        return fb

    def retry(self, qid: str) -> None:
        """Clear the answer and its feedback, to try again."""
        self.question(qid)
        self.answers.pop(qid, None)
        self.results.pop(qid, None)
        self._sync()

    def feedback(self, qid: str) -> Feedback | None:
        return self.results.get(qid)

    def score(self) -> QuizScore:
        """The score of the checked answers (latest check of each question)."""
        done = [f for f in self.results.values() if f.status not in ("blank", "invalid")]
        return QuizScore(
            sum(f.points for f in done),
            sum(q.points for q in self.questions),
            len(done),
            len(self.questions),
            sum(f.correct for f in done),
            self.lang,
        )

    # -- views -----------------------------------------------------------------------------
    def context(self) -> dict:
        return {"quiz": self, "score": self.score()}

    def _build(self):
        from .quiz_widget import build

        return build(self)

    def _update(self) -> None:
        from .quiz_widget import update

        update(self)
