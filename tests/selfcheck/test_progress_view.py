"""The progress widget (ck.progress()): per module the questions answered and the latest points,
lessons of several modules added up, the classifier's line, and a damaged file said aloud."""

from __future__ import annotations

import html

import pytest

from coursekit import progress_store
from coursekit.api import content
from coursekit.selfcheck.bank import load
from coursekit.selfcheck.build import MODULES
from coursekit.selfcheck.progress_view import ModuleProgress, progress


@pytest.fixture(autouse=True)
def no_notices(monkeypatch):
    """Notices of damaged files are kept per process; each test starts with none."""
    monkeypatch.setattr(progress_store, "_notices", [])


def test_percent_rounds_and_a_module_without_points_is_zero():
    assert ModuleProgress("m1", "", 1, 3, 2, 3).percent == 67
    assert ModuleProgress("m1", "", 0, 0, 0, 0).percent == 0
    assert not ModuleProgress("m1", "", 0, 3, 0, 3).started


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_fresh_learner_sees_every_module_not_started(lang):
    view = progress(lang)
    assert [m.module for m in view.modules] == MODULES
    for m in view.modules:
        assert m.title == content().get("module", m.module)["title"][lang]
        assert (m.answered, m.points, m.started) == (0, 0, False)
        assert m.total == len(load(m.module)["questions"])
        assert m.max_points == sum(q["points"] for q in load(m.module)["questions"])
    assert str(view).count({"id": "belum dimulai", "en": "not started"}[lang]) == len(MODULES)
    assert view.vignettes == (0, 0, 0) and "scenario" not in str(view)


def test_latest_points_of_the_questions_still_in_the_quiz_are_summed():
    progress_store.record_answer("m1", "q1", 1, 1, "b")
    progress_store.record_answer("m1", "q2", 1, 1, ["a"])
    progress_store.record_answer("m1", "q2", 0.5, 1, ["a", "b"])  # the latest check counts
    progress_store.record_answer("m1", "q99", 1, 1, "a")  # a question since removed
    m1 = progress("en").module("m1")
    assert (m1.answered, m1.points, m1.total, m1.percent) == (2, 1.5, 5, 30)
    assert "M1 Community and community organizing: 2/5 questions answered, 1.5/5 (30%)" in str(progress("en"))


def test_a_lesson_of_two_modules_adds_them_up():
    progress_store.record_answer("m3", "q1", 1, 1, "a")
    progress_store.record_answer("m4", "q1", 1, 1, "a")
    view = progress("en")
    both = view.lesson("m3", "m4")
    m3, m4 = view.module("m3"), view.module("m4")
    assert both.module == "m3+m4" and both.title == f"{m3.title} / {m4.title}"
    assert (both.answered, both.total, both.points, both.max_points) == (
        2, m3.total + m4.total, 2, m3.max_points + m4.max_points)


def test_an_unknown_module_names_the_known_quizzes():
    with pytest.raises(LookupError, match=r"'m99' \(did you mean 'm9'\?\).*m1, m2"):
        progress("en").module("m99")


def test_the_classifier_line_counts_scenarios_and_axes():
    progress_store.record_vignette("a", 2)
    progress_store.record_vignette("b", 3)
    view = progress("id")
    assert view.vignettes == (2, 5, 6)
    assert "2 skenario diperiksa, 5 dari 6 sumbu tepat" in str(view)
    assert "2 skenario diperiksa, 5 dari 6 sumbu tepat" in view._repr_html_()


def test_the_table_has_column_headers_and_names_the_file(progress_file):
    view = progress("en")
    page = view._repr_html_()
    assert page.count('<th scope="col">') == 3
    assert str(progress_file) in page and str(progress_file) in str(view)
    assert view.path == progress_file


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_damaged_file_is_kept_aside_and_said_in_both_views(progress_file, lang):
    progress_file.write_text("{ not json", encoding="utf-8")
    view = progress(lang)
    (aside,) = progress_file.parent.glob("progress.json.corrupt-*")
    assert aside.read_text(encoding="utf-8") == "{ not json"  # never deleted
    page = html.unescape(view._repr_html_())
    assert '<p role="alert">' in view._repr_html_() and str(aside) in page
    assert f"! {page.split('⚠ ')[1].split('</strong>')[0]}" in str(view)
    assert all(not m.started for m in view.modules)
