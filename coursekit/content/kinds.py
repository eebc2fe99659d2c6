"""The kinds of content, where their files live, and their schemas."""

from __future__ import annotations

from collections import namedtuple


class Kind(namedtuple("Kind", "name path many")):
    """name: singular, as in schemas and 'x-refers-to'; path: a folder of one-item files, or a
    single file; many: True for a folder with one <slug>.yaml per item. (A named tuple: the
    dataclasses import alone would cost a tenth of the loading budget.)"""

    __slots__ = ()

    @property
    def plural(self) -> str:
        return self.path if self.many else self.name


KINDS: tuple[Kind, ...] = (
    Kind("source", "sources", True),
    Kind("concept", "concepts", True),
    Kind("framework", "frameworks", True),
    Kind("comparison", "comparisons", True),
    Kind("case", "cases", True),
    Kind("module", "modules", True),
    Kind("outline", "outline.yaml", False),
    Kind("ui", "ui.yaml", False),
)
BY_NAME = {k.name: k for k in KINDS}
BY_PLURAL = {k.plural: k for k in KINDS if k.many}
