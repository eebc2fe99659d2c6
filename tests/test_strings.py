"""The one strings mechanism: every strings file valid against the one schema, every key the
code and templates use exists, no unused key, and a missing key named with a suggestion."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coursekit import strings
from coursekit.content import datafile
from coursekit.content.problems import ContentError

PACKAGE = Path(strings.__file__).parent
PARTS = "|".join(sorted({*strings.PARTS, "content"}))
# A key in code or a template: a quoted literal "<part>.<name>", or an f-string / prefix that a
# variable completes ("gradedquiz." + key, f"content.axis.{axis}").
LITERAL = re.compile(r"""(?<![\w.])f?(["'])((?:""" + PARTS + r""")\.[a-z0-9_.\-]*)(\{|\1\s*(?:\+|~)?)""")
NOT_KEYS = {"figures.json"}  # file names that look like keys


def used_keys() -> tuple[set[str], set[str]]:
    """(exact keys, key prefixes) used in coursekit's modules and templates."""
    exact, prefixes = set(), set()
    for path in [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")]:
        if "validators" in path.parts:
            continue
        for m in LITERAL.finditer(path.read_text(encoding="utf-8")):
            key, end = m.group(2), m.group(3)
            if key in NOT_KEYS:
                continue
            if end == "{" or end.rstrip().endswith(("+", "~")) or key.endswith("."):
                prefixes.add(key)
            else:
                exact.add(key)
    return exact, prefixes


def test_every_strings_file_is_valid_against_the_one_schema():
    found, problems = strings.check()
    assert problems == []
    assert set(found) == {*strings.PARTS, "content"}
    for part, path in strings.files().items():
        assert path.exists(), part


def test_no_part_has_a_schema_of_its_own():
    own = [p for p in PACKAGE.rglob("*strings*.json") if p not in (strings.SCHEMA, strings.COMPILED)]
    assert own == []


def test_both_languages_everywhere():
    for key, text in strings.table().items():
        assert set(text) == {"id", "en"}, key
        assert text["id"].strip() and text["en"].strip(), key


def test_a_string_without_english_is_reported(tmp_path):
    bad = tmp_path / "strings.yaml"
    bad.write_text("group:\n  name: {id: Halo}\n", encoding="utf-8")
    _, problems = datafile.read(bad, strings.SCHEMA)
    assert problems and "group.name" in " ".join(str(p) for p in problems)


def test_unknown_keys_are_rejected(tmp_path):
    bad = tmp_path / "strings.yaml"
    bad.write_text("name: {id: Halo, en: Hello, fr: Bonjour}\n", encoding="utf-8")
    _, problems = datafile.read(bad, strings.SCHEMA)
    assert problems


def test_every_key_used_exists():
    exact, prefixes = used_keys()
    keys = strings.table()
    assert len(exact) > 100
    assert sorted(exact - set(keys)) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in keys)) == []


def test_no_unused_key():
    exact, prefixes = used_keys()
    unused = [k for k in strings.table() if k not in exact and not any(k.startswith(p) for p in prefixes)]
    assert unused == []


def test_a_missing_key_names_it_with_a_suggestion():
    with pytest.raises(KeyError) as err:
        strings.say("widgets.quiz.titel", "en")
    assert "'widgets.quiz.titel'" in str(err.value)
    assert "did you mean 'widgets.quiz.title'" in str(err.value)


def test_no_fallback_to_another_language():
    with pytest.raises(KeyError):
        strings.say("widgets.quiz.title", "fr", module="M1")
    with pytest.raises(KeyError):
        strings.pick({"id": "Halo"}, "en")


def test_say_fills_fields_and_pick_picks():
    assert strings.say("widgets.quiz.title", "en", module="M1") == "Self-check: M1"
    assert strings.say("widgets.quiz.title", "id", module="M1") == "Cek pemahaman: M1"
    assert strings.say("lms.messages.wrote", "both", path="x") == "Ditulis: x\nWritten: x"
    assert strings.pick({"id": "Halo", "en": "Hello"}, "en") == "Hello"
    assert strings.pick("plain", "id") == "plain"
    assert strings.pick(None, "id") == ""


def test_a_broken_strings_file_stops_the_build(monkeypatch, tmp_path):
    bad = tmp_path / "strings.yaml"
    bad.write_text("x: {id: Halo}\n", encoding="utf-8")
    monkeypatch.setattr(strings, "files", lambda: {"widgets": bad})
    with pytest.raises(ContentError):
        strings.outputs()


def test_the_runtime_table_is_the_compiled_one():
    assert strings.table() == strings.compiled()


def test_problems_name_line_and_field(tmp_path):
    bad = tmp_path / "strings.yaml"
    bad.write_text("group:\n  ok: {id: a, en: b}\n  half: {id: a}\n  extra: {id: a, en: b, fr: c}\n")
    _, problems = datafile.read(bad, strings.SCHEMA)
    text = "\n".join(map(str, problems))
    assert ":3: group.half.en: missing the English text" in text
    assert "group.extra.fr: unknown key 'fr'" in text
