"""Every YAML file in the repository parses the same with libyaml and with pure-Python PyYAML
(the browser's Pyodide has only the pure-Python one)."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SKIP = {"node_modules", "build", "dist", "test-artifacts"}


def yaml_files() -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob("*.y*ml")):
        parts = path.relative_to(ROOT).parts
        if path.suffix in (".yaml", ".yml") and not any(p.startswith(".") or p in SKIP for p in parts):
            found.append(path)
    return found


def test_found_the_data_files():
    names = {p.relative_to(ROOT).as_posix() for p in yaml_files()}
    assert {"coursekit/widgets/strings.yaml", "lessons/01-komunitas.yaml"} <= names


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_both_loaders_agree(path):
    text = path.read_text(encoding="utf-8")
    fast = yaml.load(text, Loader=yaml.CSafeLoader)
    pure = yaml.load(text, Loader=yaml.SafeLoader)  # raises where only libyaml parses
    assert pure == fast
