"""Old module names that still import. Quiz notebooks released, and nbgrader_config.py files
copied, before the rename of issue 11 import `coursekit.graded.*` (now coursekit.gradedquiz) and
`coursekit.grading.*` (now coursekit.classgrader); `import coursekit` installs a finder that
answers an old name with the module of the new one (the same module object, not a copy)."""

from __future__ import annotations

import importlib
import importlib.util
import sys

RENAMED = {"coursekit.graded": "coursekit.gradedquiz", "coursekit.grading": "coursekit.classgrader"}


def current(name: str) -> str:
    """The current name of a module name (an old one is mapped; any other is itself)."""
    for old, new in RENAMED.items():
        if name == old or name.startswith(old + "."):
            return new + name[len(old):]
    return name


class _Finder:
    """A meta path finder and its loader (the protocol importlib.abc describes; importing
    importlib.abc would cost `import coursekit` 7 ms)."""

    def find_spec(self, name, path=None, target=None):
        return importlib.util.spec_from_loader(name, self) if current(name) != name else None

    def create_module(self, spec):
        return importlib.import_module(current(spec.name))

    def exec_module(self, module):  # the new module is loaded already
        pass


def install() -> None:
    """First on sys.meta_path (before the path finder would load a second copy of a submodule)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
