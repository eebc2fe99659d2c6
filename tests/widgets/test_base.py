"""The base of every interactive element: a model run by plain methods, a view built on first use
and kept in step without re-entering the model, and one display bundle (widget, text, static HTML)."""

from __future__ import annotations

import json

import ipywidgets as w
import pytest

import coursekit as ck
from coursekit.widgets.base import Interactive
from coursekit.widgets.fallback import static_html


class Counter(Interactive):
    """The smallest element: one number, a slider showing it."""

    def __init__(self, lang=None):
        super().__init__(lang)
        self.value, self.calls = 0, 0

    def set(self, value: int) -> None:  # the programmatic twin
        self.value, self.calls = value, self.calls + 1
        self._sync()

    def _build(self):
        self._slider = w.IntSlider(min=0, max=10)
        self._slider.observe(self._on(lambda ch: self.set(ch["new"])), "value")
        return w.VBox([w.HBox([self._slider])])

    def _update(self) -> None:
        if self.value < 0:
            raise ValueError(f"no negative count: {self.value}")
        self._slider.value = self.value


def test_the_view_is_built_on_first_use_once_and_starts_in_step():
    c = Counter()
    c.set(4)
    assert c._ui is None  # the model works without ipywidgets being touched
    view = c.widget
    assert view is c.widget and c._slider.value == 4


def test_the_view_and_the_twin_drive_each_other_without_re_entering():
    c = Counter()
    assert c.widget is not None
    c.set(7)
    assert (c._slider.value, c.calls) == (7, 1)  # updating the slider did not call set again
    c._slider.value = 3
    assert (c.value, c.calls) == (3, 2)


def test_a_failing_update_does_not_leave_the_view_deaf():
    c = Counter()
    assert c.widget is not None
    with pytest.raises(ValueError, match="no negative count"):
        c.set(-1)
    assert c._syncing is False
    c._slider.value = 2
    assert c.value == 2


def test_widgets_lists_the_whole_tree_and_its_state_is_json():
    c = Counter()
    tree = c.widgets()
    assert c.widget in tree and c._slider in tree
    assert sum(isinstance(x, w.HTML) for x in tree) == 1  # the course style, added by layout.finish
    state = c.browser_state()
    assert len(state) == len(tree)
    json.dumps(state)


def test_the_language_is_the_current_one_unless_given():
    ck.lang("en")
    try:
        assert Counter().lang == "en" and Counter("id").lang == "id"
    finally:
        ck.lang("id")
    assert Counter().lang == "id"
    with pytest.raises(ValueError, match="unknown language 'fr'; choose 'id'"):
        Counter("fr")


def test_the_display_bundle_is_the_widget_its_text_and_its_static_html():
    x = ck.explore_cases(lang="en")
    bundle = x._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == x.widget.model_id
    assert bundle["text/plain"] == str(x) == repr(x)
    assert bundle["text/html"] == static_html(x)


def test_an_element_without_static_content_adds_no_html():
    class Plain(Counter):
        template = "status"

        def __str__(self) -> str:
            return f"value {self.value}"

    bundle = Plain()._repr_mimebundle_()
    assert "text/html" not in bundle and bundle["text/plain"] == "value 0"


def test_html_renders_a_widget_template_with_its_values_escaped():
    html = Counter("en").html("status", text="<b>")
    assert html.strip() == '<p role="status" aria-live="polite">&lt;b&gt;</p>'


def test_an_element_must_say_how_it_looks():
    bare = Interactive("en")
    with pytest.raises(NotImplementedError):
        bare.widget  # noqa: B018
    with pytest.raises(NotImplementedError):
        str(bare)
