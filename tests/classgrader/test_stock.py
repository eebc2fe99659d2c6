"""The stock-nbgrader hardening's helpers (stock.py), fast: timestamps and file types."""

from __future__ import annotations

import os

import pytest

from coursekit.classgrader.stock import read_timestamp, regular, safe_files


def test_timestamps_never_raise(tmp_path):
    stamp = tmp_path / "timestamp.txt"
    assert read_timestamp(tmp_path) == (None, False)  # none: fine
    stamp.write_text("2025-03-03 10:00:00.000000 UTC")
    assert read_timestamp(tmp_path) == ("2025-03-03 10:00:00.000000 UTC", False)
    for bad in (b"not a date at all", b"2025-03-03 \xff\xfe", b"9" * 500, b"\x00"):
        stamp.write_bytes(bad)
        assert read_timestamp(tmp_path) == (None, True), bad
    stamp.unlink()
    os.symlink("/etc/hostname", stamp)
    assert read_timestamp(tmp_path) == (None, True)  # a link is never read


def test_only_plain_files_are_copied(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text("x")
    os.symlink("/etc/passwd", tmp_path / "passwd")
    os.symlink("/dev/zero", tmp_path / "zero")
    os.mkfifo(tmp_path / "pipe")
    names = [str(tmp_path / n) for n in ("a.txt", "passwd", "zero", "pipe")]
    assert safe_files(names) == [str(plain)]
    assert regular(plain) and not regular(tmp_path / "zero") and not regular(tmp_path / "nothing")


def test_timestamps_read_as_nbgrader_reads_them():
    import random

    from nbgrader.utils import parse_utc

    from coursekit.classgrader.stock import parse_timestamp

    rng = random.Random(1)
    texts = ["2025-03-03 10:00:00.000000 UTC", "2025-02-30 10:00:00.000000 UTC",
             "0000-01-01 00:00:00.000000 UTC", "٢٠٢٥-01-01 00:00:00.000000 UTC",
             "2025-03-03 10:00:00.000000 +0700", "2025-03-03T10:00:00", "soon"]
    texts += [f"{rng.randint(0, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d} "
              f"{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}:{rng.randint(0, 60):02d}."
              f"{rng.randint(0, 999999):06d} UTC" for _ in range(2000)]
    for text in texts:
        try:
            expected = parse_utc(text)
        except Exception as err:
            with pytest.raises(type(err)):
                parse_timestamp(text)
        else:
            assert parse_timestamp(text) == expected, text
