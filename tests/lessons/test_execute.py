"""Every generated notebook, both languages, runs top to bottom in a real kernel: no error, no stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.lessons.build import outputs
from coursekit.lessons.run import execute

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(str(p) for p in outputs(ROOT))


@pytest.mark.slow
@pytest.mark.parametrize("rel", NOTEBOOKS)
def test_notebook_runs_clean(rel, tmp_path):
    nb, seconds, problems = execute(ROOT / rel, workdir=tmp_path)
    assert problems == [], f"{rel}:\n" + "\n".join(problems)
    assert seconds < 10, f"{rel} took {seconds:.1f} s to run (budget: 10 s)"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code), f"{rel}: a cell did not run"
    assert all(c.outputs for c in code if not c.source.startswith("import coursekit")), \
        f"{rel}: a cell showed nothing"
