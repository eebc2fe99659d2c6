"""The kinds of content: one schema each, a folder of one-item files or a single file."""

from __future__ import annotations

from pathlib import Path

from coursekit.content import kinds, loader, schema

SCHEMAS = Path(schema.__file__).parent / "schemas"


def test_names_paths_and_plurals():
    assert [k.name for k in kinds.KINDS] == ["source", "concept", "framework", "comparison", "case", "module",
                                             "outline", "ui"]
    assert kinds.BY_NAME["case"].plural == "cases" and kinds.BY_NAME["case"].path == "cases"
    assert kinds.BY_NAME["outline"].plural == "outline" and kinds.BY_NAME["outline"].path == "outline.yaml"
    assert set(kinds.BY_PLURAL) == {"sources", "concepts", "frameworks", "comparisons", "cases", "modules"}
    assert all(k.many for k in kinds.BY_PLURAL.values())


def test_every_kind_has_a_schema_and_no_schema_lacks_a_kind():
    files = {p.stem for p in SCHEMAS.glob("*.json")} - {"common"}
    assert files == set(kinds.BY_NAME)


def test_the_built_in_content_holds_exactly_the_kinds_paths():
    entries = {p.name for p in loader.BUILTIN.iterdir() if not p.name.startswith((".", "_"))}
    assert entries == {k.path for k in kinds.KINDS}
    for kind in kinds.KINDS:
        assert (loader.BUILTIN / kind.path).is_dir() is kind.many
