"""coursekit: interactive bilingual courseware on community organizing.

In a notebook::

    import coursekit as ck
    ck.lang("en")            # or "id" (default)
    ck.case("dsni")

Heavy parts (widgets, figures) load on first use, so `import coursekit` stays fast.
"""

from importlib import import_module

from . import renamed
from .api import case, compare, concept, framework, glossary, module, search, source
from .lang import lang

renamed.install()  # old module names (coursekit.graded, coursekit.grading) still import

# name -> "module:attribute", imported on first use (keeps ipywidgets/matplotlib out of import).
_LAZY: dict[str, str] = {
    "figure": "coursekit.figures:figure",
    "quiz": "coursekit.selfcheck:quiz",
    "explore_comparisons": "coursekit.widgets.comparisons:explore_comparisons",
    "explore_cases": "coursekit.widgets.cases:explore_cases",
    "map_5c": "coursekit.widgets.fivec:map_5c",
    "classify": "coursekit.selfcheck.classifier:classify",
    "progress": "coursekit.selfcheck.progress_view:progress",
    "item_report": "coursekit.classgrader.report:item_report",
}

__all__ = ["case", "compare", "concept", "framework", "glossary", "lang", "module",
           "search", "source", *_LAZY]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _LAZY:
        mod, attr = _LAZY[name].split(":")
        return getattr(import_module(mod), attr)
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
