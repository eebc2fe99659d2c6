"""The runtime reads the course from compiled.json: the same content as the validated sources,
without parsing YAML or loading a schema validator."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from coursekit.content import compiled, content, load


def test_the_compiled_file_holds_the_validated_sources():
    store, sources = content(), load()
    assert store.counts() == sources.counts()
    for kind in ("concept", "case", "module"):
        assert store.all(kind) == sources.all(kind)
    assert store.outline == sources.outline and store.labels == sources.labels


def test_loading_the_course_parses_no_yaml_and_loads_no_validator():
    code = ("import sys, coursekit; coursekit.api.content(); "
            "print(sorted(m for m in ('yaml', 'jsonschema', 'fastjsonschema', 'coursekit.content.loader')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_file_of_another_format_names_the_command(tmp_path, monkeypatch):
    other = tmp_path / "compiled.json"
    other.write_text(json.dumps({"format": 0, "items": {}}), encoding="utf-8")
    monkeypatch.setattr(compiled, "FILE", other)
    with pytest.raises(RuntimeError, match="run `coursekit build`"):
        compiled.read()
