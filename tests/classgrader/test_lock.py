"""One grading run per course: a second one stops with the holder's pid, or waits."""

from __future__ import annotations

import os
import threading

import pytest

from coursekit.classgrader.lock import Busy, Lock


def test_second_lock_stops_with_the_holder(tmp_path):
    with Lock(tmp_path) as first:
        first.acquire()
        with pytest.raises(Busy) as busy:
            Lock(tmp_path).acquire()
        assert busy.value.pid == str(os.getpid())
    second = Lock(tmp_path)
    second.acquire()  # free again once released
    second.release()


def test_waiting_lock_gets_it_after_release(tmp_path):
    first = Lock(tmp_path)
    first.acquire()
    waited, waiting, got = [], threading.Event(), threading.Event()

    def on_wait(busy):
        waited.append(busy)
        waiting.set()

    def wait():
        with Lock(tmp_path) as second:
            second.acquire(wait=True, on_wait=on_wait)
            got.set()

    t = threading.Thread(target=wait, daemon=True)
    t.start()
    try:
        assert waiting.wait(10), "the second lock never reported that it waits"
        assert [b.pid for b in waited] == [str(os.getpid())]
        assert not got.is_set()  # the holder has not released it
    finally:
        first.release()
    assert got.wait(10)
    t.join(5)


def test_the_message_never_names_a_dead_process_as_running(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    with Lock(tmp_path) as first:
        first.acquire()
        first.path.write_text(f"{dead} coursekit grade")  # a stale record (e.g. a crash)
        with pytest.raises(Busy) as busy:
            Lock(tmp_path).acquire()
    assert not busy.value.alive
    assert dead not in busy.value.describe("en") and "ended" in busy.value.describe("en")
    with Lock(tmp_path) as again:
        again.acquire()
        with pytest.raises(Busy) as busy:
            Lock(tmp_path).acquire()
        assert busy.value.alive and str(os.getpid()) in busy.value.describe("en")
