"""Glossary and search."""

import coursekit as ck
from coursekit.api import content


def test_glossary_lists_every_concept_sorted():
    text = str(ck.glossary(lang="en"))
    terms = [c["term"]["en"] for c in content().all("concept")]
    assert all(term in text for term in terms)


def test_search_either_language():
    assert len(ck.search("jaringan", lang="id")) > 0
    hits_en = {(h.kind, h.slug) for h in ck.search("networks", lang="en").hits}
    assert ("comparison", "direct-organization-recruitment") in hits_en
    assert len(ck.search("Dudley", lang="id")) >= 1
    assert "Nothing matched" in str(ck.search("zzzqqq", lang="en"))
