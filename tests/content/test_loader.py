"""Loading content: every problem at once, each naming file, line, field, bad value, what is allowed."""

from __future__ import annotations

import shutil

import pytest

from coursekit.content import ContentError, check, load
from tests.conftest import edit


def messages(root) -> list[str]:
    content, problems = check(root)
    assert content is None
    return [str(p) for p in problems]


def test_valid_fixture_loads(content_dir):
    store = load(content_dir)
    assert store.counts()["case"] == 1
    assert store.get("case", "dsni")["short"] == {"id": "DSNI", "en": "DSNI"}


def test_missing_translation(content_dir):
    edit(content_dir / "concepts/komunitas.yaml", "    en: A social group sharing an environment.\n", "")
    (msg,) = messages(content_dir)
    assert "concepts/komunitas.yaml:7: definitions[0].en: missing the English text ('en')" in msg


def test_empty_translation(content_dir):
    edit(content_dir / "frameworks/goals.yaml", "en: Build power.", "en: '  '")
    (msg,) = messages(content_dir)
    assert "frameworks/goals.yaml:9: elements[0].description.en: empty English text" in msg


def test_unknown_key_suggests_the_near_one(content_dir):
    edit(content_dir / "cases/dsni.yaml", "summary:", "sumary:")
    found = messages(content_dir)
    assert any("cases/dsni.yaml:8: sumary: unknown key 'sumary'; allowed:" in m
               and "(did you mean 'summary'?)" in m for m in found)
    assert any("missing required field 'summary'" in m for m in found)


def test_bad_enum_value_lists_allowed_values(content_dir):
    edit(content_dir / "cases/dsni.yaml", "position: combination", "position: combinaton")
    (msg,) = messages(content_dir)
    assert "axes.conflict-consensus.position: 'combinaton' is not allowed" in msg
    assert "allowed: combination, conflict, consensus, not-stated" in msg
    assert "(did you mean 'combination'?)" in msg


def test_dangling_reference(content_dir):
    edit(content_dir / "comparisons/conflict-consensus.yaml", "cases: [dsni]", "cases: [dnsi]")
    (msg,) = messages(content_dir)
    assert "comparisons/conflict-consensus.yaml:14: approaches[0].cases[0]: no case 'dnsi'" in msg
    assert "(did you mean 'dsni'?)" in msg


def test_syntax_error_has_line_number(content_dir):
    edit(content_dir / "modules/m1.yaml", "summary: {id: Ringkasan., en: Summary.}",
         "summary: {id: Ringkasan., en: Summary.")
    (msg,) = messages(content_dir)
    assert msg.startswith(str(content_dir / "modules/m1.yaml").lstrip("/").split("/")[0]) or "m1.yaml" in msg
    assert "m1.yaml:" in msg and "YAML syntax error" in msg


def test_duplicate_slug(content_dir):
    shutil.copy(content_dir / "cases/dsni.yaml", content_dir / "cases/dsni-copy.yaml")
    found = messages(content_dir)
    assert any("slug: duplicate case slug 'dsni': also in" in m for m in found)
    assert any("'dsni' does not match the file name 'dsni-copy'" in m for m in found)


def test_every_problem_reported_at_once(content_dir):
    edit(content_dir / "concepts/komunitas.yaml", "    en: A social group sharing an environment.\n", "")
    edit(content_dir / "cases/dsni.yaml", "summary:", "sumary:")
    edit(content_dir / "modules/m1.yaml", "number: 1", "number: one")
    with pytest.raises(ContentError) as info:
        load(content_dir)
    files = {p.file.rsplit("/", 2)[-2] for p in info.value.problems}
    assert files == {"concepts", "cases", "modules"}
    assert str(info.value).startswith(f"{len(info.value.problems)} problems in course content:")


def test_outline_item_taught_by_no_module(content_dir):
    edit(content_dir / "modules/m1.yaml", "outline: [K1, T2]", "outline: [K1]")
    edit(content_dir / "comparisons/conflict-consensus.yaml", "outline: [T2]\n", "")
    (msg,) = messages(content_dir)
    assert "outline.yaml:5: items[1].id: outline item 'T2' is taught by no module" in msg, msg


def test_incomplete_comparison_table(content_dir):
    path = content_dir / "comparisons/conflict-consensus.yaml"
    edit(path, "      strengths: [{id: Cepat., en: Fast.}]\n", "")
    (msg,) = messages(content_dir)
    assert "approaches[1].points: no points for dimension 'strengths'" in msg


def test_unexpected_entries(content_dir):
    (content_dir / "casess").mkdir()
    (content_dir / "cases/notes.txt").write_text("x")
    found = messages(content_dir)
    assert any("casess: (file): unexpected folder" in m and "did you mean 'cases'" in m for m in found)
    assert any("notes.txt: (file): unexpected file; content files end in '.yaml'" in m for m in found)


def test_builtin_content_is_valid():
    store = load()
    counts = store.counts()
    assert counts["case"] >= 11
    for slug in ("p2kp", "iaf", "dsni", "block-clubs"):
        store.get("case", slug)
    for slug in ("conflict-consensus", "single-multiple-issue", "direct-organization-recruitment"):
        store.get("comparison", slug)
    assert [m["slug"] for m in store.all("module")][:8] == [f"m{i}" for i in range(1, 9)]


def test_schema_and_reference_problems_reported_together(content_dir):
    edit(content_dir / "cases/dsni.yaml", "summary:", "sumary:")  # dsni broken, still "exists"
    edit(content_dir / "concepts/komunitas.yaml", "sources: [deck]", "sources: [dek]")
    found = messages(content_dir)
    assert any("sumary: unknown key" in m for m in found)
    assert any("concepts/komunitas.yaml:9: sources[0]: no source 'dek' (did you mean 'deck'?)" in m
               for m in found)
    assert not any("no case 'dsni'" in m for m in found)


def test_a_schema_error_does_not_hide_a_reference_error(content_dir):
    """Issue 8, finding 10: both problems of one file are reported."""
    path = content_dir / "comparisons/conflict-consensus.yaml"
    text = path.read_text(encoding="utf-8")
    assert "cases: [dsni]" in text
    path.write_text(text.replace("cases: [dsni]", "cases: [dnsi]", 1) + "unknown_key: 1\n",
                    encoding="utf-8")
    found = messages(content_dir)
    assert any("unknown_key" in m for m in found)
    assert any("no case 'dnsi'" in m and "did you mean 'dsni'" in m for m in found)


def test_unclosed_quote_is_placed_at_its_line(content_dir):
    path = content_dir / "modules/m1.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    n = next(i for i, ln in enumerate(lines) if ln.startswith("summary:"))
    lines[n] = 'summary: "Ringkasan'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (msg,) = messages(content_dir)
    assert f"m1.yaml:{n + 1}:" in msg and "YAML syntax error" in msg
