"""Stock `nbgrader autograde` against `coursekit grade` on one simulated class.

    .venv/bin/python bench/grading.py [--n 300] [--quick] [--stock-sample K] [--jobs J]

Builds an nbgrader course from exercises/ in a temporary folder (the real `nbgrader
generate_assignment`), hands in N submissions of kuis-1 (a realistic mix: students of varied
ability answering their own variant, some blanks, odd letter formats, forgotten NIMs; plus one of
each hostile case of the graded quizzes issue), copies the course, grades one copy with stock
`nbgrader autograde` and the other with `coursekit grade` (both as the command a lecturer runs,
start-up included), checks that every grade cell, comment and total in the two gradebooks is
identical, and prints both times and peak memory. Last line: `speedup: <ratio>x`.

--stock-sample K grades only K of the N submissions with stock nbgrader (evenly spaced, hostile
ones included) and extrapolates its time to N; the output then says EXTRAPOLATED.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coursekit.grading import classroom  # noqa: E402

QUICK_N = 24


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, default=300, help="submissions (default 300)")
    p.add_argument("--quick", action="store_true", help=f"a small class for CI (N={QUICK_N})")
    p.add_argument("--assignment", default="kuis-1")
    p.add_argument("--jobs", type=int, default=None, help="coursekit workers (default: all cores)")
    p.add_argument("--stock-sample", type=int, default=None, metavar="K",
                   help="time stock nbgrader on K submissions only and extrapolate")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", default=None, help="build in this folder and keep it")
    args = p.parse_args()
    n = QUICK_N if args.quick else args.n
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ck-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    try:
        return run(work, n, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def run(work: Path, n: int, args) -> int:
    a = args.assignment
    print(f"machine: {os.cpu_count()} CPUs, load average {_load()} at start", flush=True)
    t0 = time.perf_counter()
    stock = classroom.make_course(work / "stock", ROOT / "exercises", (a,),
                                  exchange=work / "exchange")
    handed = classroom.hand_in(stock, a, n, seed=args.seed)
    ours = work / "coursekit"
    classroom.copy_course(stock, ours)
    hostile = sum(1 for h in handed if h.kind != "realistic")
    print(f"class: {n} submissions of {a} ({n - hostile} realistic, {hostile} hostile: "
          f"{', '.join(h.kind for h in handed if h.kind != 'realistic') or '-'}); "
          f"built in {time.perf_counter() - t0:.1f} s", flush=True)

    sample = _sample([h.student for h in handed], args.stock_sample)
    if len(sample) < n:
        for h in handed:
            if h.student not in sample:
                shutil.rmtree(stock / "submitted" / h.student)
    env = classroom.nbgrader_env(work / "exchange")
    stock_run = measure([*classroom.nbgrader_cmd(), "autograde", a], stock, env)
    print(f"stock `nbgrader autograde`: {stock_run.seconds:.1f} s for {len(sample)} "
          f"submissions ({stock_run.seconds / len(sample):.2f} s each), exit code "
          f"{stock_run.code}, peak RSS {stock_run.peak_mb:.0f} MB (largest process), "
          f"{stock_run.tree_mb:.0f} MB (all its processes)", flush=True)
    stock_seconds = stock_run.seconds
    if len(sample) < n:
        startup = measure([*classroom.nbgrader_cmd(), "autograde", a, "--student", "nobody"],
                          stock, env).seconds
        each = (stock_run.seconds - startup) / len(sample)
        stock_seconds = startup + each * n
        print(f"stock EXTRAPOLATED to {n} submissions: {stock_seconds:.1f} s (measured on a "
              f"sample of {len(sample)}: start-up {startup:.1f} s + {each:.2f} s each x {n})",
              flush=True)

    coursekit = str(Path(sys.executable).parent / "coursekit")
    cmd = [coursekit, "grade", a, "--course", str(ours), "--quiet", "--lang", "en"]
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    our_run = measure(cmd, ours, env)
    print(f"`coursekit grade` ({args.jobs or os.cpu_count()} workers): {our_run.seconds:.2f} s "
          f"for {n} submissions ({our_run.seconds / n * 1000:.1f} ms each), exit code "
          f"{our_run.code}, peak RSS {our_run.peak_mb:.0f} MB (largest process), "
          f"{our_run.tree_mb:.0f} MB (all its processes)", flush=True)
    summary = [ln for ln in our_run.stdout.splitlines() if ln.strip()]
    if summary:
        print("  " + summary[-1])

    from coursekit.grading import nbgrader_compat

    nbgrader_compat.load()
    theirs = classroom.cell_scores(stock, a)
    mine = {k: v for k, v in classroom.cell_scores(ours, a).items() if k[0] in sample}
    diff = classroom.differences(theirs, mine)
    graded = len({k[0] for k in theirs})
    if diff:
        print(f"scores DIFFER in {len(diff)} of {len(theirs)} gradebook entries:")
        for line in diff[:40]:
            print("  " + line)
    else:
        print(f"scores identical: {len(theirs)} gradebook entries (grade cells, comments, totals) "
              f"of {graded} students")
    print(f"machine: load average {_load()} at end")
    ratio = stock_seconds / our_run.seconds
    label = " (stock time EXTRAPOLATED from a sample)" if len(sample) < n else ""
    print(f"speedup: {ratio:.1f}x{label}")
    return 1 if diff or our_run.code not in (0, 3) else 0


def _sample(students: list[str], k: int | None) -> set[str]:
    if not k or k >= len(students):
        return set(students)
    hostile = students[: len(classroom.HOSTILE)]
    rest = students[len(hostile):]
    picked = set(hostile[:k])
    need = k - len(picked)
    if need > 0 and rest:
        step = len(rest) / need
        picked |= {rest[int(i * step)] for i in range(need)}
    return picked


class Measured:
    def __init__(self, seconds, code, peak_mb, tree_mb, stdout):
        self.seconds, self.code, self.peak_mb, self.tree_mb = seconds, code, peak_mb, tree_mb
        self.stdout = stdout


def measure(cmd: list[str], cwd: Path, env: dict) -> Measured:
    """Wall time, exit code, peak RSS of the largest process (wait4) and of the whole process
    tree (sampled every 20 ms from /proc)."""
    with tempfile.TemporaryFile(mode="w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                done.wait(0.02)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Measured(seconds, proc.returncode, usage.ru_maxrss / 1024, peak[0] / 1024,
                        out.read())


def _tree_rss(root: int) -> int:
    """KB resident in root and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * resource.getpagesize() // 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
