"""Canvas Classic Quizzes: QTI 1.2 in Canvas's flavour (the layout PyPI's text2qti writes).

One zip per language: imsmanifest.xml with, per quiz, an imsqti_xmlv1p2 resource (the
assessment) and its assessment_meta.xml. Pools become sections picking one item. Canvas scores
multiple-answer and matching questions itself; canvas_differs() names the items whose Canvas
score differs from the course's rule. Built with xml.etree; every text escaped by the library.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..strings import entry
from .package import manifest as manifest_head
from .package import xml_bytes, zipped
from .source import Question, Quiz
from .text import html, plain

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
META = "http://canvas.instructure.com/xsd/cccv1p0"
TYPES = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
         "true-false": "true_false_question", "short": "short_answer_question",
         "matching": "matching_question", "essay": "essay_question"}


def canvas_share(q: Question, ticked: set[str]) -> float:
    """Share of the points Canvas Classic gives a multiple-answer response (its own rule:
    +points/k per right option ticked, -points/k per wrong one, floor 0, exact match full)."""
    right = {c.id for c in q.choices if c.correct}
    if ticked == right:
        return 1.0
    share = (len(ticked & right) - len(ticked - right)) / len(right)
    return round(max(0.0, share) * q.points, 2) / q.points


def canvas_differs(q: Question) -> bool:
    """True when Canvas's penalty (points/k per wrong tick) is not the course's (points/(n-k))."""
    if q.type != "multiple":
        return False
    k = sum(1 for c in q.choices if c.correct)
    return k != len(q.choices) - k


def package(quizzes: list[Quiz], lang: str) -> bytes:
    return zipped(files_of(quizzes, lang))


def files_of(quizzes: list[Quiz], lang: str) -> dict[str, bytes]:
    files = {"imsmanifest.xml": xml_bytes(manifest(quizzes, lang)), "non_cc_assessments/": b""}
    for quiz in quizzes:
        aid = ident(quiz, lang)
        files[f"{aid}/assessment_meta.xml"] = xml_bytes(meta(quiz, lang))
        files[f"{aid}/{aid}.xml"] = xml_bytes(assessment(quiz, lang))
    return files


def ident(quiz: Quiz, lang: str) -> str:
    return f"coursekit_assessment_{quiz.id}_{lang}"


def manifest(quizzes: list[Quiz], lang: str) -> ET.Element:
    el, res = manifest_head(CP, {"identifier": f"coursekit_manifest_{lang}"}, "IMS Content", "1.1.3")
    for quiz in quizzes:
        aid = ident(quiz, lang)
        dep = aid.replace("_assessment_", "_dependency_")
        r = ET.SubElement(res, f"{{{CP}}}resource", identifier=aid, type="imsqti_xmlv1p2")
        ET.SubElement(r, f"{{{CP}}}file", href=f"{aid}/{aid}.xml")
        ET.SubElement(r, f"{{{CP}}}dependency", identifierref=dep)
        r = ET.SubElement(res, f"{{{CP}}}resource", identifier=dep, href=f"{aid}/assessment_meta.xml",
                          type="associatedcontent/imscc_xmlv1p1/learning-application-resource")
        ET.SubElement(r, f"{{{CP}}}file", href=f"{aid}/assessment_meta.xml")
    return el


def meta(quiz: Quiz, lang: str) -> ET.Element:
    el = ET.Element(f"{{{META}}}quiz", identifier=ident(quiz, lang))
    total = sum(s.questions[0].points for s in quiz.slots)
    for tag, value in (("title", plain(quiz.title, lang)), ("description", ""),
                       ("shuffle_answers", "true"), ("scoring_policy", "keep_highest"),
                       ("hide_results", ""), ("quiz_type", "assignment"),
                       ("points_possible", f"{total:.1f}"), ("show_correct_answers", "false"),
                       ("allowed_attempts", "1"), ("available", "false")):
        ET.SubElement(el, f"{{{META}}}{tag}").text = value
    return el


def assessment(quiz: Quiz, lang: str) -> ET.Element:
    root = ET.Element(f"{{{QTI}}}questestinterop")
    a = _q(root, "assessment", ident=ident(quiz, lang), title=plain(quiz.title, lang))
    _fields(_q(a, "qtimetadata"), [("cc_maxattempts", "1")])
    section = _q(a, "section", ident="root_section")
    for slot in quiz.slots:
        target = section
        if slot.pool:
            target = _q(section, "section", ident=f"pool_{slot.number:02d}",
                        title=plain(entry("lms.names.pool"), lang).format(pool=slot.pool))
            sel = _q(_q(target, "selection_ordering"), "selection")
            _q(sel, "selection_number").text = "1"
            _q(_q(sel, "selection_extension"), "points_per_item").text = f"{slot.questions[0].points:g}"
        for q in slot.questions:
            target.append(item(q, lang))
    return root


def item(q: Question, lang: str) -> ET.Element:
    t = lambda x: html(x, lang)  # noqa: E731
    el = ET.Element(f"{{{QTI}}}item", ident=q.id, title=q.id)
    answers = _answers(q, lang)
    _fields(_q(_q(el, "itemmetadata"), "qtimetadata"), [
        ("question_type", TYPES[q.type]), ("points_possible", f"{q.points:g}"),
        ("original_answer_ids", ",".join(a for a, _, _ in answers)),
        ("assessment_question_identifierref", f"{q.id}_ref")])
    pres = _q(el, "presentation")
    _mat(pres, t(q.stem) + (f"<p>{t(q.guidance)}</p>" if q.guidance else ""))
    rp = _q(el, "resprocessing")
    _q(_q(rp, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    feedback = []
    if q.type in ("single", "multiple", "true-false"):
        lid = _q(pres, "response_lid", ident="response1",
                 rcardinality="Multiple" if q.type == "multiple" else "Single")
        choices = _q(lid, "render_choice")
        for aid, text, why in answers:
            _mat(_q(choices, "response_label", ident=aid), text)
            if why:
                cond = _cond(rp, "Yes")
                _q(cond[0], "varequal", respident="response1").text = aid
                _q(cond[1], "displayfeedback", feedbacktype="Response", linkrefid=f"{aid}_fb")
                feedback.append((f"{aid}_fb", why))
        cond = _cond(rp, "No")
        box = _q(cond[0], "and") if q.type == "multiple" else cond[0]
        for (aid, _, _), c in zip(answers, _correct(q), strict=True):
            if c:
                _q(box, "varequal", respident="response1").text = aid
            elif q.type == "multiple":
                _q(_q(box, "not"), "varequal", respident="response1").text = aid
        _setvar(cond[1], "Set", "100")
    elif q.type in ("short", "essay"):
        resp = _q(pres, "response_str", ident="response1", rcardinality="Single")
        _q(_q(resp, "render_fib"), "response_label", ident="answer1", rshuffle="No")
        if q.type == "short":
            cond = _cond(rp, "No")
            for a in q.accepted:
                _q(cond[0], "varequal", respident="response1").text = a
            _setvar(cond[1], "Set", "100")
        else:
            _q(_cond(rp, "No")[0], "other")
    elif q.type == "matching":
        right = {r.id: f"{q.id}_R_{r.id}" for r in q.right}
        for pair in q.left:
            lid = _q(pres, "response_lid", ident=f"response_{pair.id}")
            _mat(lid, plain(pair.text, lang), "text/plain")
            choices = _q(lid, "render_choice")
            for r in q.right:
                _mat(_q(choices, "response_label", ident=right[r.id]), plain(r.text, lang), "text/plain")
            cond = _cond(rp, "Yes")
            _q(cond[0], "varequal", respident=f"response_{pair.id}").text = right[pair.match]
            _setvar(cond[1], "Add", f"{100 / len(q.left):.2f}")
    if q.why:
        cond = _cond(rp, "Yes", first=True)
        _q(cond[0], "other")
        _q(cond[1], "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        feedback.insert(0, ("general_fb", t(q.why)))
    for fid, text in feedback:
        fb = _q(el, "itemfeedback", ident=fid)
        _mat(_q(fb, "flow_mat"), text)
    return el


def _answers(q: Question, lang: str) -> list[tuple[str, str, str]]:
    if q.type in ("single", "multiple"):
        return [(f"{q.id}_{c.id}", html(c.text, lang), html(c.why, lang)) for c in q.choices]
    if q.type == "true-false":
        return [(f"{q.id}_{x}", html(entry(f"lms.names.{x}"), lang), "") for x in ("true", "false")]
    return []


def _correct(q: Question) -> list[bool]:
    if q.type == "true-false":
        return [q.answer is True, q.answer is False]
    return [c.correct for c in q.choices]


def _cond(rp, cont: str, first: bool = False):
    cond = ET.Element(f"{{{QTI}}}respcondition", {"continue": cont})
    if first:
        rp.insert(1, cond)
    else:
        rp.append(cond)
    return _q(cond, "conditionvar"), cond


def _setvar(parent, action: str, value: str) -> None:
    _q(parent, "setvar", action=action, varname="SCORE").text = value


def _mat(parent, text: str, kind: str = "text/html") -> None:
    _q(_q(parent, "material"), "mattext", texttype=kind).text = text


def _fields(parent, pairs) -> None:
    for label, value in pairs:
        f = _q(parent, "qtimetadatafield")
        _q(f, "fieldlabel").text = label
        _q(f, "fieldentry").text = value


def _q(parent, tag: str, **attrs) -> ET.Element:
    return ET.SubElement(parent, f"{{{QTI}}}{tag}", attrs)
