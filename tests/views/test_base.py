"""The base of every view: one template pair (HTML and text) rendered in the view's language, or,
when none was given, in the current language at the time it is shown."""

from __future__ import annotations

import pytest

from coursekit.content import content
from coursekit.lang import lang
from coursekit.views.base import View, store_helpers


class Deck(View):
    """The smallest view: the lecture deck, through the source templates."""

    template = "source"

    def context(self) -> dict:
        return {"item": content().get("source", "deck")}


@pytest.fixture
def current():
    """Set the current language for one test; the one before is restored."""
    before = lang()
    yield lang
    lang(before)


def test_a_view_given_a_language_keeps_it(current):
    current("id")
    view = Deck(lang="en")
    assert view.lang == "en"
    assert str(view) == str(Deck(lang="en")) != str(Deck(lang="id"))
    assert '<section class="ck" lang="en">' in view._repr_html_()


def test_a_view_without_a_language_follows_the_current_one_when_shown(current):
    current("id")
    view = Deck()
    assert view.lang == "id" and str(view) == str(Deck(lang="id"))
    current("en")
    assert view.lang == "en" and str(view) == str(Deck(lang="en"))
    assert view._repr_html_() == Deck(lang="en")._repr_html_()


def test_in_lang_is_a_copy_in_the_other_language(current):
    view = Deck(lang="id")
    other = view.in_lang("en")
    assert other is not view and isinstance(other, Deck)
    assert (view.lang, other.lang) == ("id", "en")
    assert str(other) == str(Deck(lang="en"))


def test_html_and_text_come_from_the_template_pair():
    view = Deck(lang="en")
    html, text = view._repr_html_(), str(view)
    assert "<" in html and "<" not in text
    assert repr(view) == text
    assert content().get("source", "deck")["citation"][:30] in text


def test_an_unknown_language_is_refused_when_given():
    with pytest.raises(ValueError, match="unknown language 'fr'; choose 'id'"):
        Deck(lang="fr")
    with pytest.raises(ValueError, match="unknown language 'de'"):
        Deck(lang="en").in_lang("de")


def test_a_view_must_say_what_it_shows():
    with pytest.raises(NotImplementedError):
        View().context()


def test_templates_look_up_sources_and_items():
    helpers = store_helpers()
    assert helpers["src"]("deck") == content().get("source", "deck")
    assert helpers["get"]("case", "dsni")["slug"] == "dsni"
