"""Views of one content item: concept, framework, comparison, case, module, source."""

from __future__ import annotations

from ..content import content
from ..content.axes import axes
from ..content.store import UnknownItem
from .base import View


class ItemView(View):
    kind = ""

    def __init__(self, slug: str, lang: str | None = None):
        super().__init__(lang)
        self.item = content().get(self.kind, slug)
        self.slug = slug

    def context(self) -> dict:
        return {"item": self.item}


class ConceptView(ItemView):
    kind = template = "concept"


class FrameworkView(ItemView):
    kind = template = "framework"


class CaseView(ItemView):
    kind = template = "case"

    def context(self) -> dict:
        return {"item": self.item, "axes": tuple(axes())}

    def position(self, axis: str) -> str:
        """The case's position on a strategic axis, e.g. 'combination'."""
        if axis not in self.item["axes"]:
            raise UnknownItem("axis", axis, axes())
        return self.item["axes"][axis]["position"]


class ComparisonView(ItemView):
    kind = template = "comparison"

    def __init__(self, slug: str, dimension: str | None = None, lang: str | None = None):
        super().__init__(slug, lang)
        dims = self.item["dimensions"]
        if dimension is not None and dimension not in dims:
            raise UnknownItem("dimension", dimension, dims)
        self.dimension = dimension

    def context(self) -> dict:
        dims = [self.dimension] if self.dimension else self.item["dimensions"]
        return {"item": self.item, "dimensions": dims, "full": self.dimension is None}


class ModuleView(ItemView):
    kind = template = "module"


class SourceView(ItemView):
    kind = template = "source"
