"""The feedback of one checked answer (status, points, one note per option, entry or answer) and
its one template set (templates/feedback.html.j2 for notebooks, feedback.txt.j2 for terminals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import scoring

TEMPLATES = Path(__file__).parent / "templates"
MEMO_SIZE = 10_000
_TEXTS: dict = {}  # Feedback._key() -> its text


@dataclass
class Note:
    """One line of feedback: what it is about, whether that is right, and the explanation."""

    about: str  # 'chosen' | 'right' | 'item' | 'answer'
    label: str  # the option / item text shown
    ok: bool | None
    text: str  # the rationale (in the chosen language)
    right: str = ""  # for a wrongly matched item: the right match


@dataclass
class Feedback:
    qid: str
    status: str  # scoring status: correct | partial | incorrect | blank | invalid
    points: float
    max_points: float
    lang: str
    notes: list[Note] = field(default_factory=list)
    heading: str = ""  # graded: the question's name, e.g. 'q01'
    reason: str = ""  # why an answer could not be read
    rule: str = ""  # the scoring rule, for partial credit

    @property
    def correct(self) -> bool:
        return self.status == scoring.CORRECT

    @property
    def text(self) -> str:
        """Rendered once per process for each distinct feedback (the class grader meets the same
        one for many students)."""
        key = self._key()
        text = _TEXTS.get(key)
        if text is None:
            if len(_TEXTS) >= MEMO_SIZE:
                _TEXTS.clear()
            text = _TEXTS[key] = render("feedback.txt.j2", self.lang, fb=self, v=self._worded())
        return text

    def _key(self) -> tuple:
        """Every field, the notes' too: what the templates show depends on nothing else."""
        return (*(v for k, v in self.__dict__.items() if k != "notes"),
                tuple(tuple(n.__dict__.values()) for n in self.notes))

    def _repr_html_(self) -> str:
        return render("feedback.html.j2", self.lang, fb=self, v=self._worded())

    def _worded(self) -> dict:
        """The words both templates show, in self.lang (said here once, not by the templates:
        the class grader renders a feedback per question per student)."""
        from ..strings import say

        lang = self.lang
        scored = self.status not in (scoring.BLANK, scoring.INVALID)
        return {
            "status": say("widgets.quiz.status." + self.status, lang),
            "points": say("widgets.quiz.points", lang, points=f"{self.points:g}",
                          max=f"{self.max_points:g}") if scored else "",
            "notes": [{
                "ok": n.ok, "label": n.label, "text": n.text,
                "about": say("widgets.quiz.about." + n.about, lang),
                "verdict": _verdict(n, lang),
                "right": say("widgets.quiz.right-match", lang, right=n.right) if n.right else "",
            } for n in self.notes],
        }

    def __str__(self) -> str:
        return self.text


def _verdict(n: Note, lang: str) -> str:
    """What the note says of the student's answer: nothing on the right answer, and on a short
    answer's model answer whether the answer given is accepted (not that the model is wrong)."""
    from ..strings import say

    if n.ok is None or n.about == "right":
        return ""
    if n.about == "answer":
        return say("widgets.quiz.accepted" if n.ok else "widgets.quiz.not-accepted", lang)
    return say("widgets.quiz.ok" if n.ok else "widgets.quiz.not-ok", lang)


def choice_notes(options, chosen: set) -> list[Note]:
    """options: (letter, text, correct, why) in the order shown; a note for each chosen or right one."""
    return [Note("chosen" if letter in chosen else "right", f"{letter}) {text}", right, why)
            for letter, text, right, why in options if letter in chosen or right]


def truth_notes(said: bool | None, right: bool, label, why) -> list[Note]:
    """True/false: what was said (if anything) and, when that is wrong, the right answer;
    label(bool) and why(bool) give the shown word and the rationale."""
    notes = [] if said is None else [Note("chosen", label(said), said == right, why(said))]
    if said != right:
        notes.append(Note("right", label(right), True, why(right)))
    return notes


def pair_notes(rows, choices: dict) -> list[Note]:
    """Matching: rows of (number, text, given letter, right letter, why); choices: letter -> text."""
    return [Note("item", f"{num}. {text} → {choices.get(got, '—')}", got == want, why,
                 "" if got == want else choices.get(want, ""))
            for num, text, got, want, why in rows]


def answer_note(model: str, ok: bool, why: str) -> list[Note]:
    """Short answer: the model answer, whether the answer given is accepted, and why."""
    return [Note("answer", model, ok, why)]


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> in lang (coursekit.render: say and pick bound to lang)."""
    from ..render import render

    return render(TEMPLATES, name, lang, **context)
