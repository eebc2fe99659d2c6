"""What the two IMS Content Packaging exports (Canvas's QTI 1.2 package and the QTI 2.1
package) share: the manifest's head with the keys-inside notice, the XML bytes, the zip."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from ..strings import say


def manifest(ns: str, attrs: dict, schema: str, version: str) -> tuple[ET.Element, ET.Element]:
    """A <manifest> in namespace ns (attributes attrs) with the keys-inside notice, its metadata
    (schema and version) and organizations; returns (manifest, its empty <resources>)."""
    el = ET.Element(f"{{{ns}}}manifest", attrs)
    el.append(ET.Comment(" " + say("lms.messages.keys-inside", "both") + " "))
    meta = ET.SubElement(el, f"{{{ns}}}metadata")
    ET.SubElement(meta, f"{{{ns}}}schema").text = schema
    ET.SubElement(meta, f"{{{ns}}}schemaversion").text = version
    ET.SubElement(el, f"{{{ns}}}organizations")
    return el, ET.SubElement(el, f"{{{ns}}}resources")


def xml_bytes(el: ET.Element) -> bytes:
    """Serialised with the root's namespace as the default one. ElementTree keeps prefixes in a
    global registry, so set it right here, not when the tree is built."""
    ET.indent(el)
    ET.register_namespace("", el.tag[1:].split("}")[0])
    return ET.tostring(el, encoding="UTF-8", xml_declaration=True) + b"\n"


def zipped(files: dict[str, bytes]) -> bytes:
    """The files as one zip, with fixed dates (the same bank gives the same bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()
