"""Course content as validated data: one schema per kind, every problem reported at once.

`content()` is the built-in course, loaded from the compiled file (the bottom layer: every
other part gets the course from here). `load()`/`check()` read and validate YAML sources.
"""

from functools import cache

from .problems import ContentError, Problem
from .store import Content, UnknownItem

__all__ = ["BUILTIN", "Content", "ContentError", "Problem", "UnknownItem", "check", "content", "load"]


@cache
def content() -> Content:
    """The built-in course content (compiled and validated by `coursekit build`), read once."""
    from .compiled import read

    return read()


def __getattr__(name: str):
    # The YAML loader (PyYAML, jsonschema) is needed only to check sources, not to read the course.
    if name in ("BUILTIN", "check", "load"):
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'coursekit.content' has no attribute {name!r}")
