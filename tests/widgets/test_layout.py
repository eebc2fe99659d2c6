"""Finishing a widget tree: buttons fit their text, rows wrap, labelled fields of one box line up
(long labels capped), set values are kept, and the course style (visible keyboard focus, wrapping
labels) travels last in a hidden HTML widget."""

from __future__ import annotations

import ipywidgets as w

from coursekit.widgets.layout import MAX_LABEL, css, finish


def _drop(label: str) -> w.Dropdown:
    return w.Dropdown(options=["x"], description=label)


def test_buttons_fit_their_text_unless_a_width_was_set():
    plain, wide = w.Button(description="Periksa"), w.Button(description="OK", layout=w.Layout(width="20em"))
    finish(w.VBox([w.HBox([plain, wide])]))
    assert (plain.layout.width, wide.layout.width) == ("auto", "20em")


def test_rows_wrap_unless_they_say_how_to_flow_and_columns_are_left_alone():
    row, kept, column = w.HBox(), w.HBox(layout=w.Layout(flex_flow="row nowrap")), w.VBox()
    finish(w.VBox([row, kept, column]))
    assert (row.layout.flex_flow, kept.layout.flex_flow) == ("row wrap", "row nowrap")
    assert not column.layout.flex_flow


def test_labelled_fields_of_one_box_line_up_at_the_longest_label():
    short, longer, text = _drop("Tempat"), _drop("Modul yang diajarkan"), w.Text(description="Nama")
    unlabelled = _drop("")
    finish(w.VBox([short, longer, text, unlabelled]))
    width = f"{len('Modul yang diajarkan') * 0.62 + 1:.1f}em"
    assert {short.style.description_width, longer.style.description_width, text.style.description_width} == {
        width}
    assert unlabelled.style.description_width == ""


def test_a_very_long_label_is_capped_and_wraps():
    a, b = _drop("x" * 80), _drop("Tempat")
    finish(w.VBox([a, b]))
    assert a.style.description_width == b.style.description_width == f"{MAX_LABEL * 0.62 + 1:.1f}em"


def test_a_lone_field_and_fields_of_another_box_keep_their_own_width():
    lone = _drop("Perbandingan")
    inner = [_drop("Konflik atau konsensus"), _drop("Tempat")]
    finish(w.VBox([w.HBox([lone, w.Button(description="Go")]), w.VBox(inner)]))
    assert lone.style.description_width == ""
    assert inner[0].style.description_width == inner[1].style.description_width == "14.6em"


def test_the_style_travels_last_and_hidden_so_indexes_stay():
    first, second = w.HTML("a"), w.HTML("b")
    root = finish(w.VBox([first, second]))
    assert root.children[:2] == (first, second) and len(root.children) == 3
    style = root.children[-1]
    assert style.value == f"<style>{css()}</style>" and style.layout.display == "none"
    assert "ck-w" in root._dom_classes


def test_the_style_keeps_keyboard_focus_visible_and_lets_labels_wrap():
    style = css()
    assert ".ck-w :focus-visible { outline: 2px solid" in style
    assert "white-space: normal" in style and "overflow-wrap: anywhere" in style
    assert "text-overflow: clip" in style  # nothing cut off with an ellipsis
