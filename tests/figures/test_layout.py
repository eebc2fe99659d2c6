"""No text in any figure overlaps another, and none is too small to read at the size shown.

Figures are shown at full size (the HTML view never scales them down; the browser test checks
that), so a label's size on screen is its font size at the figure's dpi.
"""

from __future__ import annotations

import pytest

import coursekit as ck
from coursekit.figures import NAMES, style

FIGURES = [(name, lang) for name in ["strategy-space", *NAMES] for lang in ("id", "en")]


def _texts(view):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    fig = view.figure
    FigureCanvasAgg(fig).draw()  # the layout as saved (a bare Figure's canvas does not lay out)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    return [(t, t.get_window_extent(renderer)) for t in texts]


@pytest.mark.parametrize(("name", "lang"), FIGURES)
def test_no_two_labels_overlap(name, lang):
    boxes = _texts(ck.figure(name, lang))
    clashes = []
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            width = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            height = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if width > 1 and height > 1:
                clashes.append((a.get_text(), b.get_text()))
    assert clashes == []


@pytest.mark.parametrize(("name", "lang"), FIGURES)
def test_every_label_is_readable_at_full_size(name, lang):
    view = ck.figure(name, lang)
    small = [(t.get_text(), round(t.get_fontsize() * view.figure.dpi / 72, 1))
             for t, _box in _texts(view) if t.get_fontsize() * view.figure.dpi / 72 < style.MIN_FONT_PX]
    assert small == []


@pytest.mark.parametrize(("name", "lang"), FIGURES[:2])
def test_the_html_shows_the_figure_at_full_size(name, lang):
    html = ck.figure(name, lang)._repr_html_()
    assert "max-width: none" in html and "overflow-x: auto" in html
    assert view_width(name, lang) <= 1000  # fits a notebook beside the file browser at 1400 px


def view_width(name, lang) -> int:
    import io

    from PIL import Image

    return Image.open(io.BytesIO(ck.figure(name, lang).png())).size[0]
