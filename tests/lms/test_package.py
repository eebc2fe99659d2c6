"""lms/package.py: the manifest head both content packages share (with the keys-inside notice),
the XML bytes with the root's namespace as the default one, and a zip that is the same every time."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from lxml import etree

from coursekit.lms import package
from coursekit.strings import say

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
OTHER = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


def _manifest(ns: str = CP):
    return package.manifest(ns, {"identifier": "m-1"}, "IMS Content", "1.1.3")


def test_manifest_opens_with_the_keys_inside_notice_in_both_languages():
    el, _ = _manifest()
    first = el[0]
    assert first.tag is ET.Comment
    for lang in ("id", "en"):
        assert say("lms.messages.keys-inside", lang) in first.text


def test_manifest_head_is_metadata_organizations_then_empty_resources():
    el, resources = _manifest()
    assert el.tag == f"{{{CP}}}manifest" and el.get("identifier") == "m-1"
    assert [c.tag for c in el[1:]] == [f"{{{CP}}}metadata", f"{{{CP}}}organizations", f"{{{CP}}}resources"]
    assert el[-1] is resources and len(resources) == 0
    assert el.findtext(f"{{{CP}}}metadata/{{{CP}}}schema") == "IMS Content"
    assert el.findtext(f"{{{CP}}}metadata/{{{CP}}}schemaversion") == "1.1.3"


def test_xml_bytes_are_declared_utf8_with_the_root_namespace_as_default():
    el, resources = _manifest()
    ET.SubElement(resources, f"{{{CP}}}resource", {"identifier": "r-1", "href": "ä.xml"})
    data = package.xml_bytes(el)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    assert data.endswith(b"\n") and "ä.xml".encode() in data
    assert f'<manifest xmlns="{CP}"'.encode() in data and b"ns0:" not in data
    root = etree.fromstring(data)  # a strict parser: the comment is well formed too
    assert root.tag == f"{{{CP}}}manifest"
    assert say("lms.messages.keys-inside", "en") in root[0].text


def test_each_tree_gets_its_own_namespace_as_default_whatever_came_before():
    """ElementTree's prefixes are global: the second package must not inherit the first's."""
    first = package.xml_bytes(_manifest(CP)[0])
    second = package.xml_bytes(_manifest(OTHER)[0])
    again = package.xml_bytes(_manifest(CP)[0])
    assert f'<manifest xmlns="{OTHER}"'.encode() in second and b"ns0:" not in second
    assert first == again


def test_xml_bytes_indents():
    el, _ = _manifest()
    lines = package.xml_bytes(el).decode().splitlines()
    assert any(line.startswith("    <schema>") for line in lines)


def test_zipped_gives_the_same_bytes_twice():
    files = {"imsmanifest.xml": b"<manifest/>\n", "items/q01.xml": "<item>é</item>".encode()}
    one = package.zipped(files)
    assert one == package.zipped(dict(files))


def test_zipped_holds_the_files_compressed_in_order_with_a_fixed_date():
    files = {"b.xml": b"<b/>" * 200, "a/a.xml": b"<a/>", "empty.txt": b""}
    with zipfile.ZipFile(io.BytesIO(package.zipped(files))) as zf:
        assert zf.namelist() == ["b.xml", "a/a.xml", "empty.txt"]
        assert {n: zf.read(n) for n in zf.namelist()} == files
        assert {i.date_time for i in zf.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}
        assert zf.testzip() is None
