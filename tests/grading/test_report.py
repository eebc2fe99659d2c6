"""The item-analysis report: one self-contained HTML file plus PNGs, in both languages."""

import re

import pytest

from coursekit.grading import report, simulate


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    responses, items = simulate.simulated_class(n_students=80, seed=3)
    out = tmp_path_factory.mktemp("report")
    return {lang: report.write_report("sim", responses, items, out / lang, lang=lang)
            for lang in ("id", "en")}


def test_report_is_self_contained_with_alt_text(made):
    rep = made["en"]
    html = rep.path.read_text(encoding="utf-8")
    assert 'src="http' not in html and "<script" not in html
    imgs = re.findall(r'<img src="data:image/png;base64,[^"]+" alt="([^"]+)"', html)
    assert len(imgs) == len(rep.figures) >= 4
    assert all(len(alt) > 20 for alt in imgs)
    for png in rep.figures:
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_flags_each_planted_property(made):
    html = made["en"].path.read_text(encoding="utf-8")
    flagged = html.split("Questions outside the reference ranges")[1].split("<h2>")[0]
    assert "sim-everybody-right" in flagged and "almost everybody gets it right" in flagged
    assert "sim-negative" in flagged and "weaker students get it right more often" in flagged
    assert "sim-unused-distractor" in flagged and 'Distractor &#34;u4&#34; was chosen by nobody' in flagged
    assert "sim-single-01" not in flagged


def test_report_in_indonesian(made):
    html = made["id"].path.read_text(encoding="utf-8")
    assert '<html lang="id">' in html and "Analisis butir soal" in html
    assert "Pengecoh &#34;u4&#34; tidak dipilih siapa pun" in html
    assert "Item analysis" not in html
