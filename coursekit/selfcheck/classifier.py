"""Strategy classifier: place short scenarios on the three strategic axes; feedback per axis names
the likely misconception. Keys and feedback come encoded from coursekit/selfcheck/data/vignettes.json."""

from __future__ import annotations

from dataclasses import dataclass

from .. import progress_store as progress
from ..content.axes import axes
from ..content.store import UnknownItem
from ..questions import hide
from ..widgets.base import Interactive
from .bank import load


@dataclass
class AxisFeedback:
    axis: str
    chosen: str | None
    correct: bool
    text: str


class Classifier(Interactive):
    template = "classifier"

    def __init__(self, setting: str | None = None, lang: str | None = None, record: bool = True):
        super().__init__(lang)
        data = load("vignettes")
        self.salt, self.record = data["salt"], record
        self.vignettes = [v for v in data["vignettes"] if setting in (None, v["setting"])]
        self.index = 0
        self.placed: dict[str, dict[str, str]] = {}  # vignette id -> axis -> position
        self.results: dict[str, dict[str, AxisFeedback]] = {}
        self.revealed: set[str] = set()

    @property
    def current(self) -> dict:
        return self.vignettes[self.index]

    # -- programmatic twins ----------------------------------------------------------------
    def show(self, vignette) -> None:
        """Go to a vignette by id or by number (0-based)."""
        ids = [v["id"] for v in self.vignettes]
        if isinstance(vignette, int) and 0 <= vignette < len(ids):
            self.index = vignette
        elif vignette in ids:
            self.index = ids.index(vignette)
        else:
            raise UnknownItem("vignette", str(vignette), ids)
        self._sync()

    def next(self) -> None:
        self.show((self.index + 1) % len(self.vignettes))

    def prev(self) -> None:
        self.show((self.index - 1) % len(self.vignettes))

    def place(self, axis: str, position: str | None) -> None:
        """Place the current scenario on an axis, e.g. place('conflict-consensus', 'consensus')."""
        if axis not in axes():
            raise UnknownItem("axis", axis, axes())
        if position is not None and position not in axes()[axis]:
            raise UnknownItem("position", position, axes()[axis])
        vid = self.current["id"]
        placed = self.placed.setdefault(vid, {})
        if position is None:
            placed.pop(axis, None)
        else:
            placed[axis] = position
        self.results.pop(vid, None)
        self._sync()

    def check(self) -> dict[str, AxisFeedback]:
        """Feedback per axis: why it is right, or the likely misconception behind the choice."""
        from ..strings import say

        v, lang = self.current, self.lang
        placed, out = self.placed.get(v["id"], {}), {}
        for axis in axes():
            chosen, spec = placed.get(axis), v["axes"][axis]
            if chosen is None:
                out[axis] = AxisFeedback(axis, None, False, say("widgets.classify.unplaced", lang))
                continue
            ok = spec["mark"] == hide.mark(self.salt, v["id"], axis, chosen)
            text = hide.decode(self.salt, f"{v['id']}.{axis}.{chosen}", spec["feedback"][chosen])[lang]
            out[axis] = AxisFeedback(axis, chosen, ok, text)
        self.results[v["id"]] = out
        if self.record and placed:
            progress.record_vignette(v["id"], sum(f.correct for f in out.values()), len(out))
        self._sync()
        return out

    def reveal(self) -> dict[str, tuple[str, str]]:
        """The right position on each axis, with why: axis -> (position, why)."""
        self.revealed.add(self.current["id"])
        self._sync()
        return self._answers_of(self.current)

    def _answers_of(self, v: dict) -> dict[str, tuple[str, str]]:
        out = {}
        for axis, positions in axes().items():
            spec = v["axes"][axis]
            right = next(p for p in positions if spec["mark"] == hide.mark(self.salt, v["id"], axis, p))
            out[axis] = (right, hide.decode(self.salt, f"{v['id']}.{axis}.why", spec["why"])[self.lang])
        return out

    def retry(self) -> None:
        """Clear the current scenario's placements and feedback."""
        vid = self.current["id"]
        self.placed.pop(vid, None)
        self.results.pop(vid, None)
        self.revealed.discard(vid)
        self._sync()

    def score(self) -> tuple[int, int]:
        """(axes placed right, axes checked) over every checked scenario."""
        rows = [f for r in self.results.values() for f in r.values()]
        return sum(f.correct for f in rows), len(rows)

    def context(self) -> dict:
        v = self.current
        return {
            "c": self,
            "v": v,
            "axes": axes(),
            "placed": self.placed.get(v["id"], {}),
            "results": self.results.get(v["id"]),
            "answers": self._answers_of(v) if v["id"] in self.revealed else None,
        }

    # -- view -------------------------------------------------------------------------------
    def _build(self):
        import ipywidgets as w

        from ..strings import say

        lang = self.lang
        self._pick = w.Dropdown(
            options=[(f"{i + 1}. {v['title'][lang]}", i) for i, v in enumerate(self.vignettes)],
            description=say("widgets.classify.scenario", lang),
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self._pick.observe(self._on(lambda ch: self.show(ch["new"])), "value")
        prev = w.Button(description=say("widgets.classify.prev", lang), icon="arrow-left")
        nxt = w.Button(description=say("widgets.classify.next", lang), icon="arrow-right")
        prev.on_click(self._on(lambda _b: self.prev()))
        nxt.on_click(self._on(lambda _b: self.next()))
        self._text = w.HTML()
        self._axes, self._notes = {}, {}
        rows = []
        for axis, positions in axes().items():
            t = w.ToggleButtons(
                options=[(say(f"content.position.{p}", lang), p) for p in positions],
                value=None,
                description=say(f"content.axis.{axis}", lang),
                style={"description_width": "initial", "button_width": "auto"},
            )
            t.observe(self._on(lambda ch, axis=axis: self.place(axis, ch["new"])), "value")
            self._axes[axis], self._notes[axis] = t, w.HTML()
            rows += [t, self._notes[axis]]
        buttons = []
        for key, icon, fn in (
            ("widgets.quiz.check", "check", self.check),
            ("widgets.classify.reveal", "eye", self.reveal),
            ("widgets.quiz.retry", "undo", self.retry),
        ):
            b = w.Button(description=say(key, lang), icon=icon)
            b.on_click(self._on(lambda _b, fn=fn: fn()))
            buttons.append(b)
        self._answers, self._summary = w.HTML(), w.HTML()
        return w.VBox(
            [
                w.HBox([self._pick, prev, nxt]),
                self._text,
                *rows,
                w.HBox(buttons),
                self._answers,
                self._summary,
            ]
        )

    def _update(self) -> None:
        from ..strings import say

        ctx = self.context()
        self._pick.value = self.index
        self._text.value = self.html("vignette", v=ctx["v"])
        for axis, t in self._axes.items():
            t.value = ctx["placed"].get(axis)
            fb = (ctx["results"] or {}).get(axis)
            self._notes[axis].value = self.html("axis_feedback", f=fb) if fb else ""
        self._answers.value = self.html("answers", answers=ctx["answers"]) if ctx["answers"] else ""
        right, total = self.score()
        self._summary.value = (
            self.html("status", text=say("widgets.classify.summary", self.lang, right=right, total=total))
            if total
            else ""
        )


def classify(setting: str | None = None, lang: str | None = None) -> Classifier:
    """Strategy classifier over the vignettes ('indonesia' or 'elsewhere' to narrow them); twins:
    .show(id or number), .next(), .prev(), .place(axis, position), .check(), .reveal(), .retry(), .score()."""
    return Classifier(setting, lang)
