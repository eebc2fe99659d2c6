"""Case explorer: filter cases by position on each strategic axis, by place and by module; open one."""

from __future__ import annotations

from ..content import content
from ..content.axes import axes
from ..content.store import UnknownItem
from ..content.titles import title
from .base import Interactive

FILTERS = ("region", "module")


class CaseExplorer(Interactive):
    template = "cases"

    def __init__(self, lang: str | None = None):
        super().__init__(lang)
        self.cases = content().all("case")
        self.filters: dict[str, str | None] = {a: None for a in axes()} | {f: None for f in FILTERS}
        self.opened: str | None = None

    # -- programmatic twins ----------------------------------------------------------------
    def filter(
        self,
        axis: str | None = None,
        position: str | None = None,
        *,
        region: str | None = None,
        module: str | None = None,
    ) -> list[str]:
        """Set filters (position None clears an axis); returns the visible slugs.
        e.g. .filter(axis='conflict-consensus', position='conflict'), .filter(region='indonesia')."""
        if axis is not None:
            if axis not in axes():
                raise UnknownItem("axis", axis, axes())
            if position is not None and position not in [*axes()[axis], "not-stated"]:
                raise UnknownItem("position", position, axes()[axis])
            self.filters[axis] = position
        for name, value in (("region", region), ("module", module)):
            if value:  # only what the picker offers: a place or module some case has
                known = [v for _, v in self._choices(name) if v]
                if value not in known:
                    raise UnknownItem(name, value, known)
            if value is not None:
                self.filters[name] = value or None
        self._sync()
        return self.visible

    def clear(self) -> None:
        """Remove every filter."""
        self.filters = dict.fromkeys(self.filters)
        self._sync()

    def open(self, slug: str) -> dict:
        """Open a case: returns what the detail pane shows (summary, rationale per axis, sources)."""
        content().get("case", slug)
        self.opened = slug
        self._sync()
        return self.detail

    @property
    def visible(self) -> list[str]:
        """Slugs of the cases that pass every filter, in display order."""
        return [c["slug"] for c in self.cases if self._passes(c)]

    def _passes(self, case: dict) -> bool:
        f = self.filters
        return (
            all(f[a] in (None, case["axes"][a]["position"]) for a in axes())
            and f["region"] in (None, case["region"])
            and f["module"] in (None, *case["modules"])
        )

    @property
    def detail(self) -> dict | None:
        if not self.opened:
            return None
        lang, c = self.lang, content().get("case", self.opened)
        return {
            "slug": c["slug"],
            "name": c["name"][lang],
            "place": c["place"][lang],
            "summary": c["summary"][lang],
            "axes": {
                a: {"position": c["axes"][a]["position"], "why": c["axes"][a]["why"][lang]} for a in axes()
            },
            "sources": [content().get("source", s) for s in c["sources"]],
        }

    def context(self) -> dict:
        return {
            "x": self,
            "visible": self.visible,
            "detail": self.detail,
            "active": self.active(),
            "by_slug": {c["slug"]: c for c in self.cases},
        }

    def active(self) -> list[tuple[str, str]]:
        """The filters set, as (filter label, value label)."""
        from ..strings import say

        names = {
            n: say(f"content.axis.{n}" if n in axes() else f"widgets.explore.by-{n}", self.lang)
            for n in self.filters
        }
        values = {n: dict((v, k) for k, v in self._choices(n)) for n in self.filters}
        return [(names[n], values[n][v]) for n, v in self.filters.items() if v]

    # -- view -------------------------------------------------------------------------------
    def _choices(self, name: str) -> list[tuple[str, str]]:
        from ..strings import say

        lang = self.lang
        if name in axes():
            values = [(say(f"content.position.{p}", lang), p) for p in [*axes()[name], "not-stated"]]
        elif name == "region":
            values = [
                (say(f"content.region.{r}", lang), r) for r in sorted({c["region"] for c in self.cases})
            ]
        else:
            mods = sorted({m for c in self.cases for m in c["modules"]}, key=lambda m: int(m[1:]))
            values = [(f"{m.upper()} {content().get('module', m)['title'][lang]}", m) for m in mods]
        return [(say("widgets.explore.all", lang), ""), *values]

    def _build(self):
        import ipywidgets as w

        from ..strings import say

        lang, style = self.lang, {"description_width": "initial"}
        self._drops = {}
        for name in self.filters:
            desc = (
                say(f"content.axis.{name}", lang)
                if name in axes()
                else say(f"widgets.explore.by-{name}", lang)
            )
            d = w.Dropdown(
                options=self._choices(name),
                value="",
                description=desc,
                style=style,
                layout=w.Layout(width="auto"),
            )
            d.add_class(f"ck-case-filter-{name}")
            d.observe(self._on(lambda ch, name=name: self._set(name, ch["new"])), "value")
            self._drops[name] = d
        self._count = w.HTML()
        self._list = w.Select(
            rows=8, description=say("widgets.explore.cases", lang), style=style, layout=w.Layout(width="auto")
        )
        self._list.add_class("ck-case-list")
        self._list.observe(self._on(lambda ch: ch["new"] and self.open(ch["new"])), "value")
        clear = w.Button(description=say("widgets.explore.clear", lang), icon="times")
        clear.on_click(self._on(lambda _b: self.clear()))
        self._detail = w.HTML()
        self._detail.add_class("ck-case-detail")
        return w.VBox([*self._drops.values(), clear, self._count, self._list, self._detail])

    def _set(self, name: str, value: str) -> None:
        if name in axes():
            self.filter(axis=name, position=value or None)
        else:
            self.filter(**{name: value})

    def _update(self) -> None:
        from ..strings import say

        for name, d in self._drops.items():
            d.value = self.filters[name] or ""
        visible = self.visible
        key = "widgets.explore.shown" if visible else "widgets.explore.none"
        self._count.value = self.html(
            "status", text=say(key, self.lang, n=len(visible), total=len(self.cases))
        )
        self._list.layout.display = None if visible else "none"
        by = {c["slug"]: c for c in self.cases}
        self._list.options = [(title("case", by[v], self.lang), v) for v in visible]
        self._list.value = self.opened if self.opened in visible else None
        self._detail.value = self.html("case_detail", d=self.detail) if self.detail else ""


def explore_cases(lang: str | None = None) -> CaseExplorer:
    """Case explorer; twins: .filter(axis=, position=, region=, module=), .clear(), .open(slug),
    .visible (slugs shown), .detail (the opened case)."""
    return CaseExplorer(lang)
