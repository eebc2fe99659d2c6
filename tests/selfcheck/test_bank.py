"""The compiled self-check questions: display data per type, the key recovered only to score, and the
feedback notes of each type (which options get a note, with which rationale), in both languages."""

from __future__ import annotations

import pytest
import yaml

from coursekit.selfcheck import build
from coursekit.selfcheck.bank import Question, available, load

LANGS = ["id", "en"]


def _source(module: str) -> dict:
    path = build.LESSONS / "selfcheck" / f"{module}.yaml"
    return {q["id"]: q for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]}


def _questions(module: str) -> list[Question]:
    data = load(module)
    return [Question(q, data["salt"]) for q in data["questions"]]


def _first(module: str, kind: str) -> tuple[Question, dict]:
    q = next(q for q in _questions(module) if q.type == kind)
    return q, _source(module)[q.id]


def _letter(q: Question, src_option: dict, lang: str = "en") -> str:
    """The letter a source option is shown under (found by its text, not by the compiled key)."""
    return next(i for i, t in q.options(lang) if t == src_option["text"][lang])


def test_available_lists_the_module_quizzes_not_the_vignettes():
    assert available() == build.MODULES
    assert load("vignettes")["vignettes"]  # the classifier's data loads the same way, unlisted


def test_an_unknown_quiz_names_the_known_ones():
    with pytest.raises(LookupError) as err:
        load("m10")
    assert "self-check quiz 'm10'" in str(err.value) and "m1" in str(err.value)


@pytest.mark.parametrize("module", build.MODULES)
def test_display_data_has_letters_numbers_and_no_key(module):
    src = _source(module)
    for q in _questions(module):
        for lang in LANGS:
            assert q.prompt(lang) == src[q.id]["stem"][lang]
        letters = [i for i, _ in q.options("en")]
        if q.type in ("single", "multiple", "matching"):
            assert letters == list("abcdefghijklmnopqrstuvwxyz"[: len(letters)])
        else:
            assert letters == []
        if q.type == "matching":
            assert [i for i, _ in q.items("en")] == [str(n) for n in range(1, len(src[q.id]["left"]) + 1)]
        else:
            assert q.items("en") == []
        shown = repr(q.data)
        assert "correct" not in shown and "accepted" not in shown  # keys travel as marks only


@pytest.mark.parametrize("lang", LANGS)
def test_single_choice_notes_the_choice_and_when_wrong_the_right_option(lang):
    q, src = _first("m1", "single")
    right = next(o for o in src["options"] if o.get("correct"))
    wrong = next(o for o in src["options"] if not o.get("correct"))
    fb = q.feedback(_letter(q, right, lang), lang)
    assert fb.correct
    assert [(n.about, n.ok, n.text) for n in fb.notes] == [("chosen", True, right["why"][lang])]
    fb = q.feedback(_letter(q, wrong, lang).upper(), lang)  # a letter in capitals is read as well
    assert fb.status == "incorrect" and fb.points == 0
    assert {(n.about, n.ok, n.text) for n in fb.notes} == {
        ("chosen", False, wrong["why"][lang]), ("right", True, right["why"][lang])}
    shown = {f"{_letter(q, o, lang)}) {o['text'][lang]}" for o in (right, wrong)}
    assert {n.label for n in fb.notes} == shown


def test_multiple_choice_notes_every_chosen_and_every_right_option():
    q, src = _first("m1", "multiple")
    right = [o for o in src["options"] if o.get("correct")]
    wrong = next(o for o in src["options"] if not o.get("correct"))
    given = [_letter(q, right[0]), _letter(q, wrong)]
    fb = q.feedback(given, "en")
    notes = {n.label.split(")")[0]: n for n in fb.notes}
    assert set(notes) == {_letter(q, o) for o in right} | {_letter(q, wrong)}
    assert notes[_letter(q, wrong)].about == "chosen" and notes[_letter(q, wrong)].ok is False
    assert notes[_letter(q, right[0])].about == "chosen" and notes[_letter(q, right[0])].ok is True
    assert all(notes[_letter(q, o)].about == "right" for o in right[1:])
    assert fb.status in ("partial", "incorrect") and fb.points < fb.max_points


@pytest.mark.parametrize("lang", LANGS)
def test_true_false_notes_what_was_said_and_the_right_value(lang):
    q, src = _first("m1", "true-false")
    said_right = "benar" if src["answer"] else "salah"
    said_wrong = "salah" if src["answer"] else "benar"
    why = {True: src["if_true"][lang], False: src["if_false"][lang]}
    fb = q.feedback(said_right, lang)
    assert fb.correct and [(n.about, n.text) for n in fb.notes] == [("chosen", why[src["answer"]])]
    fb = q.feedback(said_wrong, lang)
    assert not fb.correct
    assert [(n.about, n.ok, n.text) for n in fb.notes] == [
        ("chosen", False, why[not src["answer"]]), ("right", True, why[src["answer"]])]


def test_matching_notes_each_item_and_the_right_match_of_a_wrong_one():
    q, src = _first("m1", "matching")
    by_text = {t: i for i, t in q.options("en")}
    right = {str(n): by_text[next(c["text"]["en"] for c in src["right"] if c["id"] == p["match"])]
             for n, p in enumerate(src["left"], 1)}
    other = next(i for i, _ in q.options("en") if i != right["1"])
    fb = q.feedback({"1": other, "2": right["2"]}, "en")
    assert fb.status == "partial" and len(fb.notes) == len(right)
    first, second, *rest = fb.notes
    assert first.ok is False and first.right == dict(q.options("en"))[right["1"]]
    assert second.ok is True and second.right == ""
    assert all(n.ok is False and n.label.endswith("→ —") for n in rest)  # not matched: a dash
    assert [n.text for n in fb.notes] == [p["why"]["en"] for p in src["left"]]


@pytest.mark.parametrize("lang", LANGS)
def test_short_answer_note_gives_the_model_answer_and_whether_it_was_accepted(lang):
    q, src = _first("m1", "short")
    model = src.get("model", {"id": src["accepted"][0], "en": src["accepted"][0]})[lang]
    fb = q.feedback(f"  {src['accepted'][0].upper()}!", lang)
    assert fb.correct and [(n.about, n.label, n.ok, n.text) for n in fb.notes] == [
        ("answer", model, True, src["why"][lang])]
    fb = q.feedback("something else entirely", lang)
    assert fb.status == "incorrect" and fb.notes[0].ok is False and fb.notes[0].label == model


@pytest.mark.parametrize(("kind", "unreadable"), [
    ("single", "z"), ("multiple", ["a", "z"]), ("true-false", "maybe"), ("matching", {"1": "zz"}),
])
def test_blank_and_unreadable_answers_get_a_status_and_no_notes(kind, unreadable):
    q, _src = _first("m1", kind)
    for raw, status in ((None, "blank"), (unreadable, "invalid")):
        fb = q.feedback(raw, "en")
        assert fb.status == status and fb.points == 0 and fb.notes == []
        assert "points" not in fb.text  # nothing was scored, so no "0 of 1 points"
    assert "could not be read" in q.feedback(unreadable, "en").text
    assert "Jawaban tidak dapat dibaca" in q.feedback(unreadable, "id").text


@pytest.mark.parametrize("module", ["m2", "m7"])
def test_both_languages_score_alike_and_word_the_notes_in_their_own(module):
    for q in _questions(module):
        first = q.options("en")[0][0] if q.options("en") else "benar"
        raw = {"1": first} if q.type == "matching" else first
        fid, fen = q.feedback(raw, "id"), q.feedback(raw, "en")
        assert (fid.status, fid.points, len(fid.notes)) == (fen.status, fen.points, len(fen.notes))
        assert [n.text for n in fid.notes] != [n.text for n in fen.notes] or not fid.notes
