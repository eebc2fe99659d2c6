"""Moodle XML: well-formed (xmllint), Moodle's import rules (re-read with lxml), and PyPI's
moodle-xml-parser reads the multichoice questions back."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree
from moodle_xml_parser.parser import parse_string

from coursekit.lms import moodle
from coursekit.lms.source import Choice, Question, Quiz, Slot
from coursekit.lms.text import html
from coursekit.lms.weights import MOODLE_GRADES, TOLERANCE, CannotExpress

from .conftest import xmllint

MOODLE_TYPES = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
                "short": "shortanswer", "matching": "matching", "essay": "essay"}


@pytest.fixture(scope="module")
def exported(quizzes, tmp_path_factory):
    path = tmp_path_factory.mktemp("moodle") / "bank.xml"
    path.write_bytes(moodle.export(quizzes, "both"))
    return path


def test_well_formed_by_xmllint(exported):
    run = subprocess.run([xmllint(), "--noout", str(exported)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def _by_name(path):
    root = etree.parse(str(path)).getroot()
    return {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") not in ("category",
                                                                                               "random")}


def test_every_bank_question_is_there_with_its_type(exported, questions):
    found = _by_name(exported)
    assert set(found) == {q.id for q in questions}
    for q in questions:
        assert found[q.id].get("type") == MOODLE_TYPES[q.type]
        assert float(found[q.id].findtext("defaultgrade")) == q.points


def _allowed(fraction: float) -> bool:
    return any(abs(abs(fraction) - g) < TOLERANCE for g in MOODLE_GRADES)


def test_moodle_import_rules(exported, questions):
    """From Moodle's qformat_default/qformat_xml: every fraction a grade value (within 1e-5);
    single choice has an answer at exactly 100 %; multichoice's positive fractions add to 100 %."""
    found = _by_name(exported)
    for q in questions:
        answers = [float(a.get("fraction")) / 100 for a in found[q.id].findall("answer")]
        assert all(_allowed(f) for f in answers), (q.id, answers)
        if q.type == "single":
            assert found[q.id].findtext("single") == "true"
            assert sum(1 for f in answers if abs(f - 1) < 1e-9) == 1, q.id
        if q.type == "multiple":
            assert found[q.id].findtext("single") == "false"
            assert abs(sum(f for f in answers if f > 0) - 1) < TOLERANCE, q.id
            assert sum(f for f in answers) <= 1e-6, f"{q.id}: ticking every option must score 0"
        if q.type in ("single", "multiple"):
            keys = [f > 0 for f in answers]
            assert keys == [c.correct for c in q.choices], q.id
            feedback = [a.findtext("feedback/text") for a in found[q.id].findall("answer")]
            assert feedback == [html(c.why, "both") for c in q.choices]
        if q.type == "true-false":
            right = [a.findtext("text") for a in found[q.id].findall("answer") if a.get("fraction") == "100"]
            assert right == [str(q.answer).lower()]
        if q.type == "short":
            assert [a.findtext("text") for a in found[q.id].findall("answer")] == list(q.accepted)
        if q.type == "matching":
            subs = found[q.id].findall("subquestion")
            assert len([s for s in subs if s.findtext("text")]) == len(q.left)
            unmatched = [r for r in q.right if all(p.match != r.id for p in q.left)]
            assert len(subs) == len(q.left) + len(unmatched)  # distractors: empty subquestions
            feedback = found[q.id].findtext("generalfeedback/text")
            assert all(html(p.why, "both") in feedback for p in q.left if p.why), q.id
        if q.type == "essay":
            info = found[q.id].findtext("graderinfo/text")
            assert all(html(c.text, "both") in info for c in q.scheme), q.id


def test_both_languages_in_multilang_spans(exported, questions):
    found = _by_name(exported)
    for q in questions:
        text = found[q.id].findtext("questiontext/text")
        assert '<span lang="id" class="multilang">' in text and '<span lang="en" class="multilang">' in text


def test_mlang_option_uses_filter_multilang2(quizzes):
    text = moodle.export(quizzes[:1], "both", mlang=True).decode()
    assert "{mlang id}" in text and "{mlang en}" in text and 'class="multilang"' not in text


def test_one_language(quizzes):
    text = moodle.export(quizzes[:1], "en").decode()
    assert "multilang" not in text and "mlang" not in text


def test_pools_are_categories_with_a_random_question(exported, quizzes):
    root = etree.parse(str(exported)).getroot()
    categories = [q.findtext("category/text") for q in root.iter("question") if q.get("type") == "category"]
    randoms = [q for q in root.iter("question") if q.get("type") == "random"]
    pools = [(quiz.id, s.pool) for quiz in quizzes for s in quiz.slots if s.pool]
    assert len(randoms) == len(pools)
    for quiz_id, pool in pools:
        assert f"$course$/top/coursekit/{quiz_id}/{pool}" in categories


def test_moodle_xml_parser_reads_the_multichoice_questions(exported, questions):
    """PyPI moodle-xml-parser (it reads only multichoice and cloze, so it is not the only check)."""
    parsed = {m.name: m for m in parse_string(exported.read_text(encoding="utf-8"))["multichoice"]}
    choice = [q for q in questions if q.type in ("single", "multiple")]
    assert set(parsed) == {q.id for q in choice}
    for q in choice:
        m = parsed[q.id]
        assert m.single == (q.type == "single")
        assert m.default_grade == q.points
        assert [o.score_fraction > 0 for o in m.options] == [c.correct for c in q.choices]
        assert abs(sum(o.score_fraction for o in m.options if o.score_fraction > 0) - 100) < 1e-3


def test_refuses_what_moodle_cannot_express():
    """1 right and 11 wrong options: -1/11 = -9.0909 % is no Moodle grade value."""
    q = Question("x-1", "multiple", 1.0, {"id": "s", "en": "s"}, choices=tuple(
        Choice(f"o{i}", {"id": "t", "en": "t"}, i < 1, {"id": "w", "en": "w"}) for i in range(12)))
    with pytest.raises(CannotExpress) as e:
        moodle.export([Quiz("q", {"id": "q", "en": "q"}, (Slot(1, None, (q,)),))])
    assert e.value.item == "x-1" and abs(e.value.value + 100 / 11) < 1e-9


def test_text_is_escaped_by_the_xml_library():
    stem = {"id": "a < b & c ]]> </text>", "en": "x"}
    q = Question("x-2", "essay", 1.0, stem)
    data = moodle.export([Quiz("q", {"id": "q", "en": "q"}, (Slot(1, None, (q,)),))], "id")
    root = etree.fromstring(data)
    assert root.find(".//questiontext/text").text == "<p>a &lt; b &amp; c ]]&gt; &lt;/text&gt;</p>"
