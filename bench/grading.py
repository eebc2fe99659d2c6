"""Stock `nbgrader autograde` against `coursekit grade` on one simulated class.

    .venv/bin/python bench/grading.py [--n 300] [--quick] [--slices K] [--stock-sample S]
                                      [--jobs J] [--no-stock]

Builds an nbgrader course from exercises/ in a temporary folder (the real `nbgrader
generate_assignment`), hands in N submissions of kuis-1 (the test harness tests/support/
classroom.py: students of varied ability answering their own variant, plus one of each hostile
case), copies the course, and grades one copy with stock `nbgrader autograde` and the other with
`coursekit grade` (both as the command a lecturer runs, start-up included); checks that every
grade cell, comment and total in the two gradebooks is identical.

Both are timed as a lecturer runs them: the whole class in one command, graded for the first time
(before each coursekit run, untimed, its autograded notebooks are moved aside and its grades
taken back). So that both see the same machine load, stock grades the class in K slices (every
K-th student) and, after each slice, `coursekit grade` grades the whole class twice, on all cores
and with one worker (the order turns each slice): coursekit's time is the mean of its K runs,
spread over stock's; stock's is the sum of its slices less the K - 1 extra start-ups (`autograde
--student nobody`, measured). Wall time and CPU time (user + system of the command and every
process it started) are reported; the ratios are stock / coursekit. Last line: `speedup:
<ratio>x` (all cores, wall).

--stock-sample S grades only S of the N submissions with stock nbgrader (spread over the
slices, hostile ones first) and extrapolates its time to N from its per-submission time and its
start-up (`autograde --student nobody`, measured once); the output then says EXTRAPOLATED.
--no-stock: only `coursekit grade` on all cores, the whole class in one run; prints its seconds
and peak memory (e.g. `--n 2000 --no-stock`).
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
sys.path.insert(0, str(ROOT / "tests" / "support"))

import classroom  # noqa: E402  (tests/support/classroom.py, the one test harness)

QUICK_N = 24


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--n", type=int, default=300, help="submissions (default 300)")
    p.add_argument("--quick", action="store_true", help=f"a small class for CI (N={QUICK_N})")
    p.add_argument("--assignment", default="kuis-1")
    p.add_argument("--jobs", type=int, default=None, help="coursekit workers (default: all cores)")
    p.add_argument("--slices", type=int, default=5, help="alternate on K slices (default 5)")
    p.add_argument("--stock-sample", type=int, default=None, metavar="S",
                   help="time stock nbgrader on S submissions only and extrapolate")
    p.add_argument("--no-stock", action="store_true", help="time coursekit grade only")
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


class Total:
    """Wall and CPU seconds summed over runs; each run's wall time; the largest peaks."""

    def __init__(self):
        self.wall = self.cpu = 0.0
        self.walls: list[float] = []
        self.peak_mb = self.tree_mb = 0.0
        self.runs, self.codes, self.last = 0, set(), ""

    @property
    def mean(self) -> float:
        return self.wall / self.runs

    def add(self, m: Measured) -> None:
        self.wall += m.seconds
        self.walls.append(m.seconds)
        self.cpu += m.cpu
        self.peak_mb, self.tree_mb = max(self.peak_mb, m.peak_mb), max(self.tree_mb, m.tree_mb)
        self.runs += 1
        self.codes.add(m.code)
        self.last = m.stdout


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
    print(f"class: {n} submissions of {a} ({n - hostile} realistic, {hostile} hostile); "
          f"built in {time.perf_counter() - t0:.1f} s", flush=True)
    env = classroom.nbgrader_env(work / "exchange")
    coursekit = str(Path(sys.executable).parent / "coursekit")
    grade = [coursekit, "grade", a, "--course", str(ours), "--quiet", "--lang", "en"]
    jobs = args.jobs or os.cpu_count() or 1

    if args.no_stock:
        m = measure([*grade, "--jobs", str(jobs)], ours, env, every=0.1)
        print(f"`coursekit grade` ({jobs} workers): {n} submissions in {m.seconds:.1f} s wall, "
              f"{m.cpu:.1f} s CPU ({m.seconds / n * 1000:.1f} ms each), exit code {m.code}")
        print(f"peak memory: {m.tree_mb:.0f} MB (all its processes, PSS), {m.peak_mb:.0f} MB "
              f"(largest process, RSS)")
        print(f"machine: load average {_load()} at end")
        return 0 if m.code in (0, 3) else 1

    students = [h.student for h in handed]
    sample = _sample(students, args.stock_sample)
    k = max(1, min(args.slices, n))
    slices = [students[i::k] for i in range(k)]
    for course in (stock, ours):
        (course / "held").mkdir()
        for sid in students:
            (course / "submitted" / sid).rename(course / "held" / sid)
    totals = {"stock": Total(), "all": Total(), "one": Total()}
    pristine = work / "gradebook-before-grading.db"
    shutil.copy2(ours / "gradebook.db", pristine)
    startup = measure([*classroom.nbgrader_cmd(), "autograde", a, "--student", "nobody"], stock,
                      env)
    for i, part in enumerate(slices):
        mine = [s for s in part if s in sample]
        runs = [("stock", stock, mine, [*classroom.nbgrader_cmd(), "autograde", a]),
                ("all", ours, students, [*grade, "--jobs", str(jobs)]),
                ("one", ours, students, [*grade, "--jobs", "1"])]
        for name, course, who, cmd in (runs if i % 2 == 0 else runs[::-1]):
            if not who:
                continue
            _hand(course, who, True)
            if course == ours:
                _fresh(ours, pristine, a)  # as stock grades each student: for the first time
            totals[name].add(measure(cmd, course, env))
            _hand(course, who, False)
        print(f"slice {i + 1}/{k}: {len(mine)} submissions by stock, the class of {n} twice by "
              f"coursekit; load average {_load()}", flush=True)
    for course in (stock, ours):
        for sid in students:
            _hand(course, [sid], True)
    memory = measure([*grade, "--jobs", str(jobs)], ours, env, every=0.05)  # not timed

    s, al, one = totals["stock"], totals["all"], totals["one"]
    # stock as one run of the whole class: its slices less the extra start-ups
    each_wall = (s.wall - s.runs * startup.seconds) / len(sample)
    each_cpu = (s.cpu - s.runs * startup.cpu) / len(sample)
    stock_wall, stock_cpu = startup.seconds + each_wall * n, startup.cpu + each_cpu * n
    label = " (stock time EXTRAPOLATED from a sample)" if len(sample) < n else ""
    print(f"stock `nbgrader autograde`: {s.wall:.1f} s wall, {s.cpu:.1f} s CPU for {len(sample)} "
          f"submissions in {s.runs} runs (start-up {startup.seconds:.1f} s, "
          f"{startup.cpu:.1f} s CPU), exit codes {sorted(s.codes)}, peak RSS {s.peak_mb:.0f} MB "
          f"(largest process)")
    print(f"stock as one run of {n} submissions{' (EXTRAPOLATED)' if label else ''}: "
          f"{stock_wall:.1f} s wall, {stock_cpu:.1f} s CPU ({each_wall:.2f} s each + start-up)",
          flush=True)
    for t, what in ((al, f"{jobs} workers"), (one, "1 worker")):
        print(f"`coursekit grade` ({what}): {n} submissions in {t.mean:.2f} s wall (mean of "
              f"{t.runs} runs, {min(t.walls):.2f}-{max(t.walls):.2f}), {t.cpu / t.runs:.2f} s CPU "
              f"({t.mean / n * 1000:.1f} ms each), exit codes {sorted(t.codes)}, peak RSS "
              f"{t.peak_mb:.0f} MB (largest process)")
    print(f"`coursekit grade` ({jobs} workers) memory, in a run of its own (sampled, not timed): "
          f"{memory.tree_mb:.0f} MB (all its processes, PSS), {memory.peak_mb:.0f} MB (largest "
          f"process, RSS)")

    from coursekit.classgrader import nbgrader_compat

    nbgrader_compat.load()
    theirs = classroom.cell_scores(stock, a)
    mine = {key: v for key, v in classroom.cell_scores(ours, a).items() if key[0] in sample}
    diff = classroom.differences(theirs, mine)
    if diff:
        print(f"scores DIFFER in {len(diff)} of {len(theirs)} gradebook entries:")
        for line in diff[:40]:
            print("  " + line)
    else:
        print(f"scores identical: {len(theirs)} gradebook entries (grade cells, comments, totals) "
              f"of {len({key[0] for key in theirs})} students")
    print(f"machine: load average {_load()} at end (coursekit's runs are spread over stock's, "
          f"alternating, so both see the same load)")
    print(f"CPU time ratio (stock / coursekit, all cores): {stock_cpu / (al.cpu / al.runs):.1f}x"
          f"{label}")
    print(f"single-worker speedup (wall): {stock_wall / one.mean:.1f}x{label}")
    print(f"speedup: {stock_wall / al.mean:.1f}x{label}")
    bad = al.codes - {0, 3} or one.codes - {0, 3}
    return 1 if diff or bad else 0


def _hand(course: Path, students: list[str], present: bool) -> None:
    """Move submissions between held/ and submitted/ (what nbgrader and coursekit grade see)."""
    for sid in students:
        src, dest = course / "held" / sid, course / "submitted" / sid
        if not present:
            src, dest = dest, src
        if src.exists():
            src.rename(dest)


def _fresh(course: Path, pristine: Path, assignment: str) -> None:
    """The course as before any grading (untimed): no autograded notebooks, no grades. The last
    run's autograded folder is moved aside, not deleted (the work folder goes at the end):
    on a file system without a journal (ext4 here), files made within minutes of 1,200
    deletions cost far more to create (the allocator skips recently freed inodes), which a
    lecturer's first grading run never meets and stock's runs here do not either."""
    autograded = course / "autograded"
    if autograded.exists():
        aside = course.parent / "set-aside"
        aside.mkdir(exist_ok=True)
        autograded.rename(aside / f"autograded-{time.monotonic_ns()}")
    shutil.copy2(pristine, course / "gradebook.db")
    shutil.rmtree(course / ".coursekit" / assignment, ignore_errors=True)


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
    def __init__(self, seconds, cpu, code, peak_mb, tree_mb, stdout):
        self.seconds, self.cpu, self.code = seconds, cpu, code
        self.peak_mb, self.tree_mb, self.stdout = peak_mb, tree_mb, stdout


def measure(cmd: list[str], cwd: Path, env: dict, every: float | None = None) -> Measured:
    """Wall time, CPU time of the command and its descendants (RUSAGE_CHILDREN: every process
    reaped by its parent; nbgrader's kernels and coursekit's workers are), exit code, peak RSS
    of the largest process (wait4) and, when every is given, the peak PSS of the whole process
    tree, sampled from /proc every `every` seconds. Sampling costs the measured command time
    (reading a process's smaps walks its page tables), so timed runs do not sample."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile(mode="w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.DEVNULL)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_kb(proc.pid))
                done.wait(every)

        watcher = threading.Thread(target=sample, daemon=True)
        if every:
            watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        if every:
            watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.seek(0)
        return Measured(seconds, cpu, proc.returncode, usage.ru_maxrss / 1024, peak[0] / 1024,
                        out.read())


def _tree_kb(root: int) -> int:
    """KB of memory of root and its descendants: proportional set size (shared pages of forked
    workers counted once), or RSS where smaps_rollup cannot be read. Descendants are read from
    /proc/<pid>/task/<tid>/children (a few small files, so sampling costs the measured command
    little CPU), or from every /proc/<pid>/stat where the kernel has no such files."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kb(pid)
        todo.extend(_children(pid))
    return total


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    found = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                found += [int(x) for x in fh.read().split()]
        except FileNotFoundError:
            return _children_from_stat(pid)
        except (OSError, ValueError):
            continue
    return found


def _children_from_stat(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                if int(fh.read().rsplit(")", 1)[1].split()[1]) == parent:
                    found.append(int(entry))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[21]) * resource.getpagesize() // 1024
    except (OSError, ValueError, IndexError):
        return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
