"""Who may import whom: every import in coursekit (top of file or inside a function), read with ast.

A part (a top-level module or package of coursekit) may import only parts in LOWER layers; no
module may take part in an import circle. The layers, bottom first, are the data below; a new
part must be placed in them (the test says so). .dev/ARCHITECTURE.md draws the same layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import coursekit

PACKAGE = Path(coursekit.__file__).parent
LAYERS: list[list[str]] = [
    ["lang", "scoring", "content", "renamed"],         # the course as data, the scoring rules; old names
    ["strings", "progress_store"],                     # bilingual strings; the progress model
    ["render"],                                        # the one Jinja renderer
    ["views", "figures", "questions"],                 # read-only views of content; the question model
    ["gradedquiz", "widgets", "lessons"],              # graded quizzes; widget kit + explorers; lessons
    ["classgrader", "selfcheck", "project"],           # class grader; practice quizzes + progress widget
    ["lms", "syllabus", "api"],                        # api: the notebook API, on top of what students use
    ["__init__"],                                      # `import coursekit`: the API and the lazy parts
    ["commands", "build", "handouts", "launch", "lite", "hub"],  # sub-commands and tools
    ["cli"],                                           # `coursekit ...`
]
LAYER = {part: n for n, parts in enumerate(LAYERS) for part in parts}
SKIP = {"validators"}  # generated code


def _name(path: Path) -> str:
    parts = ["coursekit", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if not SKIP & set(p.parts)}


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The coursekit modules this module imports (a name imported from a package counts as its
    submodule when there is one, else as the package)."""
    here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*here[:len(here) - node.level + 1], *[node.module or ""]]).strip(".") \
                if node.level else node.module or ""
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base)
    out = set()
    for target in found:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            out.add(target)
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def part(module: str) -> str:
    bits = module.split(".")
    return bits[1] if len(bits) > 1 else "__init__"


def test_every_part_has_a_layer():
    missing = sorted({part(m) for m in MODULES} - set(LAYER))
    assert not missing, f"place these parts in LAYERS (tests/test_layers.py): {missing}"


def test_no_part_imports_its_own_layer_or_above():
    bad = [f"{m} imports {t} ({part(m)}: layer {LAYER[part(m)]}, {part(t)}: layer {LAYER[part(t)]})"
           for m, targets in GRAPH.items() for t in sorted(targets)
           if part(m) != part(t) and LAYER.get(part(t), 99) >= LAYER.get(part(m), -1)]
    assert not bad, "upward or sideways imports:\n" + "\n".join(bad)


def test_no_module_is_in_an_import_circle():
    # A package's __init__ may re-export its own submodules: edges into one's own package are
    # not circles that can break an import (Python finishes the package first).
    graph = {m: {t for t in ts if not m.startswith(t + ".")} for m, ts in GRAPH.items()}
    circles = [c for c in _strongly_connected(graph) if len(c) > 1]
    assert not circles, "import circles:\n" + "\n".join(" <-> ".join(sorted(c)) for c in circles)


def test_nothing_below_the_notebook_api_imports_it():
    users = sorted(m for m, ts in GRAPH.items() if "coursekit.api" in ts)
    assert all(LAYER[part(m)] > LAYER["api"] for m in users), users


def test_the_checker_sees_function_level_imports():
    assert "coursekit.selfcheck.bank" in GRAPH["coursekit.selfcheck.progress_view"]  # inside a method
    assert "coursekit.content.compiled" in GRAPH["coursekit.content"]


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    comp = set()
                    while True:
                        top = stack.pop()
                        on.discard(top)
                        comp.add(top)
                        if top == node:
                            break
                    out.append(comp)
            elif child not in index:
                index[child] = low[child] = counter[0]
                counter[0] += 1
                stack.append(child)
                on.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on:
                low[node] = min(low[node], index[child])
    return out
