"""The parse cache: a hit only while the file is unchanged; never a reason to fail."""

from __future__ import annotations

import os

from coursekit.content import cache, loader


def test_hit_until_the_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "a.yaml"
    f.write_text("x: 1\n")
    c = cache.ParseCache()
    c.put(f, {"x": 1})
    c.save()
    again = cache.ParseCache()
    assert again.get(f) == (True, {"x": 1})
    f.write_text("x: 22\n")
    assert again.get(f) == (False, None)


def test_corrupt_or_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache.cache_file().parent.mkdir(parents=True)
    cache.cache_file().write_bytes(b"not marshal")
    assert cache.ParseCache().entries == {}
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    f = tmp_path / "a.yaml"
    f.write_text("x: 1\n")
    c = cache.ParseCache()
    c.put(f, {"x": 1})
    c.save()  # the cache folder cannot be made: no error, no cache


def test_values_marshal_cannot_keep_are_not_cached(tmp_path, monkeypatch):
    import datetime

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    f = tmp_path / "d.yaml"
    f.write_text("d: 2013-07-25\n")
    c = cache.ParseCache()
    c.put(f, {"d": datetime.date(2013, 7, 25)})
    assert c.get(f) == (False, None)


def test_builtin_content_same_with_and_without_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = loader.load()  # parses, fills the cache
    assert cache.cache_file().exists()
    second = loader.load()  # served from the cache, validated again
    monkeypatch.setenv("COURSEKIT_PARSE_CACHE", "0")
    third = loader.load()
    assert first._items == second._items == third._items
    assert os.environ["COURSEKIT_PARSE_CACHE"] == "0" and cache.cache_file() is None
