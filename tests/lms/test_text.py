"""lms/text.py: bilingual text in an export, one language or both through Moodle's multilang filters."""

from __future__ import annotations

import pytest

from coursekit.lms import text
from coursekit.lms.source import Choice, Pair, Question

BOTH = {"id": "Kuasa & <rakyat>", "en": "People's \"power\" & <us>"}
STEM = {"id": "s", "en": "s"}


def test_plain_gives_one_language_or_both_joined():
    assert text.plain(BOTH, "id") == "Kuasa & <rakyat>"
    assert text.plain(BOTH, "en") == "People's \"power\" & <us>"
    assert text.plain(BOTH, "both") == "Kuasa & <rakyat> / People's \"power\" & <us>"


def test_plain_says_a_text_once_when_both_languages_agree():
    assert text.plain({"id": "DSNI", "en": "DSNI"}, "both") == "DSNI"


@pytest.mark.parametrize("lang", text.CHOICES)
def test_plain_keeps_a_plain_string_and_makes_none_empty(lang):
    assert text.plain("communitas", lang) == "communitas"
    assert text.plain(None, lang) == ""


def test_html_escapes_markup_but_not_quotes():
    assert text.html(BOTH, "id") == "Kuasa &amp; &lt;rakyat&gt;"
    assert text.html(BOTH, "en") == "People's \"power\" &amp; &lt;us&gt;"
    assert text.html("a < b", "both") == "a &lt; b"
    assert text.html(None, "both") == ""


def test_html_both_wraps_each_language_for_the_core_multilang_filter():
    assert text.html(BOTH, "both") == ('<span lang="id" class="multilang">Kuasa &amp; &lt;rakyat&gt;</span>'
                                       '<span lang="en" class="multilang">People\'s "power" &amp; &lt;us&gt;'
                                       '</span>')


def test_html_both_with_mlang_uses_filter_multilang2():
    assert text.html(BOTH, "both", mlang=True) == ("{mlang id}Kuasa &amp; &lt;rakyat&gt;{mlang}"
                                                   "{mlang en}People's \"power\" &amp; &lt;us&gt;{mlang}")
    assert text.html(BOTH, "en", mlang=True) == text.html(BOTH, "en")  # one language: no markup


def test_paragraphs_leave_out_empty_fragments():
    assert text.paragraphs("a", "", "b &amp; c") == "<p>a</p><p>b &amp; c</p>"
    assert text.paragraphs("", "") == ""


@pytest.mark.parametrize("value, shown", [(1.0, "1"), (2, "2"), (0.5, "0.5"), (1.25, "1.25"), (0.0, "0")])
def test_points_without_trailing_zeros(value, shown):
    assert text.points(value) == shown


def test_general_feedback_of_true_false_and_short_is_their_rationale():
    why = {"id": "karena <a>", "en": "because <a>"}
    for kind in ("true-false", "short"):
        q = Question("x", kind, 1.0, STEM, why=why)
        assert text.general_feedback(q, "en") == "because &lt;a&gt;"
        assert text.general_feedback(q, "both", mlang=True) == "{mlang id}karena &lt;a&gt;{mlang}" \
                                                                 "{mlang en}because &lt;a&gt;{mlang}"
    assert text.general_feedback(Question("x", "short", 1.0, STEM), "id") == ""


def test_general_feedback_of_matching_lists_each_pair_with_a_rationale():
    left = (Pair("a", {"id": "A", "en": "A"}, "r1", {"id": "ya", "en": "yes"}),
            Pair("b", {"id": "B", "en": "B"}, "r2"),
            Pair("c", {"id": "C & D", "en": "C & D"}, "r1", {"id": "juga", "en": "too"}))
    q = Question("m", "matching", 2.0, STEM, left=left, right=(Choice("r1", STEM), Choice("r2", STEM)))
    assert text.general_feedback(q, "en") == "<ul><li>A: yes</li><li>C &amp; D: too</li></ul>"
    bare = Question("m", "matching", 2.0, STEM, left=left[1:2], right=q.right)
    assert text.general_feedback(bare, "en") == ""


def test_choice_questions_have_no_general_feedback():
    """Their rationales are per option (each answer's own feedback)."""
    why = {"id": "w", "en": "w"}
    for kind in ("single", "multiple", "essay"):
        q = Question("x", kind, 1.0, STEM, why=why, choices=(Choice("o", STEM, True, why),))
        assert text.general_feedback(q, "id") == ""
