"""lms/limits.py: what each export format cannot carry, as bilingual notes from limits.yaml,
checked by its schema (every problem with file, line, field and what is allowed)."""

from __future__ import annotations

import pytest

from coursekit.content import datafile
from coursekit.content.problems import ContentError
from coursekit.lms import export, limits


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_every_format_has_notes_in_both_languages(fmt):
    notes = limits.limits(fmt)
    assert notes
    for note in notes:
        assert set(note) == {"id", "en"} and note["id"].strip() and note["en"].strip()
        assert note["id"] != note["en"]


def test_the_file_holds_exactly_the_exporters_formats():
    assert set(limits._limits()) == set(export.FORMATS)


def test_one_language_per_package_is_told_for_the_package_formats():
    for fmt in ("qti21", "canvas"):
        assert any("language" in n["en"].lower() for n in limits.limits(fmt))


def test_a_broken_limits_file_names_file_line_field_and_the_allowed_values(tmp_path):
    text = (limits.HERE / "limits.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "limits.yaml"
    broken.write_text(text.replace("  gift:\n", "  gfit:\n", 1)
                      .replace('en: "Short answer: Moodle', 'fr: "x", en: "Short answer: Moodle', 1),
                      encoding="utf-8")
    with pytest.raises(ContentError) as e:
        datafile.load(broken, limits.HERE / "limits.schema.json")
    found = {(p.field, p.line) for p in e.value.problems}
    assert ("limits.gfit", 7) in found and ("limits.gift", 3) in found
    assert ("limits.moodle[0].fr", 4) in found
    message = str(e.value)
    assert str(broken) in message
    assert "allowed: canvas, gift, moodle, qti21" in message and "did you mean 'gift'" in message
    assert "allowed: en, id" in message
