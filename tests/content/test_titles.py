"""An item's display title: the field that names each kind, in the language asked."""

from __future__ import annotations

import pytest

from coursekit.content import content
from coursekit.content.titles import title


def bi(id_: str, en: str) -> dict:
    return {"id": id_, "en": en}


@pytest.mark.parametrize(("kind", "item", "lang", "expected"), [
    ("concept", {"term": bi("Komunitas", "Community")}, "en", "Community"),
    ("concept", {"term": bi("Komunitas", "Community")}, "id", "Komunitas"),
    ("framework", {"title": bi("Tujuan", "Goals")}, "en", "Goals"),
    ("comparison", {"title": bi("Konflik vs konsensus", "Conflict vs consensus")}, "id",
     "Konflik vs konsensus"),
    ("module", {"title": bi("Perubahan sosial", "Social change")}, "en", "Social change"),
])
def test_the_naming_field_in_the_language(kind, item, lang, expected):
    assert title(kind, item, lang) == expected


def test_a_case_name_is_prefixed_with_its_short_name_unless_it_holds_it():
    case = {"short": bi("Anak jalanan", "Street children"), "name": bi("Organisasi X", "Organization X")}
    assert title("case", case, "en") == "Street children: Organization X"
    assert title("case", case, "id") == "Anak jalanan: Organisasi X"
    name = "Communities Organized for Public Service (COPS)"
    assert title("case", {"short": bi("COPS", "COPS"), "name": bi(name, name)}, "en") == name


def test_a_source_is_its_short_form_else_its_citation():
    cited = {"citation": "Alinsky, S. (1971). Rules for Radicals."}
    assert title("source", {**cited, "short": "Alinsky, 1971"}, "en") == "Alinsky, 1971"
    assert title("source", cited, "id") == cited["citation"]


@pytest.mark.parametrize("kind", ["source", "concept", "framework", "comparison", "case", "module"])
def test_every_built_in_item_has_a_title_in_both_languages(kind):
    for item in content().all(kind):
        for lang in ("id", "en"):
            assert title(kind, item, lang).strip(), f"{kind} {item['slug']} has no {lang} title"
