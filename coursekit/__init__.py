"""coursekit: interactive bilingual courseware on community organizing.

In a notebook::

    import coursekit as ck
    ck.lang("en")            # or "id" (default)
    ck.case("dsni")
"""

from .api import case, compare, concept, content, framework, glossary, module, search, source
from .lang import lang

__all__ = ["case", "compare", "concept", "content", "framework", "glossary", "lang", "module",
           "search", "source"]
__version__ = "0.1.0"
