"""Time `import coursekit` plus loading all content, in fresh processes, against a bare interpreter.

Baseline: a bare `python -c pass`, run the same number of times in this script, interleaved with
the measured runs so that both see the same machine load. Loading reads the compiled content
(coursekit/content/compiled.json, written and validated by `coursekit build`); the YAML sources
are validated by `coursekit check`, not at import.
- warm: fresh processes; coursekit's files in the OS page cache, bytecode (.pyc) cached.
- cold: fresh processes; before each run, coursekit's files (.py, .pyc, compiled.json) are
  evicted from the OS page cache (posix_fadvise DONTNEED), so they are read from disk again.
Last line: `import+load: <ms> ms (<ratio>x bare python)`; target <= 2x, cold and warm.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

LOAD = "import coursekit; coursekit.api.content()"
# Measure as installed code runs: with its bytecode cache (some shells set PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PACKAGE = Path(__file__).resolve().parents[1] / "coursekit"


def evict() -> int:
    """Drop coursekit's files from the OS page cache; return how many files were evicted."""
    n = 0
    for path in PACKAGE.rglob("*"):
        if path.suffix in (".py", ".pyc", ".json") and path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                n += 1
            finally:
                os.close(fd)
    return n


def once_ms(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    for _ in range(2):
        once_ms(LOAD)  # write .pyc files, fill the page cache
    bare, imported, warm, cold = [], [], [], []
    for _ in range(runs):  # interleaved: every kind of run sees the same load
        bare.append(once_ms("pass"))
        imported.append(once_ms("import coursekit"))
        warm.append(once_ms(LOAD))
        evict()
        cold.append(once_ms(LOAD))
    b, i, w, c = (statistics.median(x) for x in (bare, imported, warm, cold))
    print(f"bare python:            {b:7.1f} ms (median of {runs}, interleaved)")
    print(f"import coursekit:       {i:7.1f} ms ({i / b:.2f}x bare python)")
    print(f"import+load, cold:      {c:7.1f} ms ({c / b:.2f}x bare python; coursekit files evicted "
          "from the page cache)")
    print(f"import+load, warm:      {w:7.1f} ms ({w / b:.2f}x bare python)")
    print(f"import+load: {w:.0f} ms ({w / b:.2f}x bare python), cold {c / b:.2f}x")


if __name__ == "__main__":
    main()
