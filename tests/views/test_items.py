"""Item views: clean, escaped, accessible HTML and readable text, in both languages."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

import coursekit as ck
from coursekit.content.store import UnknownItem


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("view", [
    lambda lang: ck.concept("komunitas", lang=lang),
    lambda lang: ck.framework("five-c", lang=lang),
    lambda lang: ck.compare("conflict-consensus", lang=lang),
    lambda lang: ck.case("dsni", lang=lang),
    lambda lang: ck.module("m4", lang=lang),
    lambda lang: ck.source("un-1983", lang=lang),
    lambda lang: ck.glossary(lang=lang),
    lambda lang: ck.search("jaringan", lang=lang),
], ids=["concept", "framework", "comparison", "case", "module", "source", "glossary", "search"])
def test_every_view_renders_html_and_text(view, lang):
    obj = view(lang)
    html, text = obj._repr_html_(), str(obj)
    found = tags(html)
    assert found[0] == ("section", {"class": "ck", "lang": lang})
    assert any(t == "h2" for t, _ in found)
    assert "<" not in text and len(text.splitlines()) > 2
    assert repr(obj) == text
    for tag, attrs in found:
        if tag == "th":
            assert attrs.get("scope") in ("col", "row")


def test_case_texts_differ_by_language():
    en, id_ = str(ck.case("dsni", lang="en")), str(ck.case("dsni", lang="id"))
    assert "What this case illustrates" in en and "Yang diperlihatkan kasus ini" in id_
    assert en != id_


def test_case_shows_every_axis_with_rationale():
    text = str(ck.case("p2kp", lang="en"))
    for axis in ("Conflict or consensus", "Single or multiple issue", "Direct or organization-based"):
        assert axis in text
    assert ck.case("dsni").position("conflict-consensus") == "combination"


def test_comparison_one_dimension():
    full = ck.compare("conflict-consensus", lang="en")
    one = ck.compare("conflict-consensus", "strengths", lang="en")
    assert "Strengths" in str(one) and "Weaknesses" not in str(one)
    assert len(str(one)) < len(str(full))


def test_unknown_slug_and_dimension_suggest():
    with pytest.raises(UnknownItem, match=r"no case 'dnsi' \(did you mean 'dsni'\?\)"):
        ck.case("dnsi")
    with pytest.raises(UnknownItem, match=r"did you mean 'strengths'"):
        ck.compare("conflict-consensus", "strenghts")


def test_html_is_escaped():
    from coursekit.render import render

    html = render("templates", "html/search.html.j2", "en", word="<script>", hits=[], title=None)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_beyond_deck_is_marked_in_words_not_colour():
    text = str(ck.case("dsni", lang="en"))
    assert "[beyond the lecture slides: Medoff & Sklar, 1994]" in text
    assert "Di luar materi kuliah" in str(ck.compare("rothman-models", lang="id"))


def test_in_lang_switches_a_shown_object():
    obj = ck.concept("komunitas", lang="id")
    assert "Definisi" in str(obj) and "Definitions" in str(obj.in_lang("en"))


def test_global_language_switch():
    try:
        ck.lang("en")
        assert "Definitions" in str(ck.concept("komunitas"))
    finally:
        ck.lang("id")
    with pytest.raises(ValueError, match="choose 'id'"):
        ck.lang("fr")
