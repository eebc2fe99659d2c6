"""build.py on its own (the committed files' staleness is tests/test_build.py; the rubric's place is
tests/gradedquiz/test_bank.py): from the real bank, each quiz's four files; the notebook's cells in
the protocol's order with nbgrader's flags; the instructor's solutions that the keys score in full;
hidden tests that hold no key; the display and keys data of every question."""

from __future__ import annotations

import json

import nbformat
import pytest

from coursekit.gradedquiz import build
from coursekit.gradedquiz.keys import display_item, item_key
from coursekit.gradedquiz.protocol import HIDDEN_MODULE, IDENTITY, answer_id, render_id, rubric_id, test_id
from coursekit.gradedquiz.score import score_question
from coursekit.gradedquiz.variant import slot
from tests.support import classroom


@pytest.fixture(scope="module")
def bank():
    return classroom.bank()


@pytest.fixture(scope="module", params=["kuis-1", "kuis-2", "kuis-3"])
def made(request, bank):
    quiz = next(q for q in bank.quizzes if q["id"] == request.param)
    display = build.display_data(bank, quiz)
    return quiz, display, build.key_data(bank, quiz, display), build.notebook(bank, quiz, display)


def test_four_files_per_quiz_the_same_every_time(bank, made):
    quiz = made[0]
    files = build.outputs(bank, quiz)
    q = quiz["id"]
    assert set(files) == {f"source/{q}/{q}.ipynb", f"source/{q}/questions.json", f"keys/{q}.json",
                          f"marking/{q}.md"}
    assert files == build.outputs(bank, quiz)
    assert all(text.endswith("\n") for text in files.values())
    assert json.loads(files[f"source/{q}/questions.json"]) == made[1]
    assert json.loads(files[f"keys/{q}.json"]) == made[2]
    nbformat.validate(nbformat.reads(files[f"source/{q}/{q}.ipynb"], as_version=4))


def test_display_data_numbers_the_questions_and_shows_no_keys(bank, made):
    quiz, display, _, _ = made
    assert (display["format"], display["assignment"], display["title"]) == (1, quiz["id"], quiz["title"])
    n = len(quiz["questions"])
    assert [q["qid"] for q in display["questions"]] == [f"q{i:02d}" for i in range(1, n + 1)]
    for spec, q in zip(quiz["questions"], display["questions"], strict=True):
        candidates = bank.candidates(spec)
        assert q["items"] == [display_item(quiz["id"], i) for i in candidates]
        assert (q["type"], q["points"]) == (candidates[0]["type"], candidates[0]["points"])


def test_keys_data_covers_every_auto_graded_question(bank, made):
    quiz, display, keys, _ = made
    assert (keys["format"], keys["assignment"]) == (1, quiz["id"])
    assert set(keys["questions"]) == {q["qid"] for q in display["questions"] if q["type"] != "essay"}
    for q in display["questions"]:
        for cand in q["items"] if q["type"] != "essay" else []:
            assert keys["questions"][q["qid"]][cand["item"]] == item_key(quiz["id"], bank.items[cand["item"]])


def test_cells_follow_the_protocol(made):
    _, display, _, nb = made
    ids = [c.id for c in nb.cells]
    expected = ["judul", "persiapan", IDENTITY]
    for q in display["questions"]:
        qid = q["qid"]
        if q["type"] == "essay":
            expected += [render_id(qid), rubric_id(qid), answer_id(qid)]
        else:
            expected += [render_id(qid), answer_id(qid), test_id(qid)]
    assert ids == [*expected, "selesai"]
    assert all(c.metadata.nbgrader.grade_id == c.id for c in nb.cells)


def test_nbgrader_flags_of_each_kind_of_cell(made):
    _, display, _, nb = made
    cells = {c.id: c for c in nb.cells}

    def flags(gid):
        m = cells[gid].metadata.nbgrader
        return (cells[gid].cell_type, m["grade"], m["solution"], m["locked"], m.get("points"))

    assert flags(IDENTITY) == ("code", False, True, False, None)
    for q in display["questions"]:
        qid, points = q["qid"], q["points"]
        assert flags(render_id(qid)) == ("code", False, False, True, None)
        if q["type"] == "essay":
            assert flags(rubric_id(qid)) == ("markdown", False, False, True, None)
            assert flags(answer_id(qid)) == ("markdown", True, True, False, points)
        else:
            assert flags(answer_id(qid)) == ("code", False, True, False, None)
            assert flags(test_id(qid)) == ("code", True, False, True, points)
    locked = [c for c in nb.cells if c.metadata.nbgrader["locked"]]
    assert all(c.metadata["editable"] is False and c.metadata["deletable"] is False for c in locked)


def test_the_instructors_solutions_score_full_marks(made):
    _, display, keys, nb = made
    cells = {c.id: c for c in nb.cells}
    for q in display["questions"]:
        if q["type"] == "essay":
            continue
        source = cells[answer_id(q["qid"])].source
        assert build.BEGIN in source and build.END in source
        r = score_question(q, keys["questions"][q["qid"]], display["assignment"], build.INSTRUCTOR, source)
        assert (r.status, r.points) == ("correct", float(q["points"])), q["qid"]


def test_hidden_tests_hold_no_key(made):
    _, display, keys, nb = made
    tokens = {t for q in keys["questions"].values() for k in q.values()
              for part in ("options", "left", "right") for t in k.get(part, {})}
    for q in display["questions"]:
        if q["type"] == "essay":
            continue
        test = next(c for c in nb.cells if c.id == test_id(q["qid"])).source
        assert test == "\n".join([f'kuis.periksa("{q["qid"]}")', build.HIDDEN_BEGIN,
                                  f"from {HIDDEN_MODULE} import nilai", "", f'nilai("{q["qid"]}")',
                                  build.HIDDEN_END])
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not [t for t in tokens if t in code]
    assert "correct" not in code and "accepted" not in code


def test_the_identity_cell_asks_in_both_languages(made):
    ident = next(c for c in made[3].cells if c.id == IDENTITY).source.splitlines()
    assert ident[-2:] == ['NIM = ""', 'BAHASA = "id"']
    assert all(line.startswith("# ") and " / " in line for line in ident[:-2])


def test_an_essay_solution_is_the_model_answer_and_scheme(bank, made):
    quiz, display, _, nb = made
    essay = next(q for q in display["questions"] if q["type"] == "essay")
    item = bank.items[slot(essay, quiz["id"], build.INSTRUCTOR).item]
    text = next(c for c in nb.cells if c.id == answer_id(essay["qid"])).source
    assert item["model"]["id"] in text and item["model"]["en"] in text
    assert all(c["expect"]["en"] in text for c in item["scheme"])


def test_the_rubric_lists_each_criterion_with_its_levels(bank):
    item = next(i for i in bank.items.values() if i["type"] == "essay")
    text = build.rubric(item)
    low, high = item["words"]
    assert f"Length asked for: {low}-{high} words." in text
    assert f"Panjang yang diminta: {low}-{high} kata." in text
    for n, c in enumerate(item["scheme"], 1):
        assert f"{n}. **{c['text']['en']}**" in text and f"{n}. **{c['text']['id']}**" in text
        assert all(f"    - {level['en']}" in text for level in c["levels"])
    assert "expect" not in text and item["scheme"][0]["expect"]["en"] not in text


def test_marking_without_essays_says_so(bank):
    quiz = bank.quizzes[0]
    display = build.display_data(bank, quiz)
    display["questions"] = [q for q in display["questions"] if q["type"] != "essay"]
    text = build.marking(bank, quiz, display)
    assert text == f"# {quiz['id']}: mark schemes (instructor only, do not release)\n\n(no essay questions)\n"


def test_a_type_without_a_solution_form_is_refused():
    with pytest.raises(ValueError, match="essay"):
        build._solution(slot({"qid": "q01", "type": "essay", "points": 1, "items": [{"item": "x"}]},
                             "k", ""), {})
