"""bench/grading.py runs end to end in its --quick form (stock nbgrader timed on a sample and
extrapolated, so the test stays short) and reports identical scores."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


def test_quick_bench_reports_identical_scores_and_a_speedup():
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "grading.py"), "--quick",
                           "--stock-sample", "4"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert any(ln.startswith("scores identical: ") for ln in lines)
    assert any("EXTRAPOLATED" in ln for ln in lines)
    assert re.fullmatch(r"speedup: \d+(\.\d)?x \(stock time EXTRAPOLATED from a sample\)",
                        lines[-1])
    assert any("peak RSS" in ln and "coursekit grade" in ln for ln in lines)
