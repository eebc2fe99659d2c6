"""The item-analysis report: one self-contained HTML file plus PNGs, in both languages."""

import re

import pytest

from coursekit.classgrader import report
from tests.support import simulate


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


def test_scatter_labels_never_overlap():
    """Issue 8, finding 10: a crowded scatter (many questions at nearly the same point)."""
    from coursekit.classgrader import figures

    plt = figures._plt()
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    points = {(50 + (i % 3), 20 + (i % 2)): [f"q{i:02d}"] for i in range(12)}
    points[(50, 20)].append("q99")
    for x, y in points:
        ax.scatter([x], [y])
    ax.set_xlim(-2, 102)
    ax.set_ylim(-45, 100)
    labels = figures.place_labels(fig, ax, points)
    renderer = fig.canvas.get_renderer()
    boxes = [lab.get_window_extent(renderer) for lab in labels]
    assert len(boxes) == len(points)
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert any(lab.get_text() == "q06,q99" for lab in labels)  # one point, one label
    plt.close(fig)


def test_confusion_matrices_follow_the_framework_order():
    from coursekit.classgrader.analysis import ordered

    five_c = {"channel", "cause", "change-target", "change-agency", "change-strategy"}
    assert ordered(five_c) == ["cause", "change-agency", "change-target", "channel",
                               "change-strategy"]
    assert ordered({"b", "a"}, ("b", "a")) == ["b", "a"]  # the item's authored order
    assert ordered({"b", "a"}) == ["a", "b"]


def test_counts_read_right_for_one():
    from coursekit.strings import say

    for lang in ("id", "en"):
        for section, name, fields in (("labels", "item_figure_alt", {"n": 1, "flagged": 1}),
                                      ("flags", "too_few", {"n": 1, "limit": 5}),
                                      ("messages", "export_written", {"rows": 1, "path": "x"})):
            line = say(f"classgrader.{section}.{name}", lang, **fields)
            assert "1 questions" not in line and "1 responses" not in line
            assert "1 rows" not in line and "1 students" not in line
