"""The package stays light to import: heavy libraries load on first use only."""

import subprocess
import sys


def test_import_does_not_load_heavy_libraries():
    code = ("import sys, coursekit.api; coursekit.api.content(); "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'nbgrader') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
