"""IMS QTI 2.1 content package, one per language: items, one assessmentTest per quiz, manifest.

Scoring: choice, true/false, short answer and matching use mapResponse with a mapping whose
entries are the course's per-option weights times the points, lowerBound 0 and upperBound the
points: exactly coursekit.scoring's rule. Essays are scored by hand (their mark scheme is in a
rubricBlock for scorers). Built with xml.etree; every text escaped by the library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..strings import entry
from .package import manifest as manifest_head
from .package import xml_bytes, zipped
from .source import Question, Quiz
from .text import plain, points
from .weights import percents

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("xsi", XSI)


def choice_id(option_id: str, side: str = "C") -> str:
    """Option ids may start with a digit; QTI identifiers may not."""
    return f"{side}_{option_id}"


def package(quizzes: list[Quiz], lang: str) -> bytes:
    """The zipped content package for one language ('id' or 'en')."""
    return zipped(files_of(quizzes, lang))


def files_of(quizzes: list[Quiz], lang: str) -> dict[str, bytes]:
    items = {q.id: q for quiz in quizzes for q in quiz.questions}
    files = {f"items/{iid}.xml": xml_bytes(item(q, lang)) for iid, q in items.items()}
    for quiz in quizzes:
        files[f"tests/{quiz.id}.xml"] = xml_bytes(test(quiz, lang))
    return {"imsmanifest.xml": xml_bytes(manifest(quizzes, lang)), **files}


def item(q: Question, lang: str) -> ET.Element:
    el = ET.Element(f"{{{NS}}}assessmentItem", {
        f"{{{XSI}}}schemaLocation": f"{NS} {QTI_XSD}", "identifier": q.id,
        "title": q.id, "adaptive": "false", "timeDependent": "false", XML_LANG: lang})
    base = {"single": "identifier", "multiple": "identifier", "true-false": "identifier",
            "short": "string", "matching": "directedPair", "essay": "string"}[q.type]
    card = "multiple" if q.type in ("multiple", "matching") else "single"
    resp = _q(el, "responseDeclaration", identifier="RESPONSE", cardinality=card, baseType=base)
    entries = _entries(q)
    if entries:
        right = [k for k, v in entries if v > 0]
        correct = _q(resp, "correctResponse")
        for k in right if q.type != "short" else right[:1]:
            _q(correct, "value").text = k
        mapping = _q(resp, "mapping", lowerBound="0", upperBound=_num(q.points), defaultValue="0")
        for k, v in entries:
            attrs = {"mapKey": k, "mappedValue": _num(v)}
            if q.type == "short":
                attrs["caseSensitive"] = "false"
            _q(mapping, "mapEntry", **attrs)
    _outcome(el, "SCORE", "float", "0")
    _outcome(el, "MAXSCORE", "float", _num(q.points))
    _q(el, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")
    body = _q(el, "itemBody")
    _p(body, plain(q.stem, lang))
    t = lambda x: plain(x, lang)  # noqa: E731
    if q.type in ("single", "multiple", "true-false"):
        n = 1 if q.type != "multiple" else 0
        ci = _q(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="true",
                maxChoices=str(n))
        for cid, text, why in _choices(q, lang):
            sc = _q(ci, "simpleChoice", identifier=cid)
            sc.text = text
            if why:
                fb = _q(sc, "feedbackInline", outcomeIdentifier="FEEDBACK", identifier=cid, showHide="show")
                fb.text = " " + why
    elif q.type == "short":
        p = _q(body, "p")
        _q(p, "textEntryInteraction", responseIdentifier="RESPONSE", expectedLength="30")
    elif q.type == "matching":
        mi = _q(body, "matchInteraction", responseIdentifier="RESPONSE", shuffle="true",
                maxAssociations=str(len(q.left)))
        left, right = _q(mi, "simpleMatchSet"), _q(mi, "simpleMatchSet")
        for pair in q.left:
            _q(left, "simpleAssociableChoice", identifier=choice_id(pair.id, "L"),
               matchMax="1").text = t(pair.text)
        for r in q.right:
            _q(right, "simpleAssociableChoice", identifier=choice_id(r.id, "R"),
               matchMax=str(len(q.left))).text = t(r.text)
    else:
        if q.guidance:
            _p(body, t(q.guidance))
        _q(body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines="15")
        rubric = _q(body, "rubricBlock", view="scorer")
        _p(rubric, t(entry("lms.names.scheme")))
        ol = _q(rubric, "ol")
        for c in q.scheme:
            li = _q(ol, "li")
            li.text = f"{points(c.points)}: {t(c.text)}" + (f" {t(c.expect)}" if c.expect else "")
            if c.levels:
                levels = _q(li, "ol")
                for level in c.levels:
                    _q(levels, "li").text = t(level)
        _p(rubric, t(entry("lms.names.model")))
        _p(rubric, t(q.model))
    if entries:
        _processing(el, q)
    if q.why:
        mf = _q(el, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier="WHY", showHide="show")
        mf.text = t(q.why)
    return el


def _entries(q: Question) -> list[tuple[str, float]]:
    """(mapKey, points earned) per response value: the course's weights times the item's points."""
    if q.type in ("single", "multiple"):
        return [(choice_id(c.id), p / 100 * q.points) for c, p in zip(q.choices, percents(q), strict=True)]
    if q.type == "true-false":
        return [("true", q.points if q.answer else 0.0), ("false", 0.0 if q.answer else q.points)]
    if q.type == "short":
        return [(a, q.points) for a in q.accepted]
    if q.type == "matching":
        return [(f"{choice_id(p.id, 'L')} {choice_id(p.match, 'R')}", q.points / len(q.left)) for p in q.left]
    return []


def _choices(q: Question, lang: str):
    if q.type == "true-false":
        return [(x, plain(entry(f"lms.names.{x}"), lang), plain(q.why, lang)) for x in ("true", "false")]
    return [(choice_id(c.id), plain(c.text, lang), plain(c.why, lang)) for c in q.choices]


def _processing(el, q: Question) -> None:
    rp = _q(el, "responseProcessing")
    cond = _q(rp, "responseCondition")
    rif = _q(cond, "responseIf")
    _q(_q(rif, "isNull"), "variable", identifier="RESPONSE")
    _set(rif, "SCORE", "float", "0")
    relse = _q(cond, "responseElse")
    _q(_q(relse, "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE")
    if q.type in ("single", "multiple"):
        mult = _q(_q(relse, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
        _q(mult, "variable", identifier="RESPONSE")
    elif q.type == "true-false":
        mult = _q(_q(relse, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
        _q(mult, "variable", identifier="RESPONSE")
        _q(mult, "baseValue", baseType="identifier").text = "WHY"
    elif q.why:
        _set(relse, "FEEDBACK", "identifier", "WHY")


def test(quiz: Quiz, lang: str) -> ET.Element:
    """An assessmentTest: fixed items in order, a pool as a section selecting one of its items."""
    el = ET.Element(f"{{{NS}}}assessmentTest", {
        f"{{{XSI}}}schemaLocation": f"{NS} {QTI_XSD}", "identifier": quiz.id,
        "title": plain(quiz.title, lang)})
    _outcome(el, "SCORE", "float", "0")
    part = _q(el, "testPart", identifier="part", navigationMode="nonlinear", submissionMode="simultaneous")
    main = _q(part, "assessmentSection", identifier="main", title=plain(quiz.title, lang), visible="true")
    for slot in quiz.slots:
        target = main
        if slot.pool:
            target = _q(main, "assessmentSection", identifier=f"pool-{slot.number:02d}",
                        title=plain(entry("lms.names.pool"), lang).format(pool=slot.pool), visible="false")
            _q(target, "selection", select="1")
        for q in slot.questions:
            _q(target, "assessmentItemRef", identifier=q.id, href=f"../items/{q.id}.xml")
    op = _q(el, "outcomeProcessing")
    total = _q(_q(op, "setOutcomeValue", identifier="SCORE"), "sum")
    _q(total, "testVariables", variableIdentifier="SCORE")
    return el


def manifest(quizzes: list[Quiz], lang: str) -> ET.Element:
    el, res = manifest_head(CP, {"identifier": f"coursekit-{lang}",
                                 f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD}"},
                            "QTIv2.1 Package", "1.0.0")
    items = {q.id: q for quiz in quizzes for q in quiz.questions}
    for quiz in quizzes:
        r = ET.SubElement(res, f"{{{CP}}}resource", identifier=f"test-{quiz.id}",
                          type="imsqti_test_xmlv2p1", href=f"tests/{quiz.id}.xml")
        ET.SubElement(r, f"{{{CP}}}file", href=f"tests/{quiz.id}.xml")
        for q in dict.fromkeys(q.id for q in quiz.questions):
            ET.SubElement(r, f"{{{CP}}}dependency", identifierref=f"item-{q}")
    for iid in items:
        r = ET.SubElement(res, f"{{{CP}}}resource", identifier=f"item-{iid}",
                          type="imsqti_item_xmlv2p1", href=f"items/{iid}.xml")
        ET.SubElement(r, f"{{{CP}}}file", href=f"items/{iid}.xml")
    return el




def _q(parent, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _p(parent, text: str) -> None:
    if text:
        _q(parent, "p").text = text


def _outcome(el, ident: str, base: str, default: str) -> None:
    od = _q(el, "outcomeDeclaration", identifier=ident, cardinality="single", baseType=base)
    _q(_q(od, "defaultValue"), "value").text = default


def _set(parent, ident: str, base: str, value: str) -> None:
    _q(_q(parent, "setOutcomeValue", identifier=ident), "baseValue", baseType=base).text = value


def _num(x: float) -> str:
    return repr(float(x))
