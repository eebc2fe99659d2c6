"""`coursekit grade`: every submission of an assignment, graded without a kernel by worker
processes (parse and score), written to nbgrader's gradebook by this process alone, under a
course lock; progress with counts and ETA; one summary line per student."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import texts
from .lock import Lock
from .table import Response, read_csv, write_csv

BATCH = 64  # outcomes per gradebook transaction


@dataclass
class Summary:
    assignment: str
    outcomes: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list:
        return [o for o in self.outcomes if o.state != "ok"]

    @property
    def flagged(self) -> list:
        return [o for o in self.outcomes if o.state == "ok" and o.flags]


def responses_path(course, assignment: str) -> Path:
    return Path(course.root) / ".coursekit" / assignment / "responses.csv"


def grade_assignment(assignment: str, course_dir=None, student: str | None = None,
                     jobs: int | None = None, wait: bool = False, lang: str = "id",
                     stream=sys.stderr, quiet: bool = False) -> Summary:
    from .course import open_course

    start = time.monotonic()
    course = open_course(course_dir)
    lock = Lock(course.root)
    lock.acquire(wait=wait, on_wait=lambda pid: print(
        texts.text("messages", "locked_wait", lang, pid=pid), file=stream, flush=True))
    try:
        return _grade(course, assignment, student, jobs, lang, stream, quiet, start)
    finally:
        lock.release()


class NoAssignment(LookupError):
    pass


def _grade(course, assignment, student, jobs, lang, stream, quiet, start) -> Summary:
    from nbgrader.api import MissingEntry

    from . import worker
    from .course import snapshot
    from .gradebook import Writer

    try:
        snap = snapshot(course, assignment)
    except MissingEntry:
        raise NoAssignment(texts.text("messages", "no_assignment", lang, assignment=assignment,
                                      db=course.db_url)) from None
    students = course.students(assignment, student)
    summary = Summary(assignment)
    if not students:
        raise NoAssignment(texts.text("messages", "no_submissions", lang, assignment=assignment,
                                      path=course.submitted("*", assignment)))
    worker.init(course, snap, assignment)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(students)))
    writer = Writer(course, assignment)
    progress = Progress(len(students), lang, stream, quiet)
    pending = []
    try:
        for outcome in _results(students, jobs):
            summary.outcomes.append(outcome)
            pending.append(outcome)
            if len(pending) >= BATCH:
                writer.write(pending)
                pending = []
            progress.step()
        if pending:
            writer.write(pending)
    finally:
        writer.close()
    progress.done()
    _save_responses(course, assignment, summary.outcomes, replace_all=student is None)
    summary.outcomes.sort(key=lambda o: o.student)
    summary.seconds = time.monotonic() - start
    return summary


def _results(students: list[str], jobs: int):
    from . import worker

    if jobs == 1:
        for s in students:
            yield worker.grade(s)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork")  # workers inherit nbgrader and the snapshot
    chunk = max(1, len(students) // (jobs * 8))
    with ctx.Pool(jobs) as pool:
        yield from pool.imap_unordered(worker.grade, students, chunksize=chunk)


def _save_responses(course, assignment: str, outcomes, replace_all: bool) -> None:
    path = responses_path(course, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    graded = {o.student for o in outcomes}
    rows: list[Response] = []
    if not replace_all and path.exists():
        rows = [r for r in read_csv(path) if r.student not in graded]
    for o in outcomes:
        rows.extend(o.responses)
    rows.sort(key=lambda r: (r.student, r.question))
    write_csv(rows, path)


class Progress:
    def __init__(self, total: int, lang: str, stream, quiet: bool):
        self.total, self.lang, self.stream, self.quiet = total, lang, stream, quiet
        self.n, self.t0, self.last = 0, time.monotonic(), 0.0
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def step(self) -> None:
        self.n += 1
        now = time.monotonic()
        if self.quiet or (now - self.last < (0.2 if self.tty else 2.0) and self.n < self.total):
            return
        self.last = now
        rate = self.n / max(now - self.t0, 1e-6)
        line = texts.text("messages", "progress", self.lang, done=self.n, total=self.total,
                          rate=rate, eta=(self.total - self.n) / rate)
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n",
              file=self.stream, flush=True)

    def done(self) -> None:
        if self.tty and not self.quiet:
            print(file=self.stream)


def print_summary(summary: Summary, lang: str, stream=sys.stdout) -> None:
    for o in summary.outcomes:
        if o.state != "ok":
            state, detail = "FAILED", o.error
        else:
            state, detail = ("FLAG" if o.flags else "ok"), ""
        scores = [v for nb in o.notebooks.values() for v in nb["grades"].values()]
        got = sum(v for v in scores if v is not None)
        manual = sum(1 for v in scores if v is None)
        score = f"{got:g}" + (f" (+{manual} manual)" if manual else "") if o.state == "ok" else "-"
        notes = "; ".join([*([detail] if detail else []), *o.flags]) or "-"
        print(f"{o.student:<16} {state:<6} {score:<16} {notes}", file=stream)
    print(texts.text("messages", "summary_head", lang, assignment=summary.assignment,
                     graded=len(summary.outcomes) - len(summary.failed),
                     flagged=len(summary.flagged), failed=len(summary.failed),
                     seconds=summary.seconds), file=stream)
