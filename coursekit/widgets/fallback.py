"""Static HTML for an interactive element: everything it can show, without answers, for places
with no live kernel (nbconvert HTML, a notebook rendered on a code host, PDF handouts).

Called by the widgets' `_repr_mimebundle_` (base.py), which puts the result
beside the widget view as text/html; in a live notebook the widget view is shown instead.
"""

from __future__ import annotations

from ..render import render


def static_html(widget) -> str | None:
    """The element's static content as HTML, or None when there is none to add."""
    kind = {"ComparisonExplorer": _comparison, "CaseExplorer": _cases, "Classifier": _classifier,
            "FiveCMapper": _fivec, "Quiz": _quiz}.get(type(widget).__name__)
    return kind(widget) if kind else None


def _comparison(w) -> str:
    """Every comparison the explorer's picker offers, the one it shows first, each in full."""
    from ..views import ComparisonView

    first = w.item["slug"]
    slugs = [first, *(s for s in w.slugs if s != first)]
    return "\n".join(ComparisonView(slug, None, w.lang)._repr_html_() for slug in slugs)


def _cases(w) -> str:
    return render("templates", "handouts/cases.html.j2", w.lang, cases=w.cases)


def _classifier(w) -> str:
    return render("templates", "handouts/classifier.html.j2", w.lang, vignettes=w.vignettes)


def _fivec(w) -> str:
    return render("templates", "handouts/fivec.html.j2", w.lang, case=w.case, items=list(w.items.values()))


def _quiz(w) -> str:
    """The questions only: no answer, feedback or score, even when the quiz has restored checked
    answers from the progress file (a re-run lesson would save them in the notebook)."""
    text = render("widgets/templates", "quiz.txt.j2", w.lang, **w.context(), questions_only=True)
    return render("templates", "handouts/quiz.html.j2", w.lang, text=text)
