"""QTI 2.1: every item, test and manifest validates with xmllint against the official IMS QTI 2.1
and IMS Content Packaging XSDs (vendored in tests/lms/xsd, see NOTICE.md); keys and mappings
re-read and compared with the bank."""

from __future__ import annotations

import io
import subprocess
import zipfile

import pytest
from lxml import etree

from coursekit.lms import qti21
from coursekit.lms.weights import percents

from .conftest import XSD, xmllint

NS = {"q": qti21.NS, "cp": qti21.CP}


@pytest.fixture(scope="module", params=["id", "en"])
def package(request, quizzes, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"qti-{request.param}")
    data = qti21.package(quizzes, request.param)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(folder)
    return request.param, folder


def _validate(schema, files):
    run = subprocess.run([xmllint(), "--noout", "--nonet", "--schema", str(schema), *map(str, files)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]


def test_items_and_tests_validate_against_qti21_xsd(package):
    _, folder = package
    files = sorted((folder / "items").glob("*.xml")) + sorted((folder / "tests").glob("*.xml"))
    _validate(XSD / "qtiv2p1" / "imsqti_v2p1.xsd", files)


def test_manifest_validates_against_ims_cp_xsd_and_lists_every_file(package):
    _, folder = package
    _validate(XSD / "imscp_v1p1.xsd", [folder / "imsmanifest.xml"])
    root = etree.parse(str(folder / "imsmanifest.xml"))
    hrefs = set(root.xpath("//cp:file/@href", namespaces=NS))
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*.xml") if p.name != "imsmanifest.xml"}
    assert hrefs == on_disk


def _item(folder, q):
    return etree.parse(str(folder / "items" / f"{q.id}.xml")).getroot()


def test_keys_and_mappings_match_the_bank(package, questions):
    lang, folder = package
    for q in questions:
        root = _item(folder, q)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        mapping = root.find("q:responseDeclaration/q:mapping", NS)
        if q.type == "essay":
            assert mapping is None
            assert root.find(".//q:extendedTextInteraction", NS) is not None
            assert root.find(".//q:rubricBlock[@view='scorer']", NS) is not None
            continue
        assert mapping.get("lowerBound") == "0" and float(mapping.get("upperBound")) == q.points
        entries = {e.get("mapKey"): float(e.get("mappedValue")) for e in mapping}
        correct = [v.text for v in root.findall("q:responseDeclaration/q:correctResponse/q:value", NS)]
        if q.type in ("single", "multiple"):
            want = {qti21.choice_id(c.id): p / 100 * q.points
                    for c, p in zip(q.choices, percents(q), strict=True)}
            assert entries == pytest.approx(want)
            assert correct == [qti21.choice_id(c.id) for c in q.choices if c.correct]
            shown = [c.text for c in root.findall(".//q:simpleChoice", NS)]
            assert shown == [c.text[lang] for c in q.choices]
        if q.type == "true-false":
            assert correct == [str(q.answer).lower()]
        if q.type == "short":
            assert entries == {a: q.points for a in q.accepted}
        if q.type == "matching":
            assert entries == pytest.approx({f"L_{p.id} R_{p.match}": q.points / len(q.left) for p in q.left})


def test_pools_select_one_item(package, quizzes):
    _, folder = package
    for quiz in quizzes:
        root = etree.parse(str(folder / "tests" / f"{quiz.id}.xml")).getroot()
        pools = root.findall(".//q:assessmentSection/q:assessmentSection", NS)
        assert len(pools) == sum(1 for s in quiz.slots if s.pool)
        for section in pools:
            assert section.find("q:selection", NS).get("select") == "1"
        refs = [r.get("identifier") for r in root.iter(f"{{{qti21.NS}}}assessmentItemRef")]
        assert refs == [q.id for q in quiz.questions]


def test_the_schema_check_is_real(package, tmp_path):
    """A broken item (no identifier, an unknown element) fails the same validation."""
    _, folder = package
    item = etree.parse(str(next((folder / "items").glob("*.xml"))))
    root = item.getroot()
    del root.attrib["identifier"]
    etree.SubElement(root, f"{{{qti21.NS}}}notQti")
    broken = tmp_path / "broken.xml"
    item.write(str(broken))
    schema = XSD / "qtiv2p1" / "imsqti_v2p1.xsd"
    run = subprocess.run([xmllint(), "--noout", "--nonet", "--schema", str(schema), str(broken)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode != 0 and "identifier" in run.stderr
