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


def main() -> int:
    times, failed = {}, 0
    for rel in sorted(outputs(ROOT)):
        with tempfile.TemporaryDirectory() as tmp:
            _, seconds, problems = execute(ROOT / rel, workdir=Path(tmp))
        times[rel] = seconds
        mark = "ok" if not problems else f"{len(problems)} problem(s)"
        failed += bool(problems)
        print(f"{seconds:6.2f} s  {rel}  {mark}", flush=True)
        for line in problems:
            print(f"          {line}")
    slowest = max(times, key=times.get)
    print(f"{len(times)} notebooks, {failed} with problems; slowest: {slowest}")
    print(f"slowest lesson: {times[slowest]:.2f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
