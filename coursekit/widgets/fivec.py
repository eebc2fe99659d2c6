"""5C mapper: assign a case's actors and elements to Cause, Change agency, Change target, Channel,
Change strategy; feedback per item. The mapping comes from the case's `actors` in the content."""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..content import content
from ..content.store import UnknownItem
from .base import Interactive

ELEMENTS = ("cause", "change-agency", "change-target", "channel", "change-strategy")


@dataclass
class ItemFeedback:
    item: str  # display number, '1'...
    label: str
    chosen: str | None
    right: str
    correct: bool
    text: str


class FiveCMapper(Interactive):
    template = "fivec"

    def __init__(self, case: str, lang: str | None = None):
        super().__init__(lang)
        self.case = content().get("case", case)
        actors = list(self.case.get("actors", []))
        if not actors:
            mapped = [c["slug"] for c in content().all("case") if c.get("actors")]
            raise UnknownItem("case with a 5C mapping", case, mapped)
        random.Random(case).shuffle(actors)  # not in the order of the five elements
        self.items = {str(i): a for i, a in enumerate(actors, 1)}
        self.assigned: dict[str, str] = {}
        self.results: dict[str, ItemFeedback] | None = None

    def _item(self, item) -> str:
        key = str(item)
        if key in self.items:
            return key
        for k, a in self.items.items():  # also by the label text, in either language
            if str(item).casefold() in (a["label"]["id"].casefold(), a["label"]["en"].casefold()):
                return k
        raise UnknownItem("item", str(item), self.items)

    # -- programmatic twins ----------------------------------------------------------------
    def assign(self, item, element: str | None) -> None:
        """Assign item (its number, e.g. 1, or its label) to a 5C element (None clears it)."""
        key = self._item(item)
        if element is None:
            self.assigned.pop(key, None)
        elif element not in ELEMENTS:
            raise UnknownItem("5C element", element, ELEMENTS)
        else:
            self.assigned[key] = element
        self.results = None
        self._sync()

    def check(self) -> dict[str, ItemFeedback]:
        """Feedback per item (unassigned items count as not right)."""
        from ..strings import say

        lang, out = self.lang, {}
        for k, a in self.items.items():
            chosen, right = self.assigned.get(k), a["element"]
            why = (
                a["why"][lang]
                if a.get("why")
                else say("widgets.fivec.is", lang, element=say(f"content.fivec.{right}", lang))
            )
            text = (
                why
                if chosen == right
                else (
                    say("widgets.fivec.unassigned", lang)
                    if chosen is None
                    else say("widgets.fivec.wrong", lang, chosen=say(f"content.fivec.{chosen}", lang))
                    + " "
                    + why
                )
            )
            out[k] = ItemFeedback(k, a["label"][lang], chosen, right, chosen == right, text)
        self.results = out
        self._sync()
        return out

    def reset(self) -> None:
        """Clear every assignment and the feedback."""
        self.assigned, self.results = {}, None
        self._sync()

    def score(self) -> tuple[int, int]:
        """(items placed right, items) of the last check."""
        done = self.results or {}
        return sum(f.correct for f in done.values()), len(self.items)

    def context(self) -> dict:
        return {"m": self, "elements": ELEMENTS, "score": self.score()}

    # -- view -------------------------------------------------------------------------------
    def _build(self):
        import ipywidgets as w

        from ..strings import say

        lang = self.lang
        options = [
            (say("widgets.quiz.pick", lang), ""),
            *((say(f"content.fivec.{e}", lang), e) for e in ELEMENTS),
        ]
        self._drops, self._notes = {}, {}
        rows = [w.HTML(self.html("fivec_head", m=self))]
        for k, a in self.items.items():
            d = w.Dropdown(
                options=options,
                value="",
                description=f"{k}. {a['label'][lang]}",
                style={"description_width": "initial"},
                layout=w.Layout(width="auto"),
            )
            d.observe(self._on(lambda ch, k=k: self.assign(k, ch["new"] or None)), "value")
            self._drops[k], self._notes[k] = d, w.HTML()
            rows += [d, self._notes[k]]
        check = w.Button(description=say("widgets.quiz.check", lang), icon="check")
        reset = w.Button(description=say("widgets.quiz.retry", lang), icon="undo")
        check.on_click(self._on(lambda _b: self.check()))
        reset.on_click(self._on(lambda _b: self.reset()))
        self._summary = w.HTML()
        return w.VBox([*rows, w.HBox([check, reset]), self._summary])

    def _update(self) -> None:
        from ..strings import say

        for k, d in self._drops.items():
            d.value = self.assigned.get(k, "")
            fb = (self.results or {}).get(k)
            self._notes[k].value = self.html("fivec_item", f=fb) if fb else ""
        right, total = self.score()
        self._summary.value = (
            self.html("status", text=say("widgets.fivec.summary", self.lang, right=right, total=total))
            if self.results
            else ""
        )


def map_5c(case: str = "dsni", lang: str | None = None) -> FiveCMapper:
    """5C mapper for a case; twins: .assign(item, element), .check(), .reset(), .score()."""
    return FiveCMapper(case, lang)
