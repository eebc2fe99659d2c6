"""Finish a built widget tree so nothing is cut off and form fields line up.

Buttons take the width of their text; rows wrap rather than squeeze their fields; every
labelled field (dropdown, list, toggle buttons) in one box gets the same label width, so the
fields start at one line; the course's widget CSS (templates/_style.css) travels in a hidden
HTML widget and lets long labels wrap.
"""

from __future__ import annotations

from pathlib import Path

CSS = Path(__file__).parent / "templates" / "_style.css"
LABELLED = ("Dropdown", "Select", "ToggleButtons", "Text", "SelectMultiple")
MAX_LABEL = 28  # characters; longer labels wrap onto a second line


def css() -> str:
    return CSS.read_text(encoding="utf-8")


def finish(root):
    """Apply the course layout to `root` (an ipywidgets Box) and everything inside it."""
    import ipywidgets as w

    todo = [root]
    while todo:
        box = todo.pop()
        kids = list(getattr(box, "children", ()) or ())
        todo.extend(kids)
        if isinstance(box, w.Button) and not box.layout.width:
            box.layout.width = "auto"
        if isinstance(box, w.HBox) and not box.layout.flex_flow:
            box.layout.flex_flow = "row wrap"  # a row that does not fit wraps instead of squeezing
        labelled = [k for k in kids if type(k).__name__ in LABELLED and k.description]
        if len(labelled) > 1:
            width = min(max(len(k.description) for k in labelled), MAX_LABEL) * 0.62 + 1
            for k in labelled:
                k.style.description_width = f"{width:.1f}em"
    root.add_class("ck-w")
    style = w.HTML(f"<style>{css()}</style>", layout=w.Layout(display="none"))
    root.children = (*root.children, style)  # last: indexes of the built tree stay as they were
    return root
