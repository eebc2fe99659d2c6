"""Moodle XML: all six question types, rationales as per-answer feedback, pools as categories.

Built with xml.etree (every text escaped by the library). Moodle's import rules (from its source,
question/format.php and question/format/xml): a single-choice question has an answer at exactly
100 %; a multiple-choice question's positive fractions add up to 100 %; every fraction is one of
Moodle's grade values (weights.MOODLE_GRADES) within 1e-5, else weights.CannotExpress.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..strings import entry, say
from .source import Question, Quiz
from .text import general_feedback, html, paragraphs, plain, points
from .weights import moodle_percents

COURSE = "coursekit"


def export(quizzes: list[Quiz], lang: str = "both", mlang: bool = False) -> bytes:
    root = ET.Element("quiz")
    root.append(ET.Comment(" " + say("lms.messages.keys-inside", "both") + " "))
    for quiz in quizzes:
        top = f"$course$/top/{COURSE}/{quiz.id}"
        _category(root, top, html(quiz.title, lang, mlang))
        for slot in quiz.slots:
            if slot.pool:
                _category(root, f"{top}/{slot.pool}", html(_pool_name(slot.pool), lang, mlang))
            for q in slot.questions:
                root.append(question(q, lang, mlang))
            if slot.pool:
                root.append(_random(slot.pool, slot.questions[0].points))
                _category(root, top, html(quiz.title, lang, mlang))
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def question(q: Question, lang: str, mlang: bool = False) -> ET.Element:
    kind = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
            "short": "shortanswer", "matching": "matching", "essay": "essay"}[q.type]
    el = ET.Element("question", type=kind)
    _text(el, "name", q.id, fmt=None)
    stem = html(q.stem, lang, mlang)
    _text(el, "questiontext", paragraphs(stem, html(q.guidance, lang, mlang)))
    _text(el, "generalfeedback", general_feedback(q, lang, mlang))
    _sub(el, "defaultgrade", points(q.points))
    _sub(el, "penalty", "0")
    _sub(el, "hidden", "0")
    _sub(el, "idnumber", q.id)
    t = lambda x: html(x, lang, mlang)  # noqa: E731
    if q.type in ("single", "multiple"):
        _sub(el, "single", "true" if q.type == "single" else "false")
        _sub(el, "shuffleanswers", "true")
        _sub(el, "answernumbering", "abc")
        for name in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _text(el, name, "")
        for c, frac in zip(q.choices, moodle_percents(q), strict=True):
            _answer(el, frac, t(c.text), t(c.why))
    elif q.type == "true-false":
        for value in (True, False):
            _answer(el, "100" if value == q.answer else "0", "true" if value else "false", t(q.why),
                    fmt="moodle_auto_format")
    elif q.type == "short":
        _sub(el, "usecase", "0")
        for a in q.accepted:
            _answer(el, "100", a, t(q.why), fmt="moodle_auto_format")
    elif q.type == "matching":
        _sub(el, "shuffleanswers", "true")
        right = {r.id: r for r in q.right}
        for pair in q.left:
            sub = ET.SubElement(el, "subquestion", format="html")
            _sub(sub, "text", t(pair.text))
            _sub(ET.SubElement(sub, "answer"), "text", plain(right[pair.match].text, lang))
        for r in q.right:  # right-hand entries nobody matches: distractors (empty subquestion)
            if all(p.match != r.id for p in q.left):
                sub = ET.SubElement(el, "subquestion", format="html")
                _sub(sub, "text", "")
                _sub(ET.SubElement(sub, "answer"), "text", plain(r.text, lang))
    elif q.type == "essay":
        _sub(el, "responseformat", "editor")
        _sub(el, "responserequired", "1")
        _sub(el, "responsefieldlines", "15")
        _sub(el, "attachments", "0")
        _sub(el, "attachmentsrequired", "0")
        _text(el, "graderinfo", grader_info(q, lang, mlang))
        _text(el, "responsetemplate", "")
    return el


def grader_info(q: Question, lang: str, mlang: bool = False) -> str:
    """The mark scheme and the model answer, as HTML for Moodle's graderinfo."""
    items = "".join(f"<li>{points(c.points)}: {html(c.text, lang, mlang)}{_criterion(c, lang, mlang)}</li>"
                    for c in q.scheme)
    return (paragraphs(html(entry("lms.names.scheme"), lang, mlang)) + f"<ol>{items}</ol>"
            + paragraphs(html(entry("lms.names.model"), lang, mlang), html(q.model, lang, mlang)))


def _criterion(c, lang: str, mlang: bool) -> str:
    """A criterion's expected content and its levels (0, 1, 2, ...), when the bank has them."""
    out = paragraphs(html(c.expect, lang, mlang)) if c.expect else ""
    if c.levels:
        out += "<ol start=\"0\">" + "".join(f"<li>{html(x, lang, mlang)}</li>" for x in c.levels) + "</ol>"
    return out


def _pool_name(pool: str) -> dict:
    return {k: v.format(pool=pool) for k, v in entry("lms.names.pool").items()}


def _category(root, path: str, info: str) -> None:
    el = ET.SubElement(root, "question", type="category")
    _sub(ET.SubElement(el, "category"), "text", path)
    _text(el, "info", info)


def _random(pool: str, value: float) -> ET.Element:
    el = ET.Element("question", type="random")
    _text(el, "name", f"random {pool}", fmt=None)
    _text(el, "questiontext", "0")  # 0: do not include subcategories
    _text(el, "generalfeedback", "")
    _sub(el, "defaultgrade", points(value))
    _sub(el, "penalty", "0")
    _sub(el, "hidden", "0")
    return el


def _answer(parent, fraction: str, text: str, feedback: str, fmt: str = "html") -> None:
    el = ET.SubElement(parent, "answer", fraction=fraction, format=fmt)
    _sub(el, "text", text)
    _text(el, "feedback", feedback)


def _text(parent, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, **({"format": fmt} if fmt else {}))
    _sub(el, "text", value)
    return el


def _sub(parent, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = value
    return el
