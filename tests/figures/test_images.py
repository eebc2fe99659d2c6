"""Figures drawn ahead of time (the offline site, handouts): one PNG per figure and language and an
index of their texts; loaded back, an image shows like a live figure, and what is missing is named."""

from __future__ import annotations

import json
import re

import matplotlib
import pytest

from coursekit.figures import figure
from coursekit.figures.images import INDEX, ImageFigure, load, write
from coursekit.lang import LANGS

matplotlib.use("Agg")

NAME = "conflict-consensus"


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    return write(folder, (NAME,))


def test_write_draws_each_language_and_indexes_its_texts(drawn):
    folder = drawn.parent
    assert drawn == folder / INDEX
    assert sorted(p.name for p in folder.glob("*.png")) == [f"{NAME}.{lang}.png" for lang in sorted(LANGS)]
    index = json.loads(drawn.read_text(encoding="utf-8"))
    assert list(index) == [NAME] and sorted(index[NAME]) == sorted(LANGS)
    for lang in LANGS:
        live = figure(NAME, lang)
        assert index[NAME][lang] == {"file": f"{NAME}.{lang}.png", "title": live.title,
                                     "caption": live.caption, "alt": live.alt}
        assert (folder / f"{NAME}.{lang}.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("lang", LANGS)
def test_a_loaded_image_shows_like_the_live_figure(drawn, lang):
    image = load(NAME, lang, drawn.parent)
    live = figure(NAME, lang)
    assert isinstance(image, ImageFigure) and image.figure is None
    assert (image.title, image.caption, image.alt, image.lang) == (live.title, live.caption, live.alt, lang)
    assert image.png() == (drawn.parent / f"{NAME}.{lang}.png").read_bytes()
    assert image.texts() == [live.title, live.caption]
    assert str(image) == str(live)
    page = image._repr_html_()
    assert "data:image/png;base64," in page and 'tabindex="0"' in page


def test_an_image_saves_as_png_only(drawn, tmp_path):
    image = load(NAME, "en", drawn.parent)
    image.save(tmp_path / "copy.PNG")
    assert (tmp_path / "copy.PNG").read_bytes() == image.png()
    with pytest.raises(ValueError, match=r"only \.png can be saved without matplotlib, not .*copy\.svg"):
        image.save(tmp_path / "copy.svg")
    assert not (tmp_path / "copy.svg").exists()


def test_a_missing_image_names_the_figure_the_language_and_the_folder(drawn, tmp_path):
    here, empty = re.escape(str(drawn.parent)), re.escape(str(tmp_path))
    with pytest.raises(RuntimeError, match=rf"image of figure 'strategy-space' \(en\) was built into {here}"):
        load("strategy-space", "en", drawn.parent)
    with pytest.raises(RuntimeError, match=rf"figure '{NAME}' \(id\) was built into {empty}"):
        load(NAME, "id", tmp_path)  # no index at all
