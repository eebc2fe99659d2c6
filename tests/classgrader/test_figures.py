"""figures.py on its own: each report figure is (name, PNG bytes, alt text), and the alt text says
in the lecturer's language what the figure shows (counts, mean, key, the biggest mix-ups)."""

from __future__ import annotations

import pytest

from coursekit.classgrader import figures
from coursekit.classgrader.analysis import Analysis, ItemStats
from coursekit.classgrader.table import SINGLE, Item

PNG = b"\x89PNG\r\n\x1a\n"


def analysis(totals: dict, items=()) -> Analysis:
    return Analysis("k", sorted(totals), totals, 4.0, list(items), None, None, [], [], 0)


def stats(item_id="m1-01", facility=50.0, disc=30.0, flags=(), **kw) -> ItemStats:
    item = Item(item_id, SINGLE, 1.0, ("a1", "a2", "a3"), ("a1",))
    return ItemStats(item, ["q01"], 10, facility, 10.0, disc, 50.0, flags=list(flags), **kw)


def label(item, option):
    return {"a1": "A", "a2": "B", "a3": "C"}[option]


def test_histogram_alt_gives_the_class_in_numbers():
    name, png, alt = figures.histogram(analysis({"s1": 1, "s2": 2, "s3": 3, "s4": 4}), "en")
    assert name == "histogram" and png.startswith(PNG)
    assert alt == ("Histogram of the total scores (students: 4): mean 2.5 of 4, median 2.5, "
                   "lowest 1.0, highest 4.0.")
    _, _, alt_id = figures.histogram(analysis({"s1": 1, "s2": 2, "s3": 3, "s4": 4}), "id")
    assert alt_id.startswith("Histogram nilai total (jumlah mahasiswa: 4): rata-rata 2.5 dari 4")


def test_an_empty_class_still_has_a_histogram():
    _, png, alt = figures.histogram(analysis({}), "en")
    assert png.startswith(PNG) and "(students: 0)" in alt


def test_item_map_counts_the_flagged_questions():
    items = [stats("a"), stats("b", flags=[("too_easy", {})]), stats("d", disc=None)]
    name, png, alt = figures.item_map(analysis({"s1": 1}, items), "en")
    assert name == "items" and png.startswith(PNG)
    assert "(count: 3)" in alt and alt.endswith("(count: 1).")


def test_item_map_alt_counts_the_points_it_shows():
    items = [stats("a"), stats("essay", facility=None, disc=None)]  # the essay: not graded yet
    _, _, alt = figures.item_map(analysis({"s1": 1}, items), "en")
    assert "(count: 1)" in alt


def test_distractors_alt_lists_each_option_blank_and_key():
    st = stats(distractors={"a1": 5, "a2": 0, "a3": 2}, blank=1)
    name, png, alt = figures.distractors(st, "en", label)
    assert name == "options-m1-01" and png.startswith(PNG)
    assert alt == ("Bar chart of the option frequencies of item m1-01: A 5; B 0; C 2; blank/invalid 1. "
                   "Key: A.")
    _, _, alt_id = figures.distractors(st, "id", label)
    assert alt_id.endswith("A 5; B 0; C 2; kosong/tidak sah 1. Kunci: A.")


def test_distractors_without_blanks_have_no_blank_bar():
    _, _, alt = figures.distractors(stats(distractors={"a1": 1, "a2": 1, "a3": 1}), "en", label)
    assert "blank" not in alt


MATRIX = {"item": "m2-match", "rows": ["konflik", "konsensus"], "cols": ["konflik", "konsensus", ""],
          "matrix": [[3, 1, 0], [2, 4, 1]]}


def test_confusion_alt_names_the_biggest_mix_ups_first():
    name, png, alt = figures.confusion(MATRIX, "en", "q08 · m2-match")
    assert name == "confusion-m2-match" and png.startswith(PNG)
    assert alt == ("Confusion matrix q08 · m2-match: rows = correct answer, columns = student's answer. "
                   "Most frequent mix-ups: konsensus -> konflik (2); konsensus -> blank/invalid (1); "
                   "konflik -> konsensus (1).")


@pytest.mark.parametrize("lang, none", [("en", "none"), ("id", "tidak ada")])
def test_a_clean_diagonal_has_no_mix_ups(lang, none):
    clean = dict(MATRIX, matrix=[[3, 0, 0], [0, 4, 0]])
    _, _, alt = figures.confusion(clean, lang, "t")
    assert alt.endswith(f": {none}.")


def test_the_same_figure_twice_is_the_same_file():
    """No date or software version inside: a report made again is byte for byte the same."""
    st = stats(distractors={"a1": 5, "a2": 0, "a3": 2}, blank=1)
    assert figures.distractors(st, "en", label)[1] == figures.distractors(st, "en", label)[1]
    assert figures.confusion(MATRIX, "en", "t")[1] == figures.confusion(MATRIX, "en", "t")[1]
