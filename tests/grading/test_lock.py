"""One grading run per course: a second one stops with the holder's pid, or waits."""

from __future__ import annotations

import os
import threading
import time

import pytest

from coursekit.grading.lock import Busy, Lock


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
    waited, got = [], threading.Event()

    def wait():
        with Lock(tmp_path) as second:
            second.acquire(wait=True, on_wait=waited.append)
            got.set()

    t = threading.Thread(target=wait, daemon=True)
    t.start()
    time.sleep(0.3)
    try:
        assert [b.pid for b in waited] == [str(os.getpid())] and not got.is_set()
    finally:
        first.release()
    t.join(5)
    assert got.is_set()


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
