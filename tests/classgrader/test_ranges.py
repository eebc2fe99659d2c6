"""ranges.py on its own: the reference bands of the item analysis (ranges.yaml, validated against
ranges.schema.json: every problem named with file, line and field) and the band a value falls in,
in both languages."""

from __future__ import annotations

import pytest

from coursekit.classgrader import ranges
from coursekit.content import datafile
from coursekit.content.problems import ContentError


def test_bands_rise_so_the_last_one_reached_is_the_value_s():
    for kind in ("facility", "discrimination"):
        starts = [b["from"] for b in ranges.ranges()[kind]["bands"]]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)


@pytest.mark.parametrize("kind, value, en, id_", [
    ("facility", 0, "extremely difficult, or something wrong with the question",
     "sangat sulit sekali, atau ada yang salah pada soal"),
    ("facility", 34.99, "moderately difficult", "agak sulit"),
    ("facility", 35, "about right for the average student", "pas untuk mahasiswa rata-rata"),
    ("facility", 100, "extremely easy", "sangat mudah sekali"),
    ("discrimination", -100, "question probably invalid", "kemungkinan soal tidak sahih"),
    ("discrimination", -0.1, "question probably invalid", "kemungkinan soal tidak sahih"),
    ("discrimination", 0, "very weak discrimination", "sangat lemah"),
    ("discrimination", 50, "very good discrimination", "sangat baik"),
])
def test_band_of_a_value_in_both_languages(kind, value, en, id_):
    assert ranges.band(kind, value, "en") == en
    assert ranges.band(kind, value, "id") == id_


def test_no_value_no_band():
    assert ranges.band("facility", None, "en") == ""


def test_below_every_band_there_is_none():
    assert ranges.band("discrimination", -101, "en") == ""


def test_a_kind_without_bands_is_an_error():
    with pytest.raises(KeyError):
        ranges.band("efficiency", 10, "en")


def test_every_problem_of_an_edited_ranges_file_is_named(tmp_path):
    text = (ranges.HERE / "ranges.yaml").read_text(encoding="utf-8")
    for old, new in (("min_responses: 5", "min_responses: 5\n  extra: 1"),
                     ("too_hard_to: 10", "too_hard_to: ten"),
                     ('{from: 6, label: {id: "sangat sulit", en: "very difficult"}}',
                      '{from: 6, label: {id: "sangat sulit"}}')):
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "ranges.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        datafile.load(path, ranges.HERE / "ranges.schema.json")
    lines = str(err.value).splitlines()
    assert lines[0] == "3 problems in course content:"
    assert lines[1:] == [
        f"{path}:7: ranges.extra: unknown key 'extra'; allowed: discrimination, efficiency, facility, "
        "min_responses, reliability, source",
        f"{path}:9: ranges.facility.too_hard_to: expected number, got a string 'ten'",
        f"{path}:13: ranges.facility.bands[1].label.en: missing the English text ('en')"]
