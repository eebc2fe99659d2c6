"""The class on a real JupyterHub (see flow.py): gradebook and feedback match the answers."""

from __future__ import annotations

import csv
import io
import os

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub")]


def test_every_student_is_graded_as_answered(class_a):
    assert class_a.items_csv and class_a.misgraded() == []


def test_hostile_code_never_ran(class_a):
    assert not os.path.exists(class_a.canary)


def test_each_student_gets_own_feedback(class_a):
    totals = {}
    for r in csv.DictReader(io.StringIO(class_a.items_csv)):
        totals[r["student_id"]] = (float(r["total_score"]), float(r["total_max_score"]))
    for name, html in class_a.feedback.items():
        score, top = totals[name]
        assert f"{score:g} / {top:g}" in html.replace("\n", " ") or f"{score} / {top}" in html, name
        for other in class_a.students:
            if other != name:
                assert other not in html or name == class_a.course.students[3], (name, other)
