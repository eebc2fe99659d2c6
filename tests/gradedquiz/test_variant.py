from coursekit.gradedquiz import variant
from coursekit.gradedquiz.keys import display_item, item_key
from coursekit.gradedquiz.score import score_question

ITEM = {"id": "t-01", "type": "single", "points": 2, "stem": {"id": "s", "en": "s"},
        "options": [{"id": k, "text": {"id": k, "en": k}, "correct": k == "kanan",
                     "why": {"id": "w", "en": "w"}} for k in ("kanan", "kiri", "atas", "bawah")]}
POOL = [dict(ITEM, id=f"t-0{n}") for n in range(1, 4)]


def _question(items):
    return {"qid": "q01", "type": "single", "points": 2,
            "items": [display_item("kuis-x", i) for i in items]}


def test_variant_is_stable_and_differs_between_students():
    q = _question([ITEM])
    a1, a2 = variant.slot(q, "kuis-x", "111"), variant.slot(q, "kuis-x", "111")
    assert a1 == a2
    orders = {tuple(variant.slot(q, "kuis-x", str(n)).letters.values()) for n in range(40)}
    assert len(orders) > 5


def test_pool_draws_differ():
    q = _question(POOL)
    drawn = {variant.slot(q, "kuis-x", str(n)).item for n in range(40)}
    assert drawn == {"t-01", "t-02", "t-03"}


def test_scoring_by_stable_option_id():
    q = _question([ITEM])
    keys = {"t-01": item_key("kuis-x", ITEM)}
    for student in ("1", "2", "3"):
        s = variant.slot(q, "kuis-x", student)
        letter = next(k for k, t in s.letters.items() if keys["t-01"]["options"][t]["id"] == "kanan")
        for raw in (letter, letter.upper() + " ", f"({letter})", f"{letter})"):
            r = score_question(q, keys, "kuis-x", student, f"jawaban = {raw!r}")
            assert (r.points, r.status, r.chosen) == (2.0, "correct", ["kanan"])
    r = score_question(q, keys, "kuis-x", "1", 'jawaban = "z"')
    assert (r.points, r.status) == (0.0, "invalid")


def test_student_from_autograde_folder(tmp_path):
    d = tmp_path / "autograded" / "s1" / "kuis-x"
    d.mkdir(parents=True)
    assert variant.student_for("kuis-x", nim="other", cwd=d) == "s1"
    assert variant.student_for("kuis-x", nim=" 77 ", cwd=tmp_path, env={}) == "77"
    assert variant.student_for("kuis-x", nim="", cwd=tmp_path, env={"JUPYTERHUB_USER": "u"}) == "u"
    assert variant.student_for("kuis-x", cwd=tmp_path, env={}) == ""
