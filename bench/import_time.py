"""Time `import coursekit` plus loading and validating all content, in fresh processes.

Baseline: a bare `python -c pass` run the same number of times in this script.
Every load validates all content and checks it across files; "cold" also parses every YAML
file (parse cache off), the usual "warm" load takes unchanged files' parses from the cache.
Last line: `import+load: <ms> ms (<ratio>x bare python)` for the usual (warm) load; target < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

LOAD = "import coursekit, coursekit.api; coursekit.api.content()"
# Measure as installed code runs: with its bytecode cache (some shells set PYTHONDONTWRITEBYTECODE).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
COLD = {**ENV, "COURSEKIT_PARSE_CACHE": "0"}
IMPORT_ONLY = "import coursekit"


def median_ms(code: str, runs: int, env: dict = ENV) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    median_ms(LOAD, 2)  # warm the OS file cache and write .pyc files
    bare = median_ms("pass", runs)
    imported = median_ms(IMPORT_ONLY, runs)
    cold = median_ms(LOAD, runs, COLD)
    loaded = median_ms(LOAD, runs)
    print(f"bare python:                 {bare:7.1f} ms (median of {runs})")
    print(f"import coursekit:            {imported:7.1f} ms")
    print(f"import+load, cold (parse all): {cold:5.1f} ms ({cold / bare:.1f}x bare python)")
    print(f"import+load, warm (wall):    {loaded:7.1f} ms")
    print(f"import+load: {loaded:.0f} ms ({loaded / bare:.1f}x bare python)")


if __name__ == "__main__":
    main()
