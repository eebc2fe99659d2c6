"""The feedback of one checked answer (status, points, one note per option, entry or answer) and
its one template set (templates/feedback.html.j2 for notebooks, feedback.txt.j2 for terminals)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import scoring

TEMPLATES = Path(__file__).parent / "templates"


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

    @property
    def correct(self) -> bool:
        return self.status == scoring.CORRECT

    @property
    def text(self) -> str:
        return render("feedback.txt.j2", self.lang, fb=self)

    def _repr_html_(self) -> str:
        return render("feedback.html.j2", self.lang, fb=self)

    def __str__(self) -> str:
        return self.text


def render(name: str, lang: str, **context) -> str:
    """Render templates/<name> with say(key, **fields) and pick(text) bound to lang."""
    from ..render import environment
    from ..strings import pick, say

    text = environment(TEMPLATES).get_template(name).render(
        lang=lang, say=lambda key, **kw: say(key, lang, **kw), pick=lambda t: pick(t, lang), **context)
    return re.sub(r"\n{3,}", "\n\n", text.strip()) + "\n"  # never a double blank line
