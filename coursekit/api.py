"""The notebook API: one line each, rich results.

    import coursekit as ck
    ck.lang("en")
    ck.concept("komunitas"); ck.framework("five-c"); ck.case("dsni")
    ck.compare("conflict-consensus", "strengths"); ck.glossary(); ck.search("jaringan")
"""

from __future__ import annotations

from .content import content  # noqa: F401  (the built-in course; lower layers import it from content)


def concept(slug: str, lang: str | None = None):
    from .views import ConceptView

    return ConceptView(slug, lang)


def framework(slug: str, lang: str | None = None):
    from .views import FrameworkView

    return FrameworkView(slug, lang)


def compare(slug: str, dimension: str | None = None, lang: str | None = None):
    from .views import ComparisonView

    return ComparisonView(slug, dimension, lang)


def case(slug: str, lang: str | None = None):
    from .views import CaseView

    return CaseView(slug, lang)


def module(slug: str, lang: str | None = None):
    from .views import ModuleView

    return ModuleView(slug, lang)


def source(slug: str, lang: str | None = None):
    from .views import SourceView

    return SourceView(slug, lang)


def glossary(lang: str | None = None):
    from .views import GlossaryView

    return GlossaryView(lang)


def search(word: str, lang: str | None = None):
    from .views import SearchView

    return SearchView(word, lang)
