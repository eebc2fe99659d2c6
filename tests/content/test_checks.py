"""Checks across files: every reference names an existing item, every outline item is taught, and
the rules a schema cannot say (unique keys, complete comparison tables); each problem names the
file, line, field, the bad value and what is allowed."""

from __future__ import annotations

from pathlib import Path

from coursekit.content.checks import cross_checks
from coursekit.content.kinds import KINDS
from coursekit.content.parse import read_yaml
from tests.conftest import edit


def gather(root: Path):
    """The arguments cross_checks gets from the loader, for a folder of valid files."""
    items = {k.name: {} for k in KINDS}
    where = {}
    for kind in KINDS:
        paths = sorted((root / kind.path).glob("*.yaml")) if kind.many else [root / kind.path]
        for path in paths:
            data, problems = read_yaml(path, path.name)
            assert problems == []
            slug = data["slug"] if kind.many else kind.name
            items[kind.name][slug] = data
            where[(kind.name, slug)] = (f"{kind.path}/{path.name}" if kind.many else kind.path, path)
    return items, where, {k.name: set() for k in KINDS}


def texts(problems) -> list[str]:
    return [str(p) for p in problems]


def test_the_fixture_has_no_problem(content_dir):
    assert cross_checks(*gather(content_dir)) == []


def test_an_unknown_reference_lists_the_known_items(content_dir):
    edit(content_dir / "cases/dsni.yaml", "modules: [m1]", "modules: [zzz]")
    assert texts(cross_checks(*gather(content_dir))) == [
        "cases/dsni.yaml:7: modules[0]: no module 'zzz'; known: m1"]


def test_an_unknown_reference_suggests_the_near_item(content_dir):
    edit(content_dir / "modules/m1.yaml", "frameworks: [goals]", "frameworks: [goal]")
    assert texts(cross_checks(*gather(content_dir))) == [
        "modules/m1.yaml:13: frameworks[0]: no framework 'goal' (did you mean 'goals'?)"]


def test_a_reference_to_a_kind_with_no_item_says_so(content_dir):
    items, where, broken = gather(content_dir)
    items["framework"] = {}
    assert texts(cross_checks(items, where, broken)) == [
        "modules/m1.yaml:13: frameworks[0]: no framework 'goals'; no framework is defined"]


def test_a_reference_inside_a_text_is_checked(content_dir):
    edit(content_dir / "cases/dsni.yaml", "source: deck}", "source: dek}")
    assert texts(cross_checks(*gather(content_dir))) == [
        "cases/dsni.yaml:6: period.source: no source 'dek' (did you mean 'deck'?)"]


def test_an_item_of_a_broken_file_counts_as_existing(content_dir):
    items, where, broken = gather(content_dir)
    del items["case"]["dsni"]
    broken["case"].add("dsni")
    assert cross_checks(items, where, broken) == []


def test_outline_references_wait_while_the_outline_is_broken(content_dir):
    items, where, broken = gather(content_dir)
    items["outline"] = {}
    broken["outline"].add("outline")
    assert cross_checks(items, where, broken) == []


def test_coverage_waits_while_a_module_is_broken(content_dir):
    items, where, broken = gather(content_dir)
    del items["module"]["m1"]
    broken["module"].add("m1")
    assert cross_checks(items, where, broken) == []


def test_an_outline_item_no_module_teaches(content_dir):
    edit(content_dir / "modules/m1.yaml", "outline: [K1, T2]", "outline: [K1]")
    assert texts(cross_checks(*gather(content_dir))) == [
        "outline.yaml:5: items[1].id: outline item 'T2' is taught by no module "
        "(add it to a module's 'outline')"]


def test_references_of_a_file_that_failed_its_schema_are_checked(content_dir):
    items, where, broken = gather(content_dir)
    data = items["comparison"].pop("conflict-consensus")
    broken["comparison"].add("conflict-consensus")
    bad = {**data, "approaches": [{"cases": ["dnsi"]}]}  # also missing keys: no consistency check
    problems = texts(cross_checks(items, where, broken, {"comparison": {"conflict-consensus": bad}}))
    assert problems == ["comparisons/conflict-consensus.yaml:14: approaches[0].cases[0]: "
                        "no case 'dnsi' (did you mean 'dsni'?)"]


def test_duplicate_framework_element_key(content_dir):
    edit(content_dir / "frameworks/goals.yaml", "key: networks", "key: power")
    assert texts(cross_checks(*gather(content_dir))) == [
        "frameworks/goals.yaml:10: elements[1].key: duplicate key 'power'"]


def test_duplicate_comparison_approach_key(content_dir):
    edit(content_dir / "comparisons/conflict-consensus.yaml", "key: conflict", "key: consensus")
    assert texts(cross_checks(*gather(content_dir))) == [
        "comparisons/conflict-consensus.yaml:15: approaches[1].key: duplicate key 'consensus'"]


def test_points_for_an_unlisted_dimension_name_the_listed_ones(content_dir):
    edit(content_dir / "comparisons/conflict-consensus.yaml", "      strengths: [{id: Cepat., en: Fast.}]\n",
         "      strengths: [{id: Cepat., en: Fast.}]\n      costs: [{id: Mahal., en: Costly.}]\n")
    assert texts(cross_checks(*gather(content_dir))) == [
        "comparisons/conflict-consensus.yaml:20: approaches[1].points.costs: "
        "dimension 'costs' is not listed in 'dimensions': definition, strengths"]


def test_every_cross_file_problem_at_once(content_dir):
    edit(content_dir / "frameworks/goals.yaml", "key: networks", "key: power")
    edit(content_dir / "cases/dsni.yaml", "modules: [m1]", "modules: [m2]")
    edit(content_dir / "comparisons/conflict-consensus.yaml", "      strengths: [{id: Bertahan lama., "
         "en: Lasting.}]\n", "")
    problems = cross_checks(*gather(content_dir))
    assert sorted(p.file for p in problems) == ["cases/dsni.yaml", "comparisons/conflict-consensus.yaml",
                                                "frameworks/goals.yaml"]
    assert all(p.line > 0 and p.field for p in problems)
