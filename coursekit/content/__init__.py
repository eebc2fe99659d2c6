"""Course content as validated data: one schema per kind, every problem reported at once."""

from .loader import BUILTIN, check, load
from .problems import ContentError, Problem
from .store import Content, UnknownItem

__all__ = ["BUILTIN", "Content", "ContentError", "Problem", "UnknownItem", "check", "load"]
