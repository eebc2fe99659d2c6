"""`coursekit grade`: every submission of an assignment, graded without a kernel by worker
processes (parse and score), written to nbgrader's gradebook by this process alone, under a
course lock; progress with counts and ETA; one summary line per student."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..strings import say
from . import atomic
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
    import gc

    start = time.monotonic()
    gc.disable()  # start-up (imports, the snapshot) makes no cyclic garbage: no collection passes
    try:
        return _open_and_grade(assignment, course_dir, student, jobs, wait, lang, stream, quiet,
                               start)
    finally:
        gc.enable()


def _open_and_grade(assignment, course_dir, student, jobs, wait, lang, stream, quiet, start):
    from .course import open_course

    course = open_course(course_dir)
    if not course.is_course():  # before the lock and the gradebook leave files there
        raise NoAssignment(say("classgrader.messages.not_a_course", lang, path=course.root,
                               db=course.db_url))
    lock = Lock(course.root)
    lock.acquire(wait=wait, on_wait=lambda busy: print(
        say("classgrader.messages.locked_wait", lang, who=busy.describe(lang)), file=stream,
        flush=True))
    try:
        return _grade(course, assignment, student, jobs, lang, stream, quiet, start, lock)
    finally:
        lock.release()


class NoAssignment(LookupError):
    pass


class Interrupted(KeyboardInterrupt):
    """Ctrl-C: what was graded is saved; .done of .total."""

    def __init__(self, done: int, total: int):
        super().__init__(done, total)
        self.done, self.total = done, total


def _grade(course, assignment, student, jobs, lang, stream, quiet, start, lock=None) -> Summary:
    from nbgrader.api import MissingEntry

    from . import worker
    from .course import snapshot
    from .gradebook import Writer

    try:
        snap = snapshot(course, assignment)
    except MissingEntry:
        raise NoAssignment(say("classgrader.messages.no_assignment", lang, assignment=assignment,
                                      db=course.db_url)) from None
    students = course.students(assignment, student)
    summary = Summary(assignment)
    if not students:
        raise NoAssignment(say("classgrader.messages.no_submissions", lang, assignment=assignment,
                                      path=course.submitted("*", assignment)))
    worker.init(course, snap, assignment, lang)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(students)))
    writer = Writer(course, assignment)
    progress = Progress(len(students), lang, stream, quiet)
    pending = []

    def save(outcomes):  # their autograded notebooks on disk before their grades are committed
        atomic.sync_folder(course.root)
        writer.write(outcomes)

    keep = [lock.fileno()] if lock is not None and lock.fileno() is not None else []
    try:
        try:
            for outcome in _results(students, jobs, keep):
                summary.outcomes.append(outcome)
                pending.append(outcome)
                if len(pending) >= BATCH:
                    save(pending)
                    pending = []
                progress.step()
        except KeyboardInterrupt:  # save what was graded, then stop
            if pending:
                save(pending)
            progress.done()
            _save_responses(course, assignment, summary.outcomes, replace_all=False)
            raise Interrupted(len(summary.outcomes), len(students)) from None
        if pending:
            save(pending)
    finally:
        writer.close()
    progress.done()
    _save_responses(course, assignment, summary.outcomes, replace_all=student is None)
    summary.outcomes.sort(key=lambda o: o.student)
    summary.seconds = time.monotonic() - start
    return summary


STUDENT_TIMEOUT = 300.0  # seconds one submission may take in a worker before it is stopped
DEPTH = 2  # students in flight per worker: the one it grades and the next, waiting in its pipe
GC_THRESHOLD = (5000, 10, 10)  # collections while grading: a young-generation pass every 5,000
# allocations, not 700 (a student leaves ~300 objects of cyclic garbage; fewer passes over the
# many short-lived ones)


def _results(students: list[str], jobs: int, close_fds=(), timeout: float = STUDENT_TIMEOUT):
    """Outcomes as they come: graded in this process (jobs 1) or by a pool of workers (_pool)."""
    import gc

    gc.freeze()  # start-up's objects (no garbage among them) stay out of every collection: no
    gc.enable()  # full pass over them now, no copy-on-write in forked workers; grading makes garbage
    threshold = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        if jobs == 1:
            from . import worker

            for s in students:
                yield worker.grade(s)
        else:
            yield from _pool(students, jobs, close_fds, timeout)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _pool(students: list[str], jobs: int, close_fds, timeout: float):
    """Outcomes as they come from forked worker processes (they inherit nbgrader and
    the snapshot), each grading one student at a time with the next one already waiting in its
    pipe (DEPTH in flight, so it never waits for this process); a worker that dies (kill -9,
    out of memory) or takes longer than timeout fails the student it was grading only: the one
    waiting goes back to the queue, and a new worker takes its place. On Ctrl-C
    (KeyboardInterrupt in this process) every worker is stopped before it propagates."""
    import multiprocessing
    from multiprocessing.connection import wait

    from . import worker

    ctx = multiprocessing.get_context("fork")
    todo = list(reversed(students))
    busy: dict = {}  # connection -> [process, students in flight (first: being graded), started]

    def spawn():
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=worker.serve, args=(theirs, tuple(close_fds)), daemon=True)
        proc.start()
        theirs.close()
        busy[mine] = [proc, [], 0.0]
        fill(mine)

    def fill(conn):
        """Send students until DEPTH are in flight; a worker with none left is stopped."""
        queue = busy[conn][1]
        while len(queue) < DEPTH and todo:
            student = todo.pop()
            try:
                conn.send(student)
            except OSError:  # the worker is gone already: the loop below finds it dead
                todo.append(student)
                return
            if not queue:
                busy[conn][2] = time.monotonic()
            queue.append(student)
        if not queue:
            stop(conn)

    def stop(conn, kill=False):
        proc = busy.pop(conn)[0]
        with contextlib.suppress(OSError):  # BrokenPipeError included
            if kill:
                proc.kill()
            else:
                conn.send(None)
        conn.close()
        proc.join(1 if not kill else 5)
        if proc.is_alive():
            proc.kill()
            proc.join(5)

    try:
        for _ in range(min(jobs, len(todo))):
            spawn()
        while busy:
            ready = wait([*busy, *(b[0].sentinel for b in busy.values())], timeout=1.0)
            now = time.monotonic()
            for conn in list(busy):
                proc, queue, started = busy[conn]
                if conn in ready:
                    try:
                        outcome = conn.recv()
                    except (EOFError, OSError):
                        outcome = None
                    if outcome is not None:  # of queue[0]: a worker answers in order
                        queue.pop(0)
                        busy[conn][2] = now  # the next one, waiting in its pipe, starts now
                        fill(conn)
                        yield outcome
                        continue
                dead = conn in ready or proc.sentinel in ready or not proc.is_alive()
                late = bool(queue) and now - started > timeout
                if dead or late:
                    stop(conn, kill=True)
                    if queue:
                        todo.extend(reversed(queue[1:]))  # never started: graded by another
                        yield worker.failed(queue[0], "worker_died" if dead else "timed_out",
                                            student=queue[0], seconds=f"{timeout:g}")
                    if todo:
                        spawn()
    finally:
        for conn in list(busy):
            stop(conn, kill=True)


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
        line = say("classgrader.messages.progress", self.lang, done=self.n, total=self.total,
                          rate=rate, eta=(self.total - self.n) / rate)
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n",
              file=self.stream, flush=True)

    def done(self) -> None:
        if self.tty and not self.quiet:
            print(file=self.stream)


def print_summary(summary: Summary, lang: str, stream=sys.stdout) -> None:
    for o in summary.outcomes:
        if o.state != "ok":
            state, detail = say("classgrader.states.failed", lang), o.error
        else:
            state, detail = say("classgrader.states.flag" if o.flags else "classgrader.states.ok", lang), ""
        scores = [v for nb in o.notebooks.values() for v in nb["grades"].values()]
        got = sum(v for v in scores if v is not None)
        manual = sum(1 for v in scores if v is None)
        extra = say("classgrader.messages.manual", lang, n=manual) if manual else ""
        score = f"{got:g}{extra}" if o.state == "ok" else "-"
        notes = "; ".join([*([detail] if detail else []), *o.flags]) or "-"
        print(f"{o.student:<16} {state:<6} {score:<16} {notes}", file=stream)
    print(say("classgrader.messages.summary_head", lang, assignment=summary.assignment,
                     graded=len(summary.outcomes) - len(summary.failed),
                     flagged=len(summary.flagged), failed=len(summary.failed),
                     seconds=summary.seconds), file=stream)
