"""A figure as a rich object: the matplotlib Figure, alt text, PNG with alt in HTML, text."""

from __future__ import annotations

import base64
import io

from ..render import render
from ..strings import say


class FigureView:
    """`.figure` is the matplotlib Figure; `.alt` describes what it shows, in its language."""

    def __init__(self, name: str, lang: str, figure, title: str, caption: str, alt: str):
        self.name, self.lang, self.figure = name, lang, figure
        self.title, self.caption, self.alt = title, caption, alt

    def png(self) -> bytes:
        buf = io.BytesIO()
        with _style():
            self.figure.savefig(buf, format="png", dpi=self.figure.dpi, bbox_inches="tight")
        return buf.getvalue()

    def texts(self) -> list[str]:
        """Every piece of text drawn in the figure (titles, tick labels, annotations)."""
        from matplotlib.text import Text

        self.figure.draw_without_rendering()  # tick labels are made when drawing
        return [t.get_text() for t in self.figure.findobj(Text) if t.get_text().strip()]

    def _context(self) -> dict:
        return {"title": self.title, "caption": self.caption, "alt": self.alt,
                "alt_heading": say("figures.alt-heading", self.lang)}

    def _repr_html_(self) -> str:
        png = base64.b64encode(self.png()).decode("ascii")
        return render("templates", "html/figure.html.j2", self.lang, png=png, **self._context())

    def __str__(self) -> str:
        return render("templates", "text/figure.txt.j2", self.lang, **self._context())

    def __repr__(self) -> str:
        return str(self)

    def save(self, path, **kwargs) -> None:
        """Save the figure (format from the file name: .png, .svg, .pdf); in SVG the labels
        stay text (searchable, read by screen readers)."""
        with _style():
            self.figure.savefig(path, bbox_inches="tight", **kwargs)


def _style():
    """The course's matplotlib settings (style.RC), for saving as for drawing."""
    import matplotlib

    from .style import RC

    return matplotlib.rc_context(RC)
