"""Figures made from course content (matplotlib, imported only when a figure is asked for).

    ck.figure("strategy-space")          # every case on the three strategic axes
    ck.figure("conflict-consensus")      # one comparison figure per strategic choice
"""

from __future__ import annotations

from ..content.problems import allowed, did_you_mean
from ..lang import resolve

NAMES = ("strategy-space", "conflict-consensus", "single-multiple-issue",
         "direct-organization-recruitment")


def figure(name: str, lang: str | None = None):
    """A figure by name, in a language ('id' or 'en'; default the current one)."""
    code = resolve(lang)
    if name in NAMES and not _matplotlib():  # e.g. the offline site: the image drawn at build time
        from .images import load

        return load(name, code)
    if name == "strategy-space":
        from .space import strategy_space

        return strategy_space(code)
    if name in NAMES:
        from .comparison import comparison

        return comparison(name, code)
    raise ValueError(f"no figure {name!r}{did_you_mean(name, NAMES)}; figures: {allowed(NAMES)}")


def _matplotlib() -> bool:
    try:
        import matplotlib  # noqa: F401 (drawing imports it next anyway)
    except ImportError:
        return False
    return True


__all__ = ["NAMES", "figure"]
