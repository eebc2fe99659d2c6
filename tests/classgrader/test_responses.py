"""responses.py on its own: a quiz notebook becomes one row per question (stable option ids, never
letters; the variant code; essays left for the lecturer), scored with the graded quizzes' keys
read from keys/ beside source/; and every bank item of the quiz as the item analysis needs it."""

from __future__ import annotations

import copy
import json
import shutil

import nbformat
import pytest

from coursekit.classgrader import responses
from coursekit.gradedquiz.keys import display_item, item_key
from coursekit.gradedquiz.protocol import answer_id, find_cell
from coursekit.gradedquiz.variant import fingerprint
from tests.support import classroom

QUIZ = "kuis-1"
SOURCE = classroom.EXERCISES / "source" / QUIZ
STUDENT = "23015555"


@pytest.fixture(scope="module")
def master_nb():
    return nbformat.read(SOURCE / f"{QUIZ}.ipynb", as_version=4)


def answered(master_nb, answers, student=STUDENT):
    return classroom.fill(copy.deepcopy(master_nb), answers, student)


def rows_of(nb, student=STUDENT):
    return {r.question: r for r in responses.from_notebook(SOURCE, QUIZ, student, nb)}


def test_keys_come_from_the_keys_folder_beside_source():
    display, keys = responses.master(SOURCE)
    assert display["assignment"] == QUIZ
    saved = json.loads((classroom.EXERCISES / "keys" / f"{QUIZ}.json").read_text(encoding="utf-8"))
    assert keys == saved["questions"]
    assert set(keys) == {q["qid"] for q in display["questions"] if q["type"] != "essay"}


def test_without_the_keys_file_the_error_names_it(tmp_path):
    course = classroom.course_sources(tmp_path)
    (course / "keys" / f"{QUIZ}.json").unlink()
    with pytest.raises(FileNotFoundError, match=f"keys/{QUIZ}.json"):
        responses.master(course / "source" / QUIZ)


def test_right_answers_are_rows_of_stable_ids(master_nb):
    right = classroom.right_answers(classroom.EXERCISES, QUIZ, STUDENT)
    rows = rows_of(answered(master_nb, right))
    assert list(rows) == [f"q{n:02d}" for n in range(1, 19)]
    display, keys = responses.master(SOURCE)
    for q in display["questions"]:
        r = rows[q["qid"]]
        assert (r.student, r.variant) == (STUDENT, fingerprint(display, STUDENT))
        if q["type"] == "essay":
            assert (r.score, r.max, r.chosen, r.status) == (None, 6.0, (), "manual")
            continue
        key = keys[q["qid"]][r.item]
        assert (r.score, r.status) == (r.max, "correct")
        if q["type"] in ("single", "multiple"):
            assert set(r.chosen) == {o["id"] for o in key["options"].values() if o["correct"]}
        elif q["type"] == "matching":
            right_ids = {t: e["id"] for t, e in key["right"].items()}
            assert set(r.chosen) == {f"{e['id']}={right_ids[e['match']]}" for e in key["left"].values()}
        elif q["type"] == "short":
            assert r.chosen == (right[q["qid"]],)


def test_wrong_and_blank_answers(master_nb):
    wrong = rows_of(answered(master_nb, classroom.wrong_answers(classroom.EXERCISES, QUIZ, STUDENT)))
    assert all(r.score == 0 and r.status == "incorrect" for q, r in wrong.items() if q != "q18")
    blank = rows_of(answered(master_nb, {f"q{n:02d}": "" for n in range(1, 18)}))
    assert all(r.score == 0 and r.status == "blank" and not any(r.chosen) for q, r in blank.items()
               if q != "q18")  # a blank true/false or short answer: ('',), see test_score


def test_only_the_last_code_cell_of_an_answer_counts(master_nb):
    right = classroom.right_answers(classroom.EXERCISES, QUIZ, STUDENT)
    nb = answered(master_nb, right)
    cell = find_cell(nb, answer_id("q01"))
    early = copy.deepcopy(cell)
    early.source = 'jawaban = "zz"'
    nb.cells.insert(nb.cells.index(cell), early)  # a duplicate before: the last one is read
    assert rows_of(nb)["q01"].status == "correct"
    cell.cell_type = "markdown"  # the last one is not code any more: no answer
    assert (rows_of(nb)["q01"].status, rows_of(nb)["q01"].score) == ("invalid", 0.0)
    nb.cells.remove(cell)
    nb.cells.remove(early)
    assert rows_of(nb)["q01"].status == "invalid"


def test_each_student_gets_their_own_variant_code(master_nb):
    a = rows_of(answered(master_nb, {}), "23010001")
    b = rows_of(answered(master_nb, {}), "23010002")
    assert len({r.variant for r in a.values()}) == 1
    assert a["q01"].variant != b["q01"].variant


# items

def test_every_candidate_item_is_there_with_its_key():
    display, keys = responses.master(SOURCE)
    got = responses.items(SOURCE)
    assert set(got) == {c["item"] for q in display["questions"] for c in q["items"]}
    for q in display["questions"]:
        for cand in q["items"]:
            item, key = got[cand["item"]], keys.get(q["qid"], {}).get(cand["item"])
            assert item.text == cand["stem"]
            if q["type"] in ("single", "multiple"):
                assert item.options == tuple(key["order"])  # the authored order, not the tokens'
                assert set(item.key) == {o["id"] for o in key["options"].values() if o["correct"]}
                assert set(item.option_text) == set(item.options)
                assert all(set(t) == {"id", "en"} for t in item.option_text.values())
            elif q["type"] == "matching":
                assert item.options == tuple(key["order"])
                assert len(item.key) == len(key["left"]) and all("=" in k for k in item.key)
            else:
                assert (item.options, item.key) == ((), ())
            kind = {"true-false": "truefalse"}.get(q["type"], q["type"])
            assert (item.kind, item.max) == (kind, float(q["points"]))
            assert not item.classification


def test_single_choice_over_the_categories_of_a_matching_item_classifies(tmp_path):
    """An item asking for one strategy of those a matching item pairs with cases feeds the
    confusion matrix."""
    text = {"id": "t", "en": "t"}
    why = {"id": "w", "en": "w"}
    match = {"id": "x-match", "type": "matching", "points": 2, "stem": text,
             "left": [{"id": c, "text": text, "match": s, "why": why}
                      for c, s in (("a", "konflik"), ("b", "konsensus"))],
             "right": [{"id": s, "text": text} for s in ("konflik", "konsensus", "kombinasi")]}
    classify = {"id": "x-class", "type": "single", "points": 1, "stem": text,
                "options": [{"id": s, "text": text, "correct": s == "konflik", "why": why}
                            for s in ("konflik", "kombinasi")]}
    plain = dict(classify, id="x-plain", options=[dict(o, id=o["id"] + "-x") for o in classify["options"]])
    qs = [("q01", match), ("q02", classify), ("q03", plain)]
    source = tmp_path / "course" / "source" / "k"
    source.mkdir(parents=True)
    (source / "questions.json").write_text(json.dumps({"assignment": "k", "questions": [
        {"qid": qid, "type": i["type"], "points": i["points"], "items": [display_item("k", i)]}
        for qid, i in qs]}))
    (tmp_path / "course" / "keys").mkdir()
    (tmp_path / "course" / "keys" / "k.json").write_text(json.dumps({"questions": {
        qid: {i["id"]: item_key("k", i)} for qid, i in qs}}))
    got = responses.items(source)
    assert got["x-class"].classification and not got["x-plain"].classification
    assert got["x-match"].options == ("konflik", "konsensus", "kombinasi")
    assert got["x-match"].key == ("a=konflik", "b=konsensus")
    assert got["x-class"].key == ("konflik",)


def test_an_item_without_a_key_is_listed_without_options(tmp_path):
    course = classroom.course_sources(tmp_path)
    path = course / "keys" / f"{QUIZ}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["questions"]["q01"]
    path.write_text(json.dumps(data))
    got = responses.items(course / "source" / QUIZ)
    display, _ = responses.master(course / "source" / QUIZ)
    for cand in display["questions"][0]["items"]:
        assert (got[cand["item"]].options, got[cand["item"]].key) == ((), ())
    shutil.rmtree(course)
