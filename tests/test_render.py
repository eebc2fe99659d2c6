"""The one Jinja renderer: strict about missing values, HTML escaped, say/pick in the language
being rendered, the wrap filter, tidy blank lines."""

from __future__ import annotations

import jinja2
import pytest

from coursekit.render import _wrap, environment, render


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "page.html.j2").write_text(
        "<p>{{ say('widgets.quiz.status.correct') }} {{ pick(text) }} {{ value }}</p>"
        "{% if missing %}never{% endif %}{% for x in missing %}never{% endfor %}",
        encoding="utf-8")
    (tmp_path / "missing.txt.j2").write_text("{{ missing }}", encoding="utf-8")
    (tmp_path / "blank.txt.j2").write_text("a\n\n\n\n\nb\n\n\n", encoding="utf-8")
    (tmp_path / "wrap.txt.j2").write_text("{{ text|wrap(2, 2, 20) }}", encoding="utf-8")
    return tmp_path


def test_html_is_escaped_and_strings_follow_the_language(folder):
    from coursekit.strings import say

    for lang in ("id", "en"):
        out = render(folder, "page.html.j2", lang, text={"id": "satu", "en": "one"},
                     value="<script>")
        assert say("widgets.quiz.status.correct", lang) in out
        assert ("satu" if lang == "id" else "one") in out
        assert "&lt;script&gt;" in out and "<script>" not in out
        assert "never" not in out  # a missing optional value tests false and iterates empty


def test_printing_a_missing_value_is_an_error(folder):
    with pytest.raises(jinja2.UndefinedError):
        render(folder, "missing.txt.j2", "en")


def test_one_final_new_line_and_no_double_blank_line(folder):
    assert render(folder, "blank.txt.j2", "en") == "a\n\nb\n"


def test_wrap_fills_and_indents(folder):
    assert _wrap("one two  three four five six seven", 2, 2, 20) == \
        "  one two three four\n    five six seven"
    out = render(folder, "wrap.txt.j2", "en", text="one two  three four five six seven")
    assert out == "one two three four\n    five six seven\n"  # the whole text is stripped
    assert _wrap(42) == "42"


def test_one_environment_per_folder(folder):
    assert environment(folder) is environment(folder)
    assert environment(folder).undefined.__name__ == "Optional"


def test_templates_see_only_say_and_pick(folder):
    assert set(environment(folder).globals) == {"say", "pick"}
