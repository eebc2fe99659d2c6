"""Comparison explorer: pick a comparison and a dimension; the approaches side by side, with cases."""

from __future__ import annotations

from ..content import content
from ..content.store import UnknownItem
from .base import Interactive


class ComparisonExplorer(Interactive):
    template = "comparisons"

    def __init__(self, slug: str | None = None, lang: str | None = None):
        super().__init__(lang)
        self.slugs = [c["slug"] for c in content().all("comparison")]
        self.opened: str | None = None  # slug of the case opened from an example button
        self.select(slug or self.slugs[0])

    # -- programmatic twins ----------------------------------------------------------------
    def select(self, comparison: str | None = None, dimension: str | None = None) -> None:
        """Show a comparison (its first dimension unless one is given) and/or a dimension."""
        if comparison is not None:
            self.item = content().get("comparison", comparison)
            self.dimension = self.item["dimensions"][0]
        if dimension is not None:
            if dimension not in self.item["dimensions"]:
                raise UnknownItem("dimension", dimension, self.item["dimensions"])
            self.dimension = dimension
        self._sync()

    def open_case(self, slug: str) -> None:
        """Open an example case (what its button does)."""
        content().get("case", slug)
        self.opened = slug
        self._sync()

    @property
    def visible(self) -> dict:
        """What is on screen: comparison, dimension, approaches with their points and cases."""
        lang, item = self.lang, self.item
        combo = item.get("combination")
        return {
            "comparison": item["slug"],
            "dimension": self.dimension,
            "approaches": [
                {
                    "key": a["key"],
                    "name": a["name"][lang],
                    "points": [p[lang] for p in a["points"][self.dimension]],
                    "cases": list(a.get("cases", [])),
                    "case_names": [_case_name(c, lang) for c in a.get("cases", [])],
                }
                for a in item["approaches"]
            ],
            "combination": {
                "key": combo["key"],
                "name": combo["name"][lang],
                "cases": list(combo.get("cases", [])),
                "case_names": [_case_name(c, lang) for c in combo.get("cases", [])],
            }
            if combo
            else None,
            "opened": self.opened,
        }

    def context(self) -> dict:
        v = self.visible
        return {
            "v": v,
            "item": self.item,
            "titles": self._titles(),
            "opened_name": _case_name(v["opened"], self.lang) if v["opened"] else "",
        }

    def _titles(self) -> dict:
        return {c["slug"]: c["title"][self.lang] for c in content().all("comparison")}

    # -- view -------------------------------------------------------------------------------
    def _build(self):
        import ipywidgets as w

        from ..strings import say

        lang = self.lang
        self._pick = w.Dropdown(
            options=[(t, k) for k, t in self._titles().items()],
            description=say("widgets.explore.comparison", lang),
            style={"description_width": "initial"},
        )
        self._dim = w.Dropdown(
            description=say("widgets.explore.dimension", lang), style={"description_width": "initial"}
        )
        self._pick.observe(self._on(lambda ch: self.select(ch["new"])), "value")
        self._dim.observe(self._on(lambda ch: ch["new"] and self.select(dimension=ch["new"])), "value")
        self._table = w.HTML()
        self._buttons = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self._case = w.HTML()
        for x in (self._pick, self._dim):
            x.add_class("ck-comparison-pick")
        self._table.add_class("ck-comparison-table")
        return w.VBox([w.HBox([self._pick, self._dim]), self._table, self._buttons, self._case])

    def _update(self) -> None:
        import ipywidgets as w

        from ..strings import say
        from ..views import CaseView

        v = self.visible
        self._pick.value = v["comparison"]
        self._dim.options = [(say(f"content.dimension.{d}", self.lang), d) for d in self.item["dimensions"]]
        self._dim.value = v["dimension"]
        self._table.value = self.html("comparisons", **self.context())
        slugs = [c for a in v["approaches"] for c in a["cases"]] + (v["combination"] or {}).get("cases", [])
        buttons = []
        for slug in dict.fromkeys(slugs):
            b = w.Button(
                description=_case_name(slug, self.lang),
                tooltip=say("widgets.explore.open-case", self.lang, case=_case_name(slug, self.lang)),
                layout=w.Layout(width="auto"),
            )
            b.on_click(self._on(lambda _b, slug=slug: self.open_case(slug)))
            buttons.append(b)
        self._buttons.children = buttons
        self._case.value = CaseView(v["opened"], self.lang)._repr_html_() if v["opened"] else ""


def _case_name(slug: str, lang: str) -> str:
    return content().get("case", slug)["short"][lang]


def explore_comparisons(slug: str | None = None, lang: str | None = None) -> ComparisonExplorer:
    """Comparison explorer; twins: .select(comparison, dimension), .open_case(slug), .visible."""
    return ComparisonExplorer(slug, lang)
