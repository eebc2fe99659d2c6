"""The static HTML beside a widget (nbconvert, a code host, PDF handouts): every comparison, case,
scenario, actor and question the element can show, in its language, and no answer."""

from __future__ import annotations

import html
import re

import pytest
import yaml

import coursekit as ck
from coursekit.api import content
from coursekit.selfcheck.build import LESSONS
from coursekit.selfcheck.quizzes import Quiz
from coursekit.strings import say
from coursekit.widgets.fallback import static_html
from tests.support.texts import bilingual

LANGS = ["id", "en"]


def _plain(page: str) -> str:
    """The page's text: tags dropped, entities read, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", LANGS)
def test_comparisons_every_one_in_full_the_one_shown_first(lang):
    x = ck.explore_comparisons("single-multiple-issue", lang=lang)
    page = static_html(x)
    text = _plain(page)
    titles = [content().get("comparison", s)["title"][lang] for s in x.slugs]
    at = {t: text.find(t) for t in titles}
    assert all(i >= 0 for i in at.values())
    assert min(at, key=at.get) == content().get("comparison", "single-multiple-issue")["title"][lang]
    for comp in content().all("comparison"):  # every point of every dimension, not only the one shown
        last = comp["dimensions"][-1]
        assert _flat(comp["approaches"][-1]["points"][last][-1][lang]) in text
    assert page.count(f'lang="{lang}"') >= len(titles)


@pytest.mark.parametrize("lang", LANGS)
def test_cases_every_one_with_its_place_and_positions_in_words(lang):
    x = ck.explore_cases(lang=lang)
    x.filter(region="indonesia")  # the static table is the whole list, whatever is filtered
    page = static_html(x)
    rows = page.split("<tr>")[2:]
    assert len(rows) == len(content().all("case"))
    for case, row in zip(content().all("case"), rows, strict=True):
        row = _plain(row)
        assert _flat(case["name"][lang]) in row and _flat(case["place"][lang]) in row
        for axis in ("conflict-consensus", "single-multiple-issue", "direct-organization-recruitment"):
            assert say(f"content.position.{case['axes'][axis]['position']}", lang) in row
    assert 'class="ck ck-static"' in page and f'lang="{lang}"' in page


def _vignette_answers() -> set[str]:
    out = set()
    for path in (LESSONS / "vignettes").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for v in data.get("vignettes", []):
            for place in v["axes"].values():
                out |= set(bilingual(place["why"])) | set(bilingual(place.get("misconceptions", {})))
        out |= set(bilingual(data.get("misconceptions", {})))
    return {_flat(t) for t in out}


@pytest.mark.parametrize("lang", LANGS)
def test_classifier_every_scenario_with_blanks_and_no_placement(lang):
    c = ck.classify(lang=lang)
    c.record = False
    c.place("conflict-consensus", "conflict")
    c.check()  # what the student did shows only in the live widget
    text = _plain(static_html(c))
    for v in c.vignettes:
        assert _flat(v["title"][lang]) in text and _flat(v["text"][lang]) in text
    assert text.count("______") == 3 * len(c.vignettes)
    assert [t for t in _vignette_answers() if t in text] == []


@pytest.mark.parametrize("lang", LANGS)
def test_fivec_every_actor_with_a_blank_and_the_five_elements_once(lang):
    m = ck.map_5c("dsni", lang=lang)
    for k, actor in m.items.items():
        m.assign(k, actor["element"])
    m.check()
    text = _plain(static_html(m))
    for actor in m.items.values():
        assert f"{_flat(actor['label'][lang])}: ______" in text
        assert _flat(actor["why"][lang]) not in text
    legend = " · ".join(say(f"content.fivec.{e}", lang) for e in
                        ("cause", "change-agency", "change-target", "channel", "change-strategy"))
    assert legend in text


def _quiz_answers(module: str) -> set[str]:
    src = yaml.safe_load((LESSONS / "selfcheck" / f"{module}.yaml").read_text(encoding="utf-8"))
    out = set()
    for q in src["questions"]:
        for o in q.get("options", []) + q.get("left", []):
            out |= set(bilingual(o["why"]))
        for f in ("if_true", "if_false", "why", "model"):
            out |= set(bilingual(q.get(f, {})))
    return {_flat(t) for t in out if len(t) >= 25}


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_every_question_and_option_and_no_rationale(lang):
    quiz = Quiz("m1", lang, record=False)
    text = _plain(static_html(quiz))
    for q in quiz.questions:
        assert _flat(q.prompt(lang))[:60] in text
        for i, option in q.options(lang):
            assert f"{i}) {_flat(option)}" in text
        for i, item in q.items(lang):
            assert f"{i}. {_flat(item)}" in text
    assert [t for t in _quiz_answers("m1") if t in text] == []


def test_quiz_static_html_has_no_answer_after_a_check():
    first = Quiz("m1", "en")
    first.answer("q1", "a")
    first.check("q1")
    again = Quiz("m1", "en")  # the lesson run again: the check comes back from the progress file
    text = _plain(static_html(again))
    assert [t for t in _quiz_answers("m1") if t in text] == []


def test_an_element_without_static_content_gets_none():
    assert static_html(ck.progress("en")) is None
    assert static_html(object()) is None
