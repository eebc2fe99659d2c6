"""A figure as a rich object: PNG with its alt text in HTML (escaped, in a keyboard-reachable
scroll box), a text form for terminals, saving by file type, and alt text in both languages, each
wholly in its own."""

from __future__ import annotations

import base64
import html
import re
from functools import cache

import matplotlib
import pytest
from matplotlib.figure import Figure

from coursekit.api import content
from coursekit.figures import NAMES, figure
from coursekit.figures.view import FigureView
from coursekit.strings import say

matplotlib.use("Agg")

LANGS = ("id", "en")
ALT = 'Two bars: "A" < B & C'


def _small(lang: str = "en") -> FigureView:
    fig = Figure(figsize=(2, 1.5), dpi=50)
    ax = fig.subplots()
    ax.bar(["A", "B"], [1, 2])
    ax.set_title("Bars")
    return FigureView("bars", lang, fig, "A small chart", "Made for a test.", ALT)


@cache
def _figure(name: str, lang: str):
    return figure(name, lang)


def test_the_html_embeds_the_png_with_its_alt_text_escaped():
    page = _small()._repr_html_()
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1))
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert _alt(page) == ALT  # the attribute is not broken by the quotes
    assert _description(page) == ALT  # and the description is readable under the image


def _alt(page: str) -> str:
    return html.unescape(re.search(r'alt="([^"<]*)"', page).group(1))


def _description(page: str) -> str:
    return html.unescape(re.search(r"<p>([^<]*)</p></details>", page).group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_the_html_is_a_labelled_keyboard_reachable_figure_with_its_description(lang):
    page = _small(lang)._repr_html_()
    assert f'<figure class="ck ck-figure" lang="{lang}"' in page
    assert 'tabindex="0" role="group" aria-label="A small chart"' in page  # scrolls by keyboard
    assert f"<summary>{say('figures.alt-heading', lang)}</summary>" in page
    assert "<strong>A small chart</strong>" in page and "Made for a test." in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_text_form_has_title_caption_and_description(lang):
    text = str(_small(lang))
    lines = text.splitlines()
    assert lines[:2] == ["A small chart", "=" * len("A small chart")]
    assert "Made for a test." in text
    assert f"{say('figures.alt-heading', lang)}:\n{ALT}" in text
    assert repr(_small(lang)) == text


def test_texts_are_the_labels_drawn():
    view = figure("conflict-consensus", "en")
    assert {"DSNI", "P2KP"} <= set(view.texts())
    assert any(view.title.split(":")[0] in t for t in view.texts())
    assert all(t.strip() for t in view.texts())


def test_texts_include_tick_labels_made_when_drawing():
    assert set(_small().texts()) >= {"Bars", "A", "B"}


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_save_writes_the_type_the_file_name_asks_for(tmp_path, suffix, magic):
    path = tmp_path / f"bars{suffix}"
    _small().save(path)
    assert path.read_bytes().startswith(magic)


def test_svg_keeps_the_labels_as_text(tmp_path):
    path = tmp_path / "figure.svg"
    _figure("conflict-consensus", "en").save(path)
    assert re.search(r"<text[^>]*>[^<]*DSNI", path.read_text(encoding="utf-8"))


def _other_language_words(lang: str) -> set[str]:
    """Labels that differ between the languages, as the other language says them."""
    other = "en" if lang == "id" else "id"
    pairs = [content().labels[k] for k in content().labels if k.startswith(("position.", "axis."))]
    pairs += [c["short"] for c in content().all("case")]
    pairs += [a["name"] for comp in content().all("comparison")
              for a in [*comp["approaches"], comp.get("combination") or {"name": {"id": "", "en": ""}}]]
    return {p[other] for p in pairs if p[other] and p[other] not in p[lang] and p[lang] not in p[other]}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_the_alt_text_is_wholly_in_the_figures_language(name, lang):
    view = _figure(name, lang)
    assert view.alt and view.lang == lang
    assert [w for w in _other_language_words(lang) if w in view.alt] == []
    page = view._repr_html_()
    assert _alt(page) == _description(page) == view.alt
