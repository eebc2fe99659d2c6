"""The worker pool of `coursekit grade` (engine._results) on its own: every student comes back
exactly once, a worker that dies or overruns fails the student it was grading only, and the
student waiting in its pipe is graded by another worker. grade/failed are stand-ins here (the
whole command, with real workers, is tests/classgrader/test_engine.py)."""

from __future__ import annotations

import os
import time

import pytest

from coursekit.classgrader import engine, worker


@pytest.fixture
def pool(monkeypatch):
    def grade(student):
        if student == "dies":
            os._exit(9)
        if student == "slow":
            time.sleep(30)
        return worker.Outcome(student)

    def failed(who, key, **fields):
        return worker.Outcome(who, state="failed", error=key)

    monkeypatch.setattr(worker, "grade", grade)
    monkeypatch.setattr(worker, "failed", failed)
    return lambda students, jobs=2, timeout=300.0: list(
        engine._results(students, jobs, timeout=timeout))


def test_every_student_once_in_any_order(pool):
    students = [f"s{i:03d}" for i in range(40)]
    out = pool(students)
    assert sorted(o.student for o in out) == students
    assert all(o.state == "ok" for o in out)


def test_a_dying_worker_fails_only_its_student(pool):
    students = ["a", "dies", "b", "c", "d", "e"]
    out = {o.student: o for o in pool(students)}
    assert sorted(out) == sorted(students)
    assert out["dies"].error == "worker_died"
    assert all(o.state == "ok" for s, o in out.items() if s != "dies")


def test_an_overrunning_student_fails_and_the_one_behind_is_graded(pool):
    start = time.monotonic()
    out = {o.student: o for o in pool(["slow", "next", "x", "y"], jobs=2, timeout=2.0)}
    assert out["slow"].error == "timed_out"
    assert all(out[s].state == "ok" for s in ("next", "x", "y"))
    assert time.monotonic() - start < 20


def test_start_up_objects_are_frozen_while_grading_and_only_then(monkeypatch):
    import gc

    seen = []

    def grade(student):
        seen.append((gc.isenabled(), gc.get_freeze_count() > 0,
                     gc.get_threshold() == engine.GC_THRESHOLD))
        return worker.Outcome(student)

    monkeypatch.setattr(worker, "grade", grade)
    gc.disable()  # as grade_assignment starts
    threshold = gc.get_threshold()
    try:
        assert [o.student for o in engine._results(["a", "b"], 1)] == ["a", "b"]
    finally:
        gc.enable()
    assert seen == [(True, True, True), (True, True, True)]
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold
