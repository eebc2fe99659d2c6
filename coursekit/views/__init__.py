"""Rich objects returned by the notebook API: HTML in JupyterLab, plain text in a terminal."""

from .base import View
from .items import CaseView, ComparisonView, ConceptView, FrameworkView, ModuleView, SourceView
from .lists import GlossaryView, SearchView

__all__ = ["CaseView", "ComparisonView", "ConceptView", "FrameworkView", "GlossaryView",
           "ModuleView", "SearchView", "SourceView", "View"]
