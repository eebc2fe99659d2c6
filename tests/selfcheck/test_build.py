"""The compiled self-check data: fresh against the sources, complete, and validated like content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from coursekit.build import build as one_build
from coursekit.content import ContentError
from coursekit.selfcheck import build
from coursekit.selfcheck.bank import load

LESSONS = build.LESSONS


def test_every_module_has_a_quiz_of_at_least_four_questions_and_all_types_are_used():
    types = set()
    for module in build.MODULES:
        questions = load(module)["questions"]
        assert len(questions) >= 4, module
        types |= {q["type"] for q in questions}
    assert types == {"single", "multiple", "true-false", "matching", "short"}


def test_at_least_twelve_vignettes_and_half_in_indonesia():
    rows = load("vignettes")["vignettes"]
    assert len(rows) >= 12
    assert sum(v["setting"] == "indonesia" for v in rows) * 2 >= len(rows)


@pytest.fixture
def lessons(tmp_path) -> Path:
    target = tmp_path / "lessons"
    shutil.copytree(LESSONS / "selfcheck", target / "selfcheck")
    shutil.copytree(LESSONS / "vignettes", target / "vignettes")
    return target


def _edit(path: Path, fn) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_unknown_keys_and_broken_rules_are_all_reported_with_file_line_field(lessons):
    def break_m4(d):
        d["questions"][0]["hint"] = {"id": "x", "en": "y"}
        d["questions"][1]["options"][0]["corect"] = True
        d["questions"][3]["options"][1]["correct"] = True  # single choice with two right options
        del d["questions"][2]["if_true"]

    _edit(lessons / "selfcheck" / "m4.yaml", break_m4)
    _, problems = build.build(lessons)
    text = "\n".join(map(str, problems))
    assert "m4.yaml" in text
    assert "questions[0].hint: unknown key 'hint'" in text
    assert "questions[1].options[0].corect: unknown key 'corect'" in text and "did you mean 'correct'" in text
    assert "questions[2].if_true: missing required field 'if_true'" in text
    assert all(p.line > 0 for p in problems if "m4.yaml" in p.file)


def test_consistency_rules_are_reported(lessons):
    _edit(lessons / "selfcheck" / "m4.yaml", lambda d: d["questions"][3]["options"][1].update(correct=True))
    _edit(
        lessons / "vignettes" / "indonesia.yaml",
        lambda d: d["vignettes"][0]["axes"]["conflict-consensus"].update(position="conflicts"),
    )
    (lessons / "selfcheck" / "m10.yaml").write_text("module: m1\n", encoding="utf-8")
    _, problems = build.build(lessons)
    text = "\n".join(map(str, problems))
    assert "needs exactly one correct option, has 2" in text
    assert "unknown position 'conflicts'" in text and "combination, conflict, consensus" in text
    assert "m10.yaml: (file): unexpected file" in text


def test_build_refuses_to_write_when_sources_have_problems(lessons, capsys):
    _edit(lessons / "selfcheck" / "m2.yaml", lambda d: d.update(extra=1))
    before = sorted(p.read_bytes() for p in build.DATA.glob("*.json"))
    with pytest.raises(ContentError, match="unknown key 'extra'"):
        one_build(root=lessons.parent, only=["self-check data"])
    assert sorted(p.read_bytes() for p in build.DATA.glob("*.json")) == before


def test_guessing_rule_is_checked_at_build(lessons):
    """A two-pair matching question (the old m5 q4) and a 5-option, 1-right multiple select let
    blind guessing beat chance: the build reports both."""
    def coin_flip(d):
        q = next(q for q in d["questions"] if q["type"] == "matching")
        q["left"] = q["left"][:2]
        q["right"] = [c for c in q["right"] if c["id"] in {p["match"] for p in q["left"]}][:2]
        q["left"][1]["match"] = q["right"][1]["id"]
        q["left"][0]["match"] = q["right"][0]["id"]

    def one_of_five(d):
        q = next(q for q in d["questions"] if q["type"] == "multiple")
        for n, o in enumerate(q["options"]):
            o["correct"] = n == 0
        while len(q["options"]) < 5:
            q["options"].append(dict(q["options"][-1], id=f"extra{len(q['options'])}"))

    _edit(lessons / "selfcheck" / "m5.yaml", coin_flip)
    _edit(lessons / "selfcheck" / "m9.yaml", one_of_five)
    _, problems = build.build(lessons)
    text = "\n".join(map(str, problems))
    assert "m5.yaml" in text and "has 2 pairs and 2 choices (a coin flip)" in text
    assert "m9.yaml" in text and "above the 20.0% chance level" in text


def test_block_club_shift_cases_follow_their_content():
    """Hartford UANC (outside collaborative) = situation 1, Humboldt Park (blocks link up) = 2."""
    data = yaml.safe_load((LESSONS / "selfcheck" / "m5.yaml").read_text(encoding="utf-8"))
    q = next(q for q in data["questions"] if q["type"] == "matching" and q["outline"] == ["T9"])
    match = {p["text"]["en"].split(":")[0]: p["match"] for p in q["left"]}
    assert match["Hartford"] == "outside-shift" and match["Chicago"] == "join-outside"
    assert len(q["left"]) >= 3


def test_the_synthesis_module_has_activities_for_its_two_objectives():
    data = yaml.safe_load((LESSONS / "selfcheck" / "m9.yaml").read_text(encoding="utf-8"))
    outlines = [set(q["outline"]) for q in data["questions"]]
    assert any({"X1", "X2", "X3"} <= o for o in outlines)  # cross-cutting issues of a case
    assert any({"T1", "T4"} <= o for o in outlines)  # sketch a strategy for a problem


def test_wording_says_lecture_slides_and_isu_berganda():
    import re

    words = re.compile(r"\b(dek|deck|majemuk)\b", re.IGNORECASE)
    paths = sorted((LESSONS / "selfcheck").glob("*.yaml")) + sorted((LESSONS / "vignettes").glob("*.yaml"))
    for path in paths:
        text = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines()
                         if not ln.lstrip().startswith("#"))
        assert not words.search(text), (path.name, words.search(text).group(0))
