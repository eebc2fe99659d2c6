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

    t = threading.Thread(target=wait)
    t.start()
    time.sleep(0.3)
    assert waited == [str(os.getpid())] and not got.is_set()
    first.release()
    t.join(5)
    assert got.is_set()
