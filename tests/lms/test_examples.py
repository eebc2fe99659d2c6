"""lms/examples.py: the example exports committed under exercises/lms/: one quiz, one file per
format (Moodle and GIFT with both languages, each package in one), the same bytes on every build.
(That the committed files are current is tests/test_build.py's job.)"""

from __future__ import annotations

import io
import zipfile

import pytest

from coursekit.lms import examples, export

from .conftest import EXERCISES


@pytest.fixture(scope="module")
def made() -> dict[str, bytes]:
    return examples.expected(EXERCISES)


def test_one_example_per_format_of_one_quiz(made):
    assert {fmt for fmt, _ in examples.CHOICES} == set(export.FORMATS)
    assert sorted(made) == sorted(["coursekit-kuis-1-moodle-both.xml", "coursekit-kuis-1-gift-both.txt",
                                   "coursekit-kuis-1-qti21-id.zip", "coursekit-kuis-1-canvas-en.zip"])


def test_the_same_bank_gives_the_same_bytes(made):
    assert examples.expected(EXERCISES) == made


def test_examples_hold_only_the_chosen_quiz(made):
    """kuis-1 takes m1 and m2 items; no other quiz's items are in its examples."""
    moodle = made["coursekit-kuis-1-moodle-both.xml"].decode("utf-8")
    assert "m1-k1-03" in moodle and "m3-" not in moodle and "m7-" not in moodle
    with zipfile.ZipFile(io.BytesIO(made["coursekit-kuis-1-qti21-id.zip"])) as zf:
        assert not [n for n in zf.namelist() if "m3-" in n or "m7-" in n]
    assert made["coursekit-kuis-1-gift-both.txt"].decode("utf-8").count("::m1-k1-03") == 1
