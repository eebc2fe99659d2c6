"""Grading time for the deployment guide's class sizes: `coursekit grade` over N simulated
submissions of kuis-1 (the hostile cases included), against the same run's baseline, stock
`nbgrader autograde` of ONE submission. Prints seconds and ratios (the machine may be loaded:
compare ratios, not seconds).  Usage: python bench/hub_sizes.py [N ...]   (default 300 2000)"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "support"))

import classroom  # noqa: E402  (tests/support/classroom.py, the one test harness)

COURSEKIT = str(Path(sys.executable).parent / "coursekit")


def main(sizes: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="ck-hub-sizes-"))
    try:
        base = classroom.make_course(tmp / "base", REPO / "exercises", ("kuis-1",),
                                     exchange=tmp / "exchange")
        one = tmp / "one"
        shutil.copytree(base, one)
        sid = classroom.hand_in(one, "kuis-1", 25, hostile=False)[0].student
        t0 = time.monotonic()
        classroom.run_nbgrader(one, "autograde", "kuis-1", "--student", sid, "--force",
                               exchange=tmp / "exchange")
        baseline = time.monotonic() - t0
        print(f"baseline: stock nbgrader autograde of 1 submission: {baseline:.1f} s")
        for n in sizes:
            course = tmp / f"n{n}"
            shutil.copytree(base, course)
            classroom.hand_in(course, "kuis-1", n, hostile=True)
            t0 = time.monotonic()
            proc = subprocess.run([COURSEKIT, "grade", "kuis-1", "--course", str(course),
                                   "--quiet", "--lang", "en"], capture_output=True, text=True,
                                  env=classroom.nbgrader_env())
            took = time.monotonic() - t0
            assert proc.returncode in (0, 3), proc.stderr[-2000:]
            print(f"coursekit grade, {n} students: {took:.1f} s = {took / baseline:.1f} x the "
                  f"baseline ({took / n * 1000:.0f} ms per student)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [300, 2000])
