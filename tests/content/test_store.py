"""The content store: look items up by kind and slug; an unknown kind or slug is an error naming the
near matches and the known ones; modules list by number, other kinds by slug."""

from __future__ import annotations

import pytest

from coursekit.content import load
from coursekit.content.store import Content, UnknownItem


def items(**kinds) -> dict:
    base = {"source": {}, "concept": {}, "framework": {}, "comparison": {}, "case": {}, "module": {},
            "outline": {}, "ui": {}}
    return {**base, **kinds}


def test_get_returns_the_item(content_dir):
    store = load(content_dir)
    assert store.get("concept", "komunitas")["term"] == {"id": "Komunitas", "en": "Community"}


def test_an_unknown_slug_suggests_the_near_one_and_lists_the_known(content_dir):
    store = load(content_dir)
    with pytest.raises(UnknownItem) as info:
        store.get("case", "dnsi")
    assert str(info.value) == "no case 'dnsi' (did you mean 'dsni'?); known: dsni"
    assert (info.value.kind, info.value.slug) == ("case", "dnsi")
    assert isinstance(info.value, LookupError)


def test_an_unknown_kind_lists_the_kinds(content_dir):
    store = load(content_dir)
    with pytest.raises(UnknownItem) as info:
        store.all("cases")
    assert str(info.value) == ("no kind 'cases' (did you mean 'case'?); known: "
                               "case, comparison, concept, framework, module, source")


@pytest.mark.parametrize("kind", ["outline", "ui"])
def test_the_single_file_kinds_are_not_looked_up_by_slug(content_dir, kind):
    with pytest.raises(UnknownItem, match=f"no kind '{kind}'"):
        load(content_dir).get(kind, kind)


def test_modules_list_by_number_others_by_slug():
    store = Content(items(
        module={"m10": {"slug": "m10", "number": 10}, "m2": {"slug": "m2", "number": 2}},
        case={"zeta": {"slug": "zeta"}, "alpha": {"slug": "alpha"}}))
    assert [m["slug"] for m in store.all("module")] == ["m2", "m10"]
    assert [c["slug"] for c in store.all("case")] == ["alpha", "zeta"]
    assert store.all("concept") == []


def test_outline_labels_and_counts(content_dir):
    store = load(content_dir)
    assert [i["id"] for i in store.outline] == ["K1", "T2"]
    assert store.labels == {"concept": {"id": "Konsep", "en": "Concept"}}
    assert store.counts() == {"source": 1, "concept": 1, "framework": 1, "comparison": 1, "case": 1,
                              "module": 1, "outline item": 2, "label": 1}


def test_a_store_without_outline_or_labels_has_empty_ones():
    store = Content(items())
    assert store.outline == [] and store.labels == {}
    assert store.counts()["outline item"] == 0 and store.counts()["label"] == 0


def test_a_long_list_of_known_items_is_shortened():
    many = {f"c{i:02d}": {"slug": f"c{i:02d}"} for i in range(45)}
    with pytest.raises(UnknownItem) as info:
        Content(items(case=many)).get("case", "zzz")
    assert str(info.value).endswith("c39, ... (45 in all)")
