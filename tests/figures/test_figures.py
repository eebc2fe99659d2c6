"""Every figure renders in both languages, with its labels drawn and alt text that describes it."""

from __future__ import annotations

import base64
import re

import pytest

import coursekit as ck
from coursekit.api import content
from coursekit.figures import NAMES, figure
from coursekit.figures.data import cases, figure_axes
from coursekit.strings import say

LANGS = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", NAMES)
def test_figure_renders_with_labels_and_alt(name, lang):
    fig = figure(name, lang)
    texts = " ".join(fig.texts())
    store = content()
    shown = [c["short"][lang] for c in cases()]
    for short in shown:
        assert short in texts, f"{short} not drawn in {name}"
        assert short in fig.alt, f"{short} missing from the alt text of {name}"
    if name == "strategy-space":
        for axis in figure_axes():
            assert say(f"content.axis.{axis.slug}", lang).split()[0] in texts
            for pos in axis.positions:
                assert say(f"content.position.{pos}", lang) in fig.alt or pos == "not-stated"
    else:
        comp = store.get("comparison", name)
        for approach in comp["approaches"]:
            assert approach["name"][lang].split()[0] in texts
            assert approach["name"][lang] in fig.alt
    html = fig._repr_html_()
    png = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    assert base64.b64decode(png).startswith(b"\x89PNG")
    plain = html.replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"')
    assert f'alt="{fig.alt}"' in plain
    assert fig.title in str(fig) and fig.alt.split()[0] in str(fig)


@pytest.mark.parametrize("name", NAMES)
def test_languages_differ(name):
    assert figure(name, "id").alt != figure(name, "en").alt
    assert figure(name, "id").title != figure(name, "en").title


def test_figure_is_lazy_and_uses_current_language():
    ck.lang("en")
    try:
        assert ck.figure("strategy-space").lang == "en"
    finally:
        ck.lang("id")
    assert ck.figure("conflict-consensus").lang == "id"


def test_unknown_figure_suggests_a_name():
    with pytest.raises(ValueError, match="did you mean 'strategy-space'"):
        figure("strategy-spac")
