"""Compiled self-check questions: display data, and feedback computed in the kernel on checking.

Every score comes from coursekit.scoring; here the salted marks are only turned back into the key
that the scoring rules take.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .. import scoring
from ..content.store import UnknownItem
from . import codec

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
        from ..render import render

        return render("widgets/templates", "feedback.txt.j2", self.lang, fb=self)

    def _repr_html_(self) -> str:
        from ..render import render

        return render("widgets/templates", "feedback.html.j2", self.lang, fb=self)

    def __str__(self) -> str:
        return self.text


class Question:
    def __init__(self, data: dict, salt: str):
        self.data, self.salt = data, salt
        self.id, self.type, self.points = data["id"], data["type"], data["points"]

    def prompt(self, lang: str) -> str:
        return self.data["prompt"][lang]

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

    # -- keys, recovered from the marks only when checking --------------------------------
    def _key(self, raw=None):
        salt, qid = self.salt, self.id
        if self.type in ("single", "multiple"):
            return {o["id"] for o in self.data["options"] if o["mark"] == codec.mark(salt, qid, o["id"], 1)}
        if self.type == "true-false":
            return self.data["mark"] == codec.mark(salt, qid, "tf", True)
        if self.type == "matching":
            ids = [c["id"] for c in self.data["choices"]]
            return {
                i["id"]: next((c for c in ids if i["mark"] == codec.mark(salt, qid, i["id"], c)), None)
                for i in self.data["items"]
            }
        hit = raw is not None and codec.mark(salt, qid, "short", scoring.normalise(raw)) in self.data["marks"]
        return [str(raw)] if hit else []

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
        fb.notes = list(self._notes(raw, lang))
        return fb

    def _why(self, where: str, blob: str, lang: str) -> str:
        return codec.decode(self.salt, f"{self.id}.{where}", blob)[lang]

    def _notes(self, raw, lang):
        if self.type in ("single", "multiple"):
            key = self._key()
            chosen = set(scoring.parse_letters(raw) or [])
            for o in self.data["options"]:
                if o["id"] in chosen or o["id"] in key:
                    about = "chosen" if o["id"] in chosen else "right"
                    yield Note(
                        about,
                        f"{o['id']}) {o['text'][lang]}",
                        o["id"] in key,
                        self._why(o["id"], o["why"], lang),
                    )
        elif self.type == "true-false":
            from ..strings import say

            sc = scoring.score_true_false(raw, True, 1)
            said = "true" if sc.status == scoring.CORRECT else "false"
            right = "true" if self._key() else "false"
            yield Note(
                "chosen",
                say(f"widgets.quiz.{said}", lang),
                said == right,
                self._why(said, self.data["why"][said], lang),
            )
            if said != right:
                yield Note(
                    "right",
                    say(f"widgets.quiz.{right}", lang),
                    True,
                    self._why(right, self.data["why"][right], lang),
                )
        elif self.type == "matching":
            key, choices = self._key(), dict(self.options(lang))
            pairs = scoring._pairs(raw) or {}
            for item in self.data["items"]:
                got, want = pairs.get(item["id"]), key[item["id"]]
                label = f"{item['id']}. {item['text'][lang]} → {choices.get(got, '—')}"
                yield Note(
                    "item",
                    label,
                    got == want,
                    self._why(item["id"], item["why"], lang),
                    "" if got == want else choices.get(want, ""),
                )
        else:
            ok = bool(self._key(raw))
            yield Note(
                "answer",
                codec.decode(self.salt, f"{self.id}.answer", self.data["answer"])[lang],
                ok,
                self._why("why", self.data["why"], lang),
            )
