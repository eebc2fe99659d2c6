"""read_yaml turns every failure into a Problem naming the file and line, with libyaml's loader
and with PyYAML's own; line_of finds the line of a field path."""

from __future__ import annotations

import pytest
import yaml

from coursekit.content.parse import line_of, read_yaml


@pytest.fixture(params=["libyaml", "python"])
def loader(request, monkeypatch):
    """Run the test with PyYAML's C loader (when built with libyaml) and with its pure-Python one."""
    if request.param == "libyaml":
        if not getattr(yaml, "__with_libyaml__", False):
            pytest.skip("PyYAML built without libyaml")
    else:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    return request.param


def write(tmp_path, text: str | bytes, name: str = "item.yaml"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def only(found):
    assert len(found) == 1, found
    return found[0]


def test_valid_file_is_read_safely(tmp_path, loader):
    path = write(tmp_path, "slug: dsni\nmodules: [m1, m2]\nshort: {id: DSNI, en: DSNI}\n")
    assert read_yaml(path, "cases/dsni.yaml") == (
        {"slug": "dsni", "modules": ["m1", "m2"], "short": {"id": "DSNI", "en": "DSNI"}}, [])


def test_empty_file_is_none_without_problem(tmp_path, loader):
    assert read_yaml(write(tmp_path, ""), "x.yaml") == (None, [])


@pytest.mark.parametrize(("text", "line", "words"), [
    ("slug: a\nshort: {id: A, en: A\nname: b\n", 3, "flow mapping"),
    ("slug: a\nshort:\n\tid: A\n", 3, "cannot start any token"),
    ("slug: a\nname:\n  id: A\n en: B\n", 4, "block mapping"),
    ("slug: a: b\n", 1, "mapping values are not allowed"),
    ("slug: a\nsources: *deck\n", 2, "undefined alias"),
    ("slug: a\n---\nslug: b\n", 2, "expected a single document"),
])
def test_syntax_error_names_file_and_line(tmp_path, loader, text, line, words):
    data, found = read_yaml(write(tmp_path, text), "cases/a.yaml")
    problem = only(found)
    assert data is None
    assert (problem.file, problem.line, problem.field) == ("cases/a.yaml", line, "")
    assert problem.message.startswith("YAML syntax error: ") and words in problem.message
    assert str(problem).startswith(f"cases/a.yaml:{line}: (file): YAML syntax error")


@pytest.mark.parametrize("quote", ['"', "'"])
def test_unclosed_quote_is_placed_where_it_opens(tmp_path, loader, quote):
    text = f"slug: a\nsummary: {quote}Ringkasan\nmodules: [m1]\nsources: [deck]\n"
    problem = only(read_yaml(write(tmp_path, text), "a.yaml")[1])
    assert problem.line == 2
    assert "end of stream" in problem.message and "quoted scalar" in problem.message


def test_unclosed_bracket_at_the_end_is_placed_where_it_opens(tmp_path, loader):
    problem = only(read_yaml(write(tmp_path, "slug: a\nmodules: [m1, m2\n"), "a.yaml")[1])
    assert problem.line == 2


def test_code_tags_are_refused(tmp_path, loader):
    problem = only(read_yaml(write(tmp_path, "slug: !!python/object/apply:os.getcwd []\n"), "a.yaml")[1])
    assert problem.line == 1 and "could not determine a constructor" in problem.message


def test_text_that_is_not_utf8_is_a_problem_of_the_file(tmp_path, loader):
    data, found = read_yaml(write(tmp_path, "slug: caf\xe9\n".encode("latin-1")), "a.yaml")
    problem = only(found)
    assert data is None
    assert (problem.file, problem.line, problem.field) == ("a.yaml", 0, "")
    assert problem.message.startswith("not UTF-8 text (")


def test_both_loaders_agree_on_the_line(tmp_path, monkeypatch):
    path = write(tmp_path, "slug: a\nname:\n  id: A\n  en: [B\nsources: [deck]\n")
    first = only(read_yaml(path, "a.yaml")[1])
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    second = only(read_yaml(path, "a.yaml")[1])
    assert first.line == second.line > 0


DOC = """\
slug: conflict-consensus
dimensions: [definition, strengths]
approaches:
  - key: consensus
    points:
      definition: [{id: Dialog., en: Dialogue.}]
    cases: [dsni]
  - key: conflict
    name: {id: Konflik, en: Conflict}
"""


@pytest.mark.parametrize(("path", "line"), [
    ([], 1),
    (["slug"], 1),
    (["dimensions", 1], 2),
    (["approaches", 0], 4),
    (["approaches", 0, "points", "definition", 0, "en"], 6),
    (["approaches", 0, "cases", 0], 7),
    (["approaches", 1, "name", "en"], 9),
])
def test_line_of_a_field(tmp_path, path, line):
    assert line_of(write(tmp_path, DOC), path) == line


@pytest.mark.parametrize(("path", "line"), [
    (["approaches", 1, "cases"], 8),  # missing key: its item's line
    (["approaches", 5, "key"], 4),  # no such index: the list's line (its first item)
    (["approaches", "0"], 4),  # a string is not a list index
    (["slug", "deeper"], 1),  # below a scalar
    (["nothing"], 1),
])
def test_line_of_a_missing_field_is_its_deepest_found_parent(tmp_path, path, line):
    assert line_of(write(tmp_path, DOC), path) == line


def test_line_of_is_zero_when_the_file_cannot_be_read(tmp_path):
    assert line_of(tmp_path / "missing.yaml", ["slug"]) == 0
    assert line_of(write(tmp_path, "slug: [a\n"), ["slug"]) == 0
    assert line_of(write(tmp_path, "", "empty.yaml"), ["slug"]) == 0
