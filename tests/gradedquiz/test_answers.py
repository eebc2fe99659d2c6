from coursekit.gradedquiz.answers import canonical_source, parse_answer, parse_identity


def test_plain_values():
    assert parse_answer('jawaban = "b"').value == "b"
    assert parse_answer('# pilih\njawaban = ["a", "C"]  # dua\n').value == ["a", "C"]
    assert parse_answer('jawaban = {"1": "b", 2: "a"}').value == {"1": "b", "2": "a"}
    assert parse_answer('jawaban = ""').blank
    assert parse_answer("jawaban = 3").value == "3"


def test_solution_delimiters_are_comments():
    src = '# q\n### BEGIN SOLUTION\njawaban = "c"\n### END SOLUTION\n'
    assert parse_answer(src).value == "c"


def test_invalid_reasons():
    assert parse_answer('jawaban = "b').invalid == "syntax-error"
    assert parse_answer('jawaban = __import__("os").system("true")').invalid == "not-a-value"
    assert parse_answer("while True:\n    pass").invalid == "no-answer"
    assert parse_answer('jawaban = "a"\nprint(jawaban)').invalid == "several-statements"
    assert parse_answer("jawaban = [1, [2]]").invalid == "wrong-type"
    assert parse_answer(None).invalid == "answer-cell-missing"
    assert parse_answer("jawaban = 'x'" + " " * 200_000).invalid == "too-long"


def test_marker_round_trip():
    bad = parse_answer("jawaban = foo()")
    assert parse_answer(canonical_source(bad, "# hint")).invalid == "not-a-value"
    good = parse_answer('jawaban = ["a"]')
    assert parse_answer(canonical_source(good)).value == ["a"]


def test_identity():
    assert parse_identity('NIM = " 123 "\nBAHASA = "en"') == {"NIM": "123", "BAHASA": "en"}
    assert parse_identity('NIM = "9"\nBAHASA = "en"\nimport os') == {"NIM": "9", "BAHASA": "en"}
    assert parse_identity(None) == {"NIM": "", "BAHASA": ""}


def test_every_smuggling_form_is_refused():
    """Issue 8, finding 1: none of these is a plain answer (the guard then writes a marker)."""
    from tests.support.classroom import SMUGGLING

    for name, form in SMUGGLING.items():
        answer = parse_answer(form.format(c="x"))
        assert not answer.ok, name
    assert parse_answer('jawaban: str = "b"').invalid == "not-a-value"  # annotations are code


def test_bounded_input_in_linear_time():
    """Issue 8, finding 5: a 100,000-character letter answer is refused unread, a long text is
    too long, a 5,000-digit number is the wrong type (not a crash); all fast."""
    import time

    t0 = time.perf_counter()
    assert parse_answer('jawaban = "' + "b" * 100_000 + '"').invalid == "too-long"
    assert parse_answer('jawaban = "' + "b" * 5_000 + '"').invalid == "too-long"
    assert parse_answer("jawaban = 0x" + "f" * 5_000).invalid == "wrong-type"
    assert parse_answer("jawaban = [" + "[" * 5_000 + "]" * 5_001).invalid in ("not-a-value",
                                                                            "syntax-error")
    assert time.perf_counter() - t0 < 2


def test_lone_surrogate_is_an_answer():
    assert parse_answer('jawaban = "\\ud800"').value == "\ud800"


def test_echo_is_one_short_line():
    from coursekit.gradedquiz.answers import ECHO, echo

    assert len(echo("b" * 100_000)) == ECHO
    assert "\n" not in echo("a\nb")


def test_the_longest_answer_allowed_scores_fast():
    import time

    from coursekit import scoring
    from coursekit.gradedquiz.answers import MAX_TEXT

    t0 = time.perf_counter()
    scoring.parse_letter("b" * MAX_TEXT)
    scoring.score_short("b" * MAX_TEXT, ["komunitas"], 1)
    assert time.perf_counter() - t0 < 1


def test_keys_are_found_beside_source_never_in_the_students_folder(tmp_path):
    from coursekit.gradedquiz.runtime import keys_file

    course = tmp_path / "course"
    (course / "keys").mkdir(parents=True)
    (course / "keys" / "kuis-1.json").write_text("{}")
    student = course / "autograded" / "s1" / "kuis-1"
    (student / "keys").mkdir(parents=True)
    (student / "keys" / "kuis-1.json").write_text("{}")  # planted by the student: never read
    assert keys_file("kuis-1", cwd=student, env={}) == course / "keys" / "kuis-1.json"
    (course / "source" / "kuis-1").mkdir(parents=True)
    assert keys_file("kuis-1", cwd=course / "source" / "kuis-1", env={}) == \
        course / "keys" / "kuis-1.json"
    assert keys_file("kuis-1", cwd=tmp_path, env={}) is None
    assert keys_file("kuis-1", cwd=tmp_path, env={"COURSEKIT_KEYS": str(course / "keys")}) == \
        course / "keys" / "kuis-1.json"
