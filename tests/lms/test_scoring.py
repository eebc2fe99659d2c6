"""Scoring equivalence per format: for right, partly right, tick-all and blank responses, the
score the LMS would compute from the exported file (Moodle fractions, GIFT weights as gift-pegjs
reads them, QTI 2.1 mapResponse, Canvas's conditions) equals coursekit.scoring's.

Multiple select is compared with scoring.score_ticked (the course rule through
scoring.option_weights); Canvas docks points/k per wrong tick, so for the items where k != n-k
the test checks instead that the export names them (canvas_differs)."""

from __future__ import annotations

import io
import string
import zipfile

import pytest
from lxml import etree

from coursekit import scoring
from coursekit.lms import canvas, gift, moodle, qti21
from coursekit.lms.text import plain

AUTO = ("single", "multiple", "true-false", "short", "matching")


def responses(q):
    """(name, response) pairs; a response is a set of option ids, a bool, a str, or {left: right}."""
    if q.type in ("single", "multiple"):
        right = {c.id for c in q.choices if c.correct}
        wrong = [c.id for c in q.choices if not c.correct]
        out = [("right", right), ("wrong", {wrong[0]}), ("blank", set())]
        if q.type == "multiple":
            first = sorted(right)[0]
            out += [("partly", {first}), ("partly+wrong", {first, wrong[0]}),
                    ("tick-all", {c.id for c in q.choices})]
        return out
    if q.type == "true-false":
        return [("right", q.answer), ("wrong", not q.answer), ("blank", None)]
    if q.type == "short":
        return [("right", q.accepted[0]), ("right-case", q.accepted[-1].upper()), ("wrong", "zzz"),
                ("blank", "")]
    key = {p.id: p.match for p in q.left}
    rights = [r.id for r in q.right]
    shifted = {p.id: rights[(rights.index(p.match) + 1) % len(rights)] for p in q.left}
    partly = {**shifted, q.left[0].id: q.left[0].match}
    return [("right", key), ("partly", partly), ("wrong", shifted), ("blank", {})]


def course(q, r) -> float:
    """coursekit.scoring's points for a response."""
    if q.type == "single":
        letters = {string.ascii_lowercase[i]: c.id for i, c in enumerate(q.choices)}
        raw = next((k for k, v in letters.items() if v in r), None)
        return scoring.score_single(raw, letters, next(c.id for c in q.choices if c.correct), q.points).points
    if q.type == "multiple":
        ticked = [i for i, c in enumerate(q.choices) if c.id in r]
        return scoring.score_ticked([c.correct for c in q.choices], ticked) * q.points
    if q.type == "true-false":
        return scoring.score_true_false(r, q.answer, q.points).points
    if q.type == "short":
        return scoring.score_short(r or None, list(q.accepted), q.points).points
    left = {str(i): p.id for i, p in enumerate(q.left, 1)}
    right = {string.ascii_lowercase[i]: e.id for i, e in enumerate(q.right)}
    back = {v: k for k, v in right.items()}
    raw = {n: back[r[lid]] for n, lid in left.items() if lid in r}
    return scoring.score_matching(raw or None, left, right, {p.id: p.match for p in q.left}, q.points).points


def cases(questions):
    return [(q, name, r) for q in questions if q.type in AUTO for name, r in responses(q)]


# --- Moodle: its grading, from the exported XML -----------------------------------------------

def moodle_score(el, q, r) -> float:
    grade = float(el.findtext("defaultgrade"))
    answers = [(a.findtext("text"), float(a.get("fraction")) / 100) for a in el.findall("answer")]
    if q.type in ("single", "multiple"):
        fractions = [f for (_, f), c in zip(answers, q.choices, strict=True) if c.id in r]
        return min(1.0, max(0.0, sum(fractions))) * grade  # qtype_multichoice: sum, clamped
    if q.type == "true-false":
        chosen = {True: "true", False: "false"}.get(r)
        return next((f for t, f in answers if t == chosen), 0.0) * grade
    if q.type == "short":  # usecase 0: case-insensitive match, first matching answer
        return next((f for t, f in answers if r and t.lower() == r.strip().lower()), 0.0) * grade
    subs = [(s.findtext("text"), s.findtext("answer/text")) for s in el.findall("subquestion")]
    asked = [(t, a) for t, a in subs if t]
    right_text = {e.id: e for e in q.right}
    given = [r.get(p.id) for p in q.left]
    ok = sum(1 for (_, a), g, p in zip(asked, given, q.left, strict=True)
             if g is not None and plain(right_text[g].text, "both") == a)
    return ok / len(asked) * grade


@pytest.fixture(scope="module")
def moodle_items(quizzes):
    root = etree.fromstring(moodle.export(quizzes, "both"))
    return {q.findtext("name/text"): q for q in root.iter("question")}


def test_moodle_scores_as_the_course(questions, moodle_items):
    for q, name, r in cases(questions):
        assert moodle_score(moodle_items[q.id], q, r) == pytest.approx(course(q, r), abs=1e-6), (q.id, name)


# --- GIFT: the weights gift-pegjs reads --------------------------------------------------------

def test_gift_scores_as_the_course(questions, quizzes, gift_parse):
    parsed = {p["title"]: p for p in gift_parse(gift.export(quizzes, "both")) if p["type"] != "Category"}
    for q, name, r in cases(questions):
        p = parsed[q.id]
        if q.type == "single":
            got = sum(q.points for c, ch in zip(q.choices, p["choices"], strict=True)
                      if c.id in r and ch["isCorrect"])
        elif q.type == "multiple":
            w = sum(ch["weight"] for c, ch in zip(q.choices, p["choices"], strict=True) if c.id in r) / 100
            got = min(1.0, max(0.0, w)) * q.points
        elif q.type == "true-false":
            got = q.points if r is not None and r == p["isTrue"] else 0.0
        elif q.type == "short":
            texts = {ch["text"]["text"].lower() for ch in p["choices"]}
            got = q.points if r and r.lower() in texts else 0.0
        else:
            right = {e.id: plain(e.text, "both") for e in q.right}
            pairs = [(m["subquestion"]["text"], m["subanswer"]) for m in p["matchPairs"]
                     if m["subquestion"]["text"]]  # an empty one is a distractor
            ok = sum(1 for (_, a), lp in zip(pairs, q.left, strict=True)
                     if lp.id in r and right[r[lp.id]] == a)
            got = ok / len(pairs) * q.points
        assert got == pytest.approx(course(q, r), abs=1e-3), (q.id, name)


# --- QTI 2.1: mapResponse over the exported mapping --------------------------------------------

def qti_score(item, q, r) -> float:
    ns = {"q": qti21.NS}
    mapping = item.find("q:responseDeclaration/q:mapping", ns)
    entries = [(e.get("mapKey"), float(e.get("mappedValue")), e.get("caseSensitive") != "false")
               for e in mapping]
    if q.type in ("single", "multiple"):
        values = {qti21.choice_id(x) for x in r}
    elif q.type == "true-false":
        values = set() if r is None else {str(r).lower()}
    elif q.type == "short":
        values = {r} if r else set()
    else:
        values = {f"{qti21.choice_id(a, 'L')} {qti21.choice_id(b, 'R')}" for a, b in r.items()}
    if not values:  # isNull(RESPONSE) -> SCORE 0
        return 0.0
    total = 0.0
    for v in values:  # mapResponse: each distinct value once, default for unmapped ones
        hit = [m for k, m, case in entries if (k == v if case else k.lower() == v.lower())]
        total += hit[0] if hit else float(mapping.get("defaultValue"))
    return min(float(mapping.get("upperBound")), max(float(mapping.get("lowerBound")), total))


def test_qti21_scores_as_the_course(questions, quizzes):
    files = qti21.files_of(quizzes, "id")
    for q, name, r in cases(questions):
        item = etree.fromstring(files[f"items/{q.id}.xml"])
        assert qti_score(item, q, r) == pytest.approx(course(q, r), abs=1e-6), (q.id, name)


# --- Canvas Classic: its conditions and its own multiple-answer and matching rules -------------

def test_canvas_scores_as_the_course_or_says_it_differs(questions, quizzes):
    data = canvas.package(quizzes, "en")
    items = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for n in zf.namelist():
            if n.endswith(".xml") and "assessment_meta" not in n and n != "imsmanifest.xml":
                root = etree.fromstring(zf.read(n))
                items.update({i.get("ident"): i for i in root.iter(f"{{{canvas.QTI}}}item")})
    Q = f"{{{canvas.QTI}}}"
    for q, name, r in cases(questions):
        item = items[q.id]
        if q.type == "multiple":
            got = canvas.canvas_share(q, set(r)) * q.points
            if canvas.canvas_differs(q):
                continue  # reported to the lecturer by `coursekit export canvas`
        elif q.type == "matching":
            adds = {(v.get("respident"), v.text): float(c.findtext(f"{Q}setvar"))
                    for c in item.iter(f"{Q}respcondition") for v in c.iter(f"{Q}varequal")}
            got = sum(adds.get((f"response_{a}", f"{q.id}_R_{b}"), 0) for a, b in r.items()) / 100 * q.points
        else:
            full = next(c for c in item.iter(f"{Q}respcondition") if c.findtext(f"{Q}setvar") == "100")
            accepted = [v.text for v in full.iter(f"{Q}varequal")]
            if q.type == "short":
                got = q.points if r and r.lower() in {a.lower() for a in accepted} else 0.0
            else:
                chosen = {f"{q.id}_{x}" for x in r} if q.type == "single" else (
                    set() if r is None else {f"{q.id}_{str(r).lower()}"})
                got = q.points if chosen and chosen == set(accepted) else 0.0
        assert got == pytest.approx(course(q, r), abs=0.01), (q.id, name)


def test_canvas_differs_only_where_k_is_not_n_minus_k(questions):
    for q in questions:
        if q.type == "multiple":
            k = sum(c.correct for c in q.choices)
            assert canvas.canvas_differs(q) == (k != len(q.choices) - k)
