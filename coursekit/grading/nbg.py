"""nbgrader, imported fast and configured from the course's nbgrader_config.py.

`import nbgrader` runs the package's __init__, which loads its Jupyter server extensions (tornado
handlers, the exchange) that grading never uses; and jsonschema compiles an IRI grammar on import
(rfc3987_syntax, ~2 s here) that nbformat's validation never needs. `load()` imports nbgrader's
modules (api, preprocessors, utils, nbgraderformat) without those two costs, only in a process
that has not imported nbgrader yet (the `coursekit grade` command); anywhere else it is a plain
import.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path


def load() -> None:
    if "nbgrader" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # jsonschema then skips the IRI format
        spec = importlib.util.find_spec("nbgrader")
        if spec is not None and spec.submodule_search_locations:
            pkg = types.ModuleType("nbgrader")
            pkg.__path__ = list(spec.submodule_search_locations)
            pkg.__file__ = spec.origin
            pkg.__spec__ = spec
            sys.modules["nbgrader"] = pkg
    import nbgrader.api
    import nbgrader.preprocessors  # noqa: F401


def config(root: Path):
    """The traitlets Config of the course (its nbgrader_config.py), empty when there is none."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    path = Path(root) / "nbgrader_config.py"
    if not path.exists():
        return Config()
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
