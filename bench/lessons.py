"""Execute every lesson notebook headless and print seconds per notebook; last line the slowest.

    .venv/bin/python bench/lessons.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coursekit.lessons.build import outputs  # noqa: E402
from coursekit.lessons.run import execute  # noqa: E402


def baseline() -> float:
    """Seconds to run a notebook that only imports coursekit: the kernel's own cost, same machine."""
    import nbformat
    from nbformat import v4

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "baseline.ipynb"
        nb = v4.new_notebook(cells=[v4.new_code_cell('import coursekit as ck\nck.lang("id")')])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, path)
        _, seconds, _ = execute(path, workdir=Path(tmp))
    return seconds


def main() -> int:
    base = baseline()
    print(f"{base:6.2f} s  baseline (a notebook that only imports coursekit)", flush=True)
    times, failed = {}, 0
    for rel in sorted(outputs(ROOT)):
        with tempfile.TemporaryDirectory() as tmp:
            _, seconds, problems = execute(ROOT / rel, workdir=Path(tmp))
        times[rel] = seconds
        mark = "ok" if not problems else f"{len(problems)} problem(s)"
        failed += bool(problems)
        print(f"{seconds:6.2f} s  ({seconds / base:4.1f}x baseline)  {rel}  {mark}", flush=True)
        for line in problems:
            print(f"          {line}")
    slowest = max(times, key=times.get)
    print(f"{len(times)} notebooks, {failed} with problems; slowest: {slowest}")
    print(f"slowest lesson: {times[slowest]:.2f} s ({times[slowest] / base:.1f}x baseline)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
