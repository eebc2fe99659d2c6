"""Figures drawn ahead of time (CPython's matplotlib) show, with their alt text in both languages,
where matplotlib cannot be imported (the offline site)."""

import json
import sys

import pytest

import coursekit.figures as figures
from coursekit.figures import NAMES, images


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    images.write(folder)
    return folder


def test_every_figure_in_both_languages(drawn):
    index = json.loads((drawn / images.INDEX).read_text(encoding="utf-8"))
    assert set(index) == set(NAMES)
    for name in NAMES:
        for lang in ("id", "en"):
            entry = index[name][lang]
            assert (drawn / entry["file"]).read_bytes().startswith(b"\x89PNG")
            live = figures.figure(name, lang)
            assert (entry["title"], entry["caption"], entry["alt"]) == (live.title, live.caption, live.alt)
        assert index[name]["id"]["alt"] != index[name]["en"]["alt"]


def test_figure_without_matplotlib_shows_the_image(drawn, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    monkeypatch.setattr(images, "IMAGES", drawn)
    view = figures.figure("strategy-space", "en")
    assert isinstance(view, images.ImageFigure) and view.figure is None
    html = view._repr_html_()
    assert 'src="data:image/png;base64,' in html and "alt=" in html
    assert view.title in str(view)
    with pytest.raises(ValueError):
        figures.figure("no-such-figure", "en")


def test_missing_images_say_so(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    monkeypatch.setattr(images, "IMAGES", tmp_path)
    with pytest.raises(RuntimeError, match="no image"):
        figures.figure("strategy-space", "id")
