"""What a student reads: wording and layout items of issue 10 (defect 8), outside the browser."""

from __future__ import annotations

import ipywidgets as w
import pytest

import coursekit as ck
from coursekit import progress_store
from coursekit.api import content

LANGS = ["id", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_right_answer_is_not_marked_right_again(lang):
    quiz = ck.quiz("m4", lang=lang)
    for q in quiz.questions:
        if q.type == "single":
            wrong = next(i for i, _t in q.options(lang) if not q.feedback(i, lang).correct)
            quiz.answer(q.id, wrong)
            html = quiz.check(q.id)._repr_html_()
            label = {"id": "Jawaban yang tepat", "en": "The right answer"}[lang]
            assert label in html
            assert f"{label} (" not in html and f"{label} (" not in str(quiz)
            return
    pytest.skip("no single-choice question in m4")


def test_one_scenario_is_singular():
    progress_store.record_vignette("v01", 2)
    assert "1 scenario checked" in str(ck.progress("en"))
    assert "1 scenario checked" in ck.progress("en")._repr_html_()
    progress_store.record_vignette("v02", 3)
    assert "2 scenarios checked" in str(ck.progress("en"))


def test_search_output_is_headed_by_its_kind_and_counts_right():
    html = ck.search("jaringan", lang="id")._repr_html_()
    assert '<p class="ck-kind">Pencarian</p>' in html
    en = ck.search("jaringan", lang="en")._repr_html_()
    assert '<p class="ck-kind">Search</p>' in en and "Found in" in en  # still the column head
    one = ck.search("etimologi", lang="en")
    assert len(one.hits) == 1
    assert "1 result<" in one._repr_html_() and ": 1 result\n" in str(one)


def test_no_case_shown_says_so_and_hides_the_empty_list():
    x = ck.explore_cases(lang="en")
    x.widget  # noqa: B018 (build the view)
    x.filter(axis="conflict-consensus", position="consensus", region="usa")
    assert x.visible == []
    assert "No case matches" in x._count.value and "0 of" not in x._count.value
    assert x._list.layout.display == "none"
    x.clear()
    assert x._list.layout.display is None and "Select one" in x._count.value


def _texts():
    out = []
    for lang in LANGS:
        for kind, fn in (("concept", ck.concept), ("framework", ck.framework), ("case", ck.case),
                         ("comparison", ck.compare), ("module", ck.module), ("source", ck.source)):
            out += [(f"{kind}:{it['slug']}:{lang}", str(fn(it["slug"], lang=lang)))
                    for it in content().all(kind)]
        out += [(f"glossary:{lang}", str(ck.glossary(lang))),
                (f"search:{lang}", str(ck.search("jaringan", lang)))]
        for x in (ck.explore_cases(lang), ck.classify(lang=lang), ck.map_5c(lang=lang),
                  ck.explore_comparisons(lang=lang), ck.quiz("m4", lang=lang), ck.progress(lang)):
            out.append((f"{type(x).__name__}:{lang}", str(x)))
    return out


def test_text_views_never_have_a_double_blank_line():
    bad = [name for name, text in _texts() if "\n\n\n" in text]
    assert bad == []


@pytest.mark.parametrize("make", [lambda: ck.explore_cases("en"), lambda: ck.classify(lang="en"),
                                  lambda: ck.map_5c(lang="id"), lambda: ck.explore_comparisons(lang="en"),
                                  lambda: ck.quiz("m2", lang="id")])
def test_buttons_fit_their_text_and_fields_in_a_box_line_up(make):
    x = make()
    tree = x.widgets()
    assert "ck-w" in x.widget._dom_classes
    for b in (t for t in tree if isinstance(t, w.Button)):
        assert b.layout.width == "auto", b.description
    for box in (t for t in tree if isinstance(t, w.Box)):
        fields = [k for k in box.children if isinstance(k, (w.Dropdown, w.Select, w.ToggleButtons))
                  and k.description]
        if len(fields) > 1:
            assert len({k.style.description_width for k in fields}) == 1, [k.description for k in fields]


def test_the_style_travels_with_the_widget_and_the_progress_table():
    x = ck.explore_cases("en")
    style = x.widget.children[-1]
    assert isinstance(style, w.HTML) and style.value.startswith("<style>") and style.layout.display == "none"
    assert "text-align: left" in ck.progress("en")._repr_html_()
