from coursekit.graded.answers import canonical_source, parse_answer, parse_identity


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
