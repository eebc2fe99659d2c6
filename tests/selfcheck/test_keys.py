"""No key string is readable: not in the package files, not in the widget state sent to the
browser, not in any notebook. Key strings: rationales and model answers (all of 25+ characters,
as substrings), accepted short answers and the author's keys of right options (as whole values)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import coursekit
from coursekit.selfcheck.build import LESSONS, MODULES, REPO
from coursekit.selfcheck.classifier import Classifier
from coursekit.selfcheck.quizzes import Quiz
from tests.support.texts import bilingual

PACKAGE = Path(coursekit.__file__).parent


def _keys() -> tuple[set[str], set[str]]:
    """(long texts that must not appear anywhere, short values that must not appear as a value)."""
    long, whole = set(), set()
    for m in MODULES:
        for q in yaml.safe_load((LESSONS / "selfcheck" / f"{m}.yaml").read_text(encoding="utf-8"))[
            "questions"
        ]:
            for o in q.get("options", []):
                long |= set(bilingual(o["why"]))
                if o.get("correct"):
                    whole.add(o["id"])
            for p in q.get("left", []):
                long |= set(bilingual(p["why"]))
            for f in ("if_true", "if_false", "why", "model"):
                long |= set(bilingual(q.get(f, {})))
            whole |= set(q.get("accepted", []))
    for path in (LESSONS / "vignettes").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for v in data.get("vignettes", []):
            for place in v["axes"].values():
                long |= set(bilingual(place.get("why"))) | set(bilingual(place.get("misconceptions", {})))
        long |= set(bilingual(data.get("misconceptions", {})))
    return {t for t in long if len(t) >= 25}, whole


LONG, WHOLE = _keys()


def _values(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _values(v)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v)
    elif isinstance(node, str):
        yield node


def _assert_clean(text: str, values, where: str):
    leaked = [t for t in LONG if t in text]
    assert not leaked, f"{where}: rationale in plain text: {leaked[0][:80]!r}"
    shown = {v.strip().casefold() for v in values}
    leaked = [k for k in WHOLE if k.casefold() in shown]
    assert not leaked, f"{where}: key value in plain text: {leaked}"


def test_there_are_keys_to_look_for():
    assert len(LONG) > 200 and len(WHOLE) > 30


def test_no_key_in_the_package_files():
    for path in PACKAGE.rglob("*"):
        if path.is_file() and path.suffix in {".json", ".yaml", ".py", ".j2", ".txt", ".css", ".md"}:
            text = path.read_text(encoding="utf-8")
            # compiled.json and strings.json are public content and wording (data/*.yaml and the
            # strings files) compiled: checked as those are, as text
            data = path.suffix == ".json" and path.name not in ("compiled.json", "strings.json")
            values = _values(json.loads(text)) if data else []
            _assert_clean(text, values, str(path.relative_to(REPO)))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("module", MODULES)
def test_no_key_in_the_widget_state_sent_to_the_browser(module, lang):
    quiz = Quiz(module, lang, record=False)
    state = quiz.browser_state()
    assert len(state) > 10
    _assert_clean(json.dumps(state, ensure_ascii=False), _values(state), f"{module} widget state")


def test_checking_one_question_sends_only_that_questions_feedback():
    quiz = Quiz("m4", "en", record=False)
    assert quiz.widget is not None
    first = quiz.questions[0]
    quiz.answer(first.id, first.options("en")[0][0])
    quiz.check(first.id)
    text = json.dumps(quiz.browser_state(), ensure_ascii=False)
    assert "✔" in text or "✘" in text
    source = yaml.safe_load((LESSONS / "selfcheck" / "m4.yaml").read_text(encoding="utf-8"))
    for q in source["questions"][1:]:
        for t in bilingual({k: v for k, v in q.items() if k not in ("stem", "options", "right", "left")}):
            assert t not in text
        for o in q.get("options", []):
            assert o["why"]["en"] not in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_key_in_the_classifier_widget_state(lang):
    c = Classifier(lang=lang, record=False)
    state = c.browser_state()
    _assert_clean(json.dumps(state, ensure_ascii=False), _values(state), "classifier widget state")


def test_no_key_in_any_notebook():
    books = [
        p for p in REPO.rglob("*.ipynb") if ".venv" not in p.parts and ".ipynb_checkpoints" not in p.parts
    ]
    for path in books:
        nb = json.loads(path.read_text(encoding="utf-8"))
        text = json.dumps(nb, ensure_ascii=False)
        code = [v for c in nb.get("cells", []) if c["cell_type"] == "code" for v in _values(c)]
        _assert_clean(text, code, str(path.relative_to(REPO)))
