"""feedback.py on its own: the feedback lines the hidden test prints for one graded answer, for
every question type and both languages (status and points, the student's own item and letters,
the rationale from the keys file, the scoring rule for partial credit), and a reason for every
answer that could not be read."""

from __future__ import annotations

import pytest

from coursekit.classgrader.responses import master
from coursekit.gradedquiz.answers import REASONS
from coursekit.gradedquiz.feedback import explain, reason
from coursekit.gradedquiz.score import score_question
from coursekit.gradedquiz.variant import slot
from coursekit.strings import pick, say
from tests.support import classroom

QUIZ = "kuis-1"
STUDENT = "23010042"
DISPLAY, KEYS = master(classroom.EXERCISES / "source" / QUIZ)
RIGHT = classroom.right_answers(classroom.EXERCISES, QUIZ, STUDENT)
WRONG = classroom.wrong_answers(classroom.EXERCISES, QUIZ, STUDENT)
BY_TYPE = {}
for _q in DISPLAY["questions"]:
    BY_TYPE.setdefault(_q["type"], _q)
TYPES = ["single", "multiple", "true-false", "matching", "short"]
WORDS = {"en": {"correct": "Correct", "incorrect": "Incorrect", "of": "of", "points": "points"},
         "id": {"correct": "Benar", "incorrect": "Belum tepat", "of": "dari", "points": "poin"}}


def lines(kind: str, source: str | None, lang: str, student: str = STUDENT):
    q = BY_TYPE[kind]
    keys = KEYS[q["qid"]]
    result = score_question(q, keys, QUIZ, student, source)
    return result, explain(result, q, keys, slot(q, QUIZ, student), lang)


def key_of(kind: str, student: str = STUDENT) -> dict:
    q = BY_TYPE[kind]
    return KEYS[q["qid"]][slot(q, QUIZ, student).item]


def rationale(kind: str, lang: str) -> list[str]:
    """Every rationale of the student's item, in lang, as the text wraps it (first words)."""
    k = key_of(kind)
    whys = [o["why"] for o in k.get("options", {}).values()] + \
        [e["why"] for e in k.get("left", {}).values()] + ([k["why"]] if "why" in k else [])
    return [" ".join(pick(w, lang).split()[:4]) for w in whys]


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("kind", TYPES)
def test_a_right_answer_says_so_with_points_and_rationale(kind, lang):
    result, out = lines(kind, f"jawaban = {RIGHT[BY_TYPE[kind]['qid']]!r}", lang)
    w = WORDS[lang]
    points = f"{result.max_points:g}"
    assert out[0] == f"✔ {result.qid}: {w['correct']} ({points} {w['of']} {points} {w['points']})"
    text = " ".join(" ".join(out).split())
    assert any(r in text for r in rationale(kind, lang))
    assert all("✘" not in line for line in out)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("kind", TYPES)
def test_a_wrong_answer_shows_what_was_right(kind, lang):
    result, out = lines(kind, f"jawaban = {WRONG[BY_TYPE[kind]['qid']]!r}", lang)
    w = WORDS[lang]
    assert out[0].startswith(f"✘ {result.qid}: {w['incorrect']} (0 {w['of']} ")
    assert any(line.startswith("✘ ") for line in out[1:])  # what the student said
    right = {"en": ("The right answer", "Right match", "Model answer"),
             "id": ("Jawaban yang tepat", "Pasangan yang tepat", "Jawaban contoh")}[lang]
    assert any(line.lstrip("✔✘ ").startswith(right) for line in out[1:])


@pytest.mark.parametrize("kind", ["single", "multiple", "matching"])
def test_choices_are_shown_with_the_students_own_letters_and_item(kind):
    q = BY_TYPE[kind]
    s = slot(q, QUIZ, STUDENT)
    item = next(i for i in q["items"] if i["item"] == s.item)
    text = {e["token"]: e["text"]["en"] for part in ("options", "right") for e in item.get(part, [])}
    _, out = lines(kind, f"jawaban = {RIGHT[q['qid']]!r}", "en")
    joined = "\n".join(out)
    if kind == "matching":
        assert all(f"→ {text[tok]}" in joined for tok in s.right.values())
    else:
        assert all(f"{letter}) {text[s.letters[letter]]}" in joined for letter in RIGHT[q["qid"]])


def test_only_the_students_pool_item_is_explained():
    q = next(q for q in DISPLAY["questions"] if len(q["items"]) > 1 and q["type"] == "single")
    seen = set()
    for student in (f"2301{n:04d}" for n in range(1, 9)):
        s = slot(q, QUIZ, student)
        seen.add(s.item)
        result = score_question(q, KEYS[q["qid"]], QUIZ, student, 'jawaban = ""')
        joined = "\n".join(explain(result, q, KEYS[q["qid"]], s, "en"))
        for item in q["items"]:
            texts = [e["text"]["en"] for e in item["options"]]
            if item["item"] == s.item:
                assert any(t in joined for t in texts)
            else:
                assert not any(t in joined for t in texts)
    assert len(seen) == len(q["items"])  # both pool items were drawn


@pytest.mark.parametrize("kind, rule", [("multiple", "multiple"), ("matching", "matching")])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_partial_credit_types_state_their_scoring_rule(kind, rule, lang):
    _, out = lines(kind, f"jawaban = {RIGHT[BY_TYPE[kind]['qid']]!r}", lang)
    words = " ".join(say(f"gradedquiz.fb.rule.{rule}", lang).split()[:5])
    assert words in " ".join(" ".join(out).split())


@pytest.mark.parametrize("kind", ["single", "true-false", "short"])
def test_all_or_nothing_types_have_no_rule(kind):
    _, out = lines(kind, f"jawaban = {RIGHT[BY_TYPE[kind]['qid']]!r}", "en")
    assert "Scoring rule" not in "\n".join(out)


SOURCES = {  # answer-cell sources that cannot be read, by the reason the parser gives
    "syntax-error": 'jawaban = "b',
    "no-answer": "# nothing here",
    "several-statements": 'jawaban = "a"\nx = 1',
    "not-a-value": "jawaban = len('a')",
    "wrong-type": "jawaban = [1, [2]]",
    "too-long": "jawaban = '" + "a" * 20_001 + "'",
    "answer-cell-missing": None,
}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("why", sorted(SOURCES))
def test_an_unreadable_answer_gets_its_reason(why, lang):
    result, out = lines("single", SOURCES[why], lang)
    assert (result.status, result.detail) == ("invalid", why)
    assert out[0].startswith(f"? {result.qid}: ")
    assert out[1] == "  " + say(f"gradedquiz.invalid.{why}", lang)


@pytest.mark.parametrize("kind, source, en", [
    ("single", 'jawaban = "zz"', "letter zz is not one of the options."),
    ("multiple", 'jawaban = ["a", "q"]', "letter q is not one of the options."),
    ("true-false", 'jawaban = "mungkin"', '"mungkin" is not "true" or "false".'),
    ("matching", 'jawaban = {"9": "z"}', "pair 9-z does not use the numbers and letters shown."),
    ("matching", 'jawaban = ["a"]', 'the answer must be pairs, e.g. {"1": "b"}.'),
])
def test_an_answer_outside_the_question_gets_its_reason(kind, source, en):
    result, out = lines(kind, source, "en")
    assert result.status == "invalid"
    assert out[1] == "  " + en


def test_every_reason_the_parser_gives_has_words():
    for name in REASONS:
        for lang in ("en", "id"):
            assert reason(name, lang) == say(f"gradedquiz.invalid.{name}", lang)


def test_an_unknown_reason_reads_as_not_a_value():
    for detail in ("", None, "weird", "weird:thing"):
        assert reason(detail, "en") == say("gradedquiz.invalid.not-a-value", "en")


def test_a_students_text_in_a_reason_is_cut_short():
    said = reason("unknown-option:" + "x" * 500, "en")
    assert said.startswith("letter xxx") and said.endswith("... is not one of the options.")
    assert len(said) < 80


@pytest.mark.parametrize("lang, model, wrong", [("en", "Model answer", "wrong"),
                                                ("id", "Jawaban contoh", "tidak tepat")])
def test_a_wrong_short_answer_never_calls_the_model_answer_wrong(lang, model, wrong):
    _, out = lines("short", 'jawaban = "tidak tahu"', lang)
    assert not any(line.startswith(f"✘ {model} ({wrong})") for line in out)
