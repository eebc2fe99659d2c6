"""Compiled self-check questions: display data, and feedback computed in the kernel on checking.

Every score comes from coursekit.scoring, keys are recovered by coursekit.questions.hide, the
feedback is a coursekit.questions.feedback.Feedback.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .. import scoring
from ..content.store import UnknownItem
from ..questions import feedback, hide
from ..questions.feedback import Feedback

TYPES = ("single", "multiple", "true-false", "matching", "short")


def available() -> list[str]:
    folder = resources.files(__package__) / "data"
    return sorted(
        p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json") and p.name != "vignettes.json"
    )


@cache
def load(name: str) -> dict:
    """The compiled data of a quiz ('m4') or of the vignettes ('vignettes')."""
    path = resources.files(__package__) / "data" / f"{name}.json"
    if not path.is_file():
        raise UnknownItem("self-check quiz", name, available())
    return json.loads(path.read_text(encoding="utf-8"))


class Question:
    def __init__(self, data: dict, salt: str):
        self.data, self.salt = data, salt
        self.id, self.type, self.points = data["id"], data["type"], data["points"]

    def prompt(self, lang: str) -> str:
        return self.data["stem"][lang]

    def options(self, lang: str) -> list[tuple[str, str]]:
        """(id, text) of the options: letters for choices, 'true'/'false', or matching choices."""
        if self.type in ("single", "multiple"):
            return [(o["id"], o["text"][lang]) for o in self.data["options"]]
        if self.type == "matching":
            return [(c["id"], c["text"][lang]) for c in self.data["choices"]]
        return []

    def items(self, lang: str) -> list[tuple[str, str]]:
        """(id, text) of the items to match."""
        return [(i["id"], i["text"][lang]) for i in self.data.get("items", [])]

    def _key(self, raw=None):
        """The key, recovered from the marks only when checking."""
        return hide.key(self.salt, self.data, raw)

    def score(self, raw) -> scoring.Score:
        letters = {o: o for o, _ in self.options("id")}
        if self.type == "single":
            return scoring.score_single(raw, letters, next(iter(self._key())), self.points)
        if self.type == "multiple":
            return scoring.score_multiple(raw, letters, self._key(), self.points)
        if self.type == "true-false":
            return scoring.score_true_false(raw, self._key(), self.points)
        if self.type == "matching":
            items = {i: i for i, _ in self.items("id")}
            return scoring.score_matching(raw, items, letters, self._key(), self.points)
        return scoring.score_short(raw, self._key(raw), self.points)

    def feedback(self, raw, lang: str) -> Feedback:
        sc = self.score(raw)
        fb = Feedback(self.id, sc.status, sc.points, sc.max_points, lang)
        if sc.status in (scoring.BLANK, scoring.INVALID):
            return fb
        fb.notes = self._notes(raw, lang)
        return fb

    def _why(self, where: str, blob: str, lang: str) -> str:
        return hide.reveal(self.salt, f"{self.id}.{where}", blob)[lang]

    def _notes(self, raw, lang):
        if self.type in ("single", "multiple"):
            key = self._key()
            chosen = set(scoring.parse_letters(raw) or [])
            return feedback.choice_notes(
                [(o["id"], o["text"][lang], o["id"] in key, self._why(o["id"], o["why"], lang))
                 for o in self.data["options"]], chosen)
        if self.type == "true-false":
            from ..strings import say

            said = scoring.score_true_false(raw, True, 1).status == scoring.CORRECT
            return feedback.truth_notes(
                said, self._key(), lambda b: say(f"widgets.quiz.{'true' if b else 'false'}", lang),
                lambda b: self._why(str(b).lower(), self.data["why"][str(b).lower()], lang),
            )
        if self.type == "matching":
            key, pairs = self._key(), scoring._pairs(raw) or {}
            return feedback.pair_notes(
                [(i["id"], i["text"][lang], pairs.get(i["id"]), key[i["id"]],
                  self._why(i["id"], i["why"], lang)) for i in self.data["items"]], dict(self.options(lang)))
        return feedback.answer_note(
            hide.reveal(self.salt, f"{self.id}.answer", self.data["answer"])[lang],
            bool(self._key(raw)), self._why("why", self.data["why"], lang))
