"""The question bank: valid, large enough, every outline item assessed twice, problems reported."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import pytest
import yaml

from coursekit import scoring
from coursekit.gradedquiz.bank import load, points_problems
from coursekit.gradedquiz.build import all_outputs
from coursekit.questions.checks import guessing as guessing_problems
from tests.support.classroom import EXERCISES
from tests.support.texts import bilingual


def test_bank_is_valid_and_covers_the_outline():
    bank, problems = load(EXERCISES)
    assert problems == []
    core = [i for i in bank.items.values() if i["module"] != "m9"]
    assert len(core) >= 60
    assert {i["module"] for i in core} == {f"m{n}" for n in range(1, 9)}
    counts = Counter(o for i in bank.items.values() for o in i["outline"])
    from coursekit.api import content

    for entry in content().outline:
        if entry["module"] != "m9":
            assert counts[entry["id"]] >= 2, entry["id"]
    types = Counter(i["type"] for i in bank.items.values())
    assert set(types) == {"single", "multiple", "true-false", "matching", "short", "essay"}
    assert [q["id"] for q in bank.quizzes] == ["kuis-1", "kuis-2", "kuis-3"]
    assert any(bank.items[q["item"]]["type"] == "essay" for q in bank.quizzes[2]["questions"] if "item" in q)


def test_every_problem_is_reported(tmp_path):
    root = tmp_path / "ex"
    shutil.copytree(EXERCISES / "bank", root / "bank")
    shutil.copy(EXERCISES / "quizzes.yaml", root)
    m1 = root / "bank" / "m1.yaml"
    text = m1.read_text(encoding="utf-8")
    text = text.replace("    bloom: remember\n", "    bloom: remembr\n", 1)
    text = text.replace("    type: multiple\n", "    type: multiple\n    colour: red\n", 1)
    text = text.replace("{id: proses-bersama, correct: true,", "{id: proses-bersama,", 1)
    m1.write_text(text, encoding="utf-8")
    (root / "quizzes.yaml").write_text((root / "quizzes.yaml").read_text().replace(
        "item: m1-k3-01", "item: m1-k3-99"))
    _, problems = load(root)
    text = "\n".join(str(p) for p in problems)
    assert "'remembr' is not allowed" in text and "did you mean 'remember'" in text
    assert "unknown key 'colour'" in text
    assert "needs exactly one correct option, has 0" in text
    assert "K1: outline item" not in text  # the other items of the file still count
    assert "no bank item 'm1-k3-99'" in text
    assert all(p.file and p.line for p in problems if p.file.startswith("bank/m1"))


def _bank():
    bank, problems = load(EXERCISES)
    assert problems == []
    return bank


def _copy(tmp_path):
    root = tmp_path / "ex"
    shutil.copytree(EXERCISES / "bank", root / "bank")
    shutil.copy(EXERCISES / "quizzes.yaml", root)
    return root


def test_no_item_lets_blind_guessing_beat_chance():
    """Tick-all earns 0 on every multiple select and a random response never beats 1/n."""
    for item in _bank().items.values():
        assert guessing_problems(item) == [], item["id"]
        if item["type"] == "multiple":
            n = len(item["options"])
            letters = {chr(97 + i): o["id"] for i, o in enumerate(item["options"])}
            right = {o["id"] for o in item["options"] if o.get("correct")}
            assert scoring.score_multiple(list(letters), letters, right, item["points"]).points == 0
            assert scoring.expected_random("multiple", n, len(right)) <= 1 / n + 1e-9
        if item["type"] == "matching":
            assert len(item["left"]) >= 3 or len(item["right"]) > len(item["left"]), item["id"]


@pytest.mark.parametrize("item,message", [
    ({"type": "matching", "left": [{}, {}], "right": [{}, {}]}, "a coin flip"),
    ({"type": "multiple", "options": [{"correct": True}] + [{}] * 4}, "above the 20.0% chance level"),
    ({"type": "multiple", "options": [{"correct": True}] * 5 + [{}]}, "above the 16.7% chance level"),
])
def test_the_guessing_check_rejects_guessable_shapes(item, message):
    assert any(message in m for m in guessing_problems(item))


def test_the_items_the_review_named_score_zero_for_tick_all_now():
    bank = _bank()
    for iid in ("m1-k3-02", "m3-t1-01", "m7-x2-01", "m8-r1-01", "m6-t10-02"):
        item = bank.items[iid]
        letters = {chr(97 + i): o["id"] for i, o in enumerate(item["options"])}
        right = {o["id"] for o in item["options"] if o.get("correct")}
        assert scoring.score_multiple("".join(letters), letters, right, item["points"]).points == 0, iid
    for gone in ("m7-x1-01", "m5-t9-02"):  # were two-pair matching items
        assert gone not in bank.items or len(bank.items[gone]["left"]) >= 3


def test_one_broken_item_gives_one_problem_not_a_pile(tmp_path):
    """A schema error in one item is reported once: no 'no bank item' with a wrong 'did you
    mean', no coverage or pool complaints caused by skipping it."""
    root = _copy(tmp_path)
    m1 = root / "bank" / "m1.yaml"
    m1.write_text(m1.read_text(encoding="utf-8").replace(
        "  - id: m1-k3-01\n    module: m1\n    outline: [K3]\n",
        "  - id: m1-k3-01\n    module: m1\n    outline: K3\n", 1), encoding="utf-8")
    m2 = root / "bank" / "m2.yaml"
    m2.write_text(m2.read_text(encoding="utf-8").replace(
        "    pool: m2-5c-kasus\n", "    pool: m2-5c-kasus\n    pints: 3\n", 1), encoding="utf-8")
    _, problems = load(root)
    text = "\n".join(map(str, problems))
    assert len(problems) == 2, text
    assert "outline: expected array" in text and "unknown key 'pints'" in text
    assert "did you mean 'm1-k6" not in text and "pool needs at least 2" not in text


def test_points_follow_one_rule_by_type_and_difficulty(tmp_path):
    for item in _bank().items.values():
        assert points_problems(item) == [], item["id"]
    root = _copy(tmp_path)
    m7 = root / "bank" / "m7.yaml"
    text = m7.read_text(encoding="utf-8")
    start = text.index("  - id: m7-x2-02")
    m7.write_text(text[:start] + text[start:].replace("    points: 1\n", "    points: 2\n", 1),
                  encoding="utf-8")
    _, problems = load(root)
    assert any("points 2 break the points rule: single, recall (remember) is worth 1" in str(p)
               for p in problems)


def test_every_quiz_has_a_hand_graded_case_analysis_with_an_analytic_rubric():
    bank = _bank()
    for quiz in bank.quizzes:
        essays = [bank.items[q["item"]] for q in quiz["questions"]
                  if "item" in q and bank.items[q["item"]]["type"] == "essay"]
        assert essays, quiz["id"]
        for item in essays:
            for c in item["scheme"]:
                assert c["points"] == 3 and len(c["levels"]) == 4
                assert [lv["id"][0] for lv in c["levels"]] == ["0", "1", "2", "3"]
            low, high = item["words"]
            for lang in ("id", "en"):
                assert low <= len(item["model"][lang].split()) <= high, (item["id"], lang)
    essay = bank.items["m9-t3-01"]
    assert len(essay["scheme"]) == 5 and essay["words"] == [200, 400]
    assert "paguyuban" in essay["scheme"][2]["expect"]["id"]


def test_the_rubric_is_in_the_notebook_and_the_marking_guide():
    bank = _bank()
    files = all_outputs(bank)
    for quiz in bank.quizzes:
        nb = json.loads(files[f"source/{quiz['id']}/{quiz['id']}.ipynb"])
        rubrics = [c for c in nb["cells"] if c["id"].startswith("rubrik-")]
        assert rubrics and all(c["metadata"]["nbgrader"]["locked"] for c in rubrics)
        text = "".join(rubrics[0]["source"])
        assert "Rubrik penilaian" in text and "Marking rubric" in text
        marking = files[f"marking/{quiz['id']}.md"]
        essay = next(bank.items[q["item"]] for q in quiz["questions"]
                     if "item" in q and bank.items[q["item"]]["type"] == "essay")
        assert essay["scheme"][0]["expect"]["en"] in marking  # what earns the top: instructor only
        assert essay["scheme"][0]["expect"]["en"] not in text


def test_t9_has_several_graded_items_and_shift_cases_follow_content():
    bank = _bank()
    quizzed = [bank.items[q["item"]] for quiz in bank.quizzes for q in quiz["questions"] if "item" in q]
    t9 = [i for i in quizzed if "T9" in i["outline"]]
    assert len(t9) >= 2
    shift = bank.items["m5-t9-03"]
    match = {e["id"]: e["match"] for e in shift["left"]}
    assert match["uanc"] == "pihak-luar" and match["humboldt"] == "bergabung"
    assert "m5-t9-02" not in bank.items  # keyed by the transcript's label order


def test_one_kuala_namu_5c_mapping_everywhere():
    """The bank item and the case file (used by ck.map_5c) agree, and the change target is who
    must change (not 'the wider public')."""
    from coursekit.api import content

    case = {a["label"]["en"]: a["element"] for a in content().get("case", "kuala-namu")["actors"]}
    item = _bank().items["m2-s2-05"]
    assert {e["text"]["en"]: e["match"] for e in item["left"]} == case
    target = next(label for label, element in case.items() if element == "change-target")
    assert "PTPN II" in target and "public" not in target.lower()
    assert "m2-s2-02" not in _bank().items


WORDS = re.compile(r"\b(dek|deck|majemuk)\b", re.IGNORECASE)


def test_item_wording_says_lecture_slides_and_isu_berganda():
    for path in sorted((EXERCISES / "bank").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        bad = [t for t in bilingual(data["items"]) if WORDS.search(t)]
        assert bad == [], (path.name, bad[:3])


def test_the_items_the_review_named_are_fixed():
    items = _bank().items
    assert "m1-k6-03" not in items  # tested the course's own source-checking; replaced by m1-k6-04
    assert items["m1-k6-04"]["bloom"] == "apply"
    goals = {o["text"]["id"] for o in items["m1-k4-01"]["options"] if o.get("correct")}
    assert "Memperkokoh kekuatan komunitas basis" in goals
    assert "(English)" not in items["m8-r1-03"]["stem"]["en"]  # the slides give no English words
    assert "well-off" in items["m7-x3-02"]["stem"]["en"]  # "cukup mampu"
    assert "Pencapaian Target" in items["m7-x1-03"]["stem"]["en"]
    texts = lambda iid: " ".join(o["text"]["en"] for o in items[iid]["options"])  # noqa: E731
    assert "No strategy is needed" not in texts("m4-t4-02")
    assert "watching adverts" not in texts("m6-t13-01")
    assert "Height" not in texts("m7-x2-02") and "Collecting taxes" not in texts("m8-r1-01")
    assert "Urban vs rural" not in texts("m3-t1-01") and "not recruiting at all" not in texts("m6-t14-01")
    weakness = next(o for o in items["m5-t7-02"]["options"] if o["id"] == "batasi-waktu")
    assert "large organization" in weakness["text"]["en"]  # why a time limit is a weakness


def test_the_synthesis_objectives_are_assessed_in_kuis_3():
    bank = _bank()
    kuis3 = [bank.items[q["item"]] for q in bank.quiz("kuis-3")["questions"] if "item" in q]
    assert any(i["bloom"] == "create" and i["type"] == "essay" for i in kuis3)  # sketch a strategy
    assert any({"X1", "X2", "X3"} <= set(i["outline"]) and i["module"] == "m9" for i in kuis3)
