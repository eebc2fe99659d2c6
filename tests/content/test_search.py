"""Search finds a word in either language, ignoring case and accents."""

from coursekit.content import load
from coursekit.content.search import fold, search


def test_fold():
    assert fold("  Konsénsus  Dasar ") == "konsensus dasar"


def test_search_both_languages(content_dir):
    store = load(content_dir)
    assert [h.slug for h in search(store, "LINGKUNGAN", "id")] == ["komunitas"]
    hits = search(store, "environment", "id")
    assert [h.slug for h in hits] == ["komunitas"]
    assert "environment" in hits[0].snippet
    assert search(store, "   ", "en") == []
