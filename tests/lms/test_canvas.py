"""Canvas (Classic Quizzes, QTI 1.2): our package has the structure PyPI's text2qti writes for
the same questions (zip layout, manifest, assessment_meta, per-item metadata, responses and
scoring conditions), and re-reads to the bank's keys."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from coursekit.lms import canvas
from coursekit.lms.source import Quiz, Slot

Q = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
TEXT2QTI_TYPES = ("single", "multiple", "true-false", "short", "essay")  # text2qti has no matching


@pytest.fixture(scope="module")
def sample(questions):
    """One bank question of every type text2qti can write."""
    first = {}
    for q in questions:
        first.setdefault(q.type, q)
    return [first[t] for t in TEXT2QTI_TYPES if t in first]


def _text2qti_source(sample) -> str:
    lines = ["Quiz title: Kuis", "Quiz description: D", ""]
    for n, q in enumerate(sample, 1):
        lines += [f"Title: {q.id}", f"Points: {q.points:g}", f"{n}.  Stem {n}"]
        if q.type == "single":
            lines += [f"{'*' if c.correct else ''}{chr(97 + i)}) option {i}" for i, c in enumerate(q.choices)]
        elif q.type == "multiple":
            lines += [f"[{'*' if c.correct else ' '}] option {i}" for i, c in enumerate(q.choices)]
        elif q.type == "true-false":
            lines += [f"{'*' if q.answer else ''}a) True", f"{'' if q.answer else '*'}b) False"]
        elif q.type == "short":
            lines += [f"*   {a}" for a in q.accepted]
        else:
            lines += ["____"]
        lines.append("")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def theirs(sample, tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("text2qti")
    (folder / "quiz.md").write_text(_text2qti_source(sample), encoding="utf-8")
    text2qti = Path(sys.executable).parent / "text2qti"
    subprocess.run([str(text2qti), "quiz.md"], cwd=folder, check=True, capture_output=True, timeout=120)
    return _unzip((folder / "quiz.zip").read_bytes())


@pytest.fixture(scope="module")
def ours(sample) -> dict[str, bytes]:
    slots = tuple(Slot(n, None, (q,)) for n, q in enumerate(sample, 1))
    quiz = Quiz("kuis", {"id": "Kuis", "en": "Kuis"}, slots)
    return _unzip(canvas.package([quiz], "en"))


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _layout(files: dict) -> list[str]:
    ident = next(n.split("/")[0] for n in files if n.endswith("assessment_meta.xml"))
    return sorted(n.replace(ident, "ID") for n in files)


def test_zip_layout_as_text2qti(ours, theirs):
    assert _layout(ours) == _layout(theirs)


def _manifest_shape(data: bytes):
    root = etree.fromstring(data)
    out = []
    for r in root.iter("{*}resource"):
        files = [re.sub(r"[^/]*assessment[^/]*", "ID", f.get("href"), count=1)
                 for f in r.iter("{*}file")]
        out.append((r.get("type"), tuple(re.sub(r"[^/]*assessment[^/]*", "ID", f) for f in files),
                    len(list(r.iter("{*}dependency")))))
    return etree.QName(root).namespace, sorted(out)


def test_manifest_as_text2qti(ours, theirs):
    assert _manifest_shape(ours["imsmanifest.xml"]) == _manifest_shape(theirs["imsmanifest.xml"])


def _meta(files):
    return etree.fromstring(next(v for n, v in files.items() if n.endswith("assessment_meta.xml")))


def test_assessment_meta_as_text2qti(ours, theirs):
    mine, other = _meta(ours), _meta(theirs)
    assert mine.tag == other.tag
    assert {c.tag for c in mine} <= {c.tag for c in other}
    assert float(mine.findtext("{*}points_possible")) == float(other.findtext("{*}points_possible"))


def _items(files):
    data = next(v for n, v in files.items() if n.endswith(".xml") and "assessment_meta" not in n
                and n != "imsmanifest.xml")
    return list(etree.fromstring(data).iter(f"{Q}item"))


def _item_shape(item):
    meta = {f.findtext(f"{Q}fieldlabel"): f.findtext(f"{Q}fieldentry")
            for f in item.iter(f"{Q}qtimetadatafield")}
    response = next(e for e in item.find(f"{Q}presentation") if e.tag != f"{Q}material")
    full = [c for c in item.iter(f"{Q}respcondition") if c.findtext(f"{Q}setvar") == "100"]
    cond = full[0].find(f"{Q}conditionvar") if full else None
    return {
        "title": item.get("title"), "type": meta["question_type"], "points": float(meta["points_possible"]),
        "response": (etree.QName(response).localname, response.get("rcardinality")),
        "labels": len(list(response.iter(f"{Q}response_label"))),
        "decvar": dict(item.find(f".//{Q}decvar").attrib),
        "full": None if cond is None else (len(list(cond.iter(f"{Q}varequal"))),
                                           len(list(cond.iter(f"{Q}not")))),
    }


def test_items_as_text2qti(ours, theirs, sample):
    mine, other = [_item_shape(i) for i in _items(ours)], [_item_shape(i) for i in _items(theirs)]
    assert [m["title"] for m in mine] == [q.id for q in sample]
    assert mine == other


def test_whole_bank_re_reads_to_the_keys(quizzes, questions):
    files = _unzip(canvas.package(quizzes, "id"))
    items = {}
    for name, data in files.items():
        if name.endswith(".xml") and "assessment_meta" not in name and name != "imsmanifest.xml":
            items.update({i.get("ident"): i for i in etree.fromstring(data).iter(f"{Q}item")})
    assert set(items) == {q.id for q in questions}
    for q in questions:
        shape = _item_shape(items[q.id])
        assert shape["type"] == canvas.TYPES[q.type] and shape["points"] == q.points
        if q.type in ("single", "multiple"):
            full = next(c for c in items[q.id].iter(f"{Q}respcondition") if c.findtext(f"{Q}setvar") == "100")
            ticked = [v.text for v in full.find(f"{Q}conditionvar").iter(f"{Q}varequal")
                      if v.getparent().tag != f"{Q}not"]
            assert ticked == [f"{q.id}_{c.id}" for c in q.choices if c.correct]
        if q.type == "matching":
            adds = [float(s.text) for s in items[q.id].iter(f"{Q}setvar") if s.get("action") == "Add"]
            assert len(adds) == len(q.left) and sum(adds) == pytest.approx(100, abs=0.05)
