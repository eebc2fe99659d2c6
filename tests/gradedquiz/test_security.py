"""Nothing released to students gives a key away: no hidden test, key, rationale or solution."""

from __future__ import annotations

import json

import nbformat
import pytest

from coursekit.gradedquiz.answers import parse_answer
from coursekit.gradedquiz.protocol import answer_id, find_cell, test_id
from tests.support.classroom import EXERCISES, bank, course_sources, run_nbgrader

QUIZZES = ("kuis-1", "kuis-2", "kuis-3")
FORBIDDEN = ["BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "BEGIN SOLUTION", "coursekit.gradedquiz.hidden",
             "nilai(", "'correct'", '"correct"', "'match'", '"match"', "accepted", "Skema penilaian",
             "Mark scheme", "Jawaban model"]


def _secrets(b, quiz_items, accepted=True):
    """Texts that would give an answer away: every rationale, model answer and mark scheme."""
    out = []
    for item in quiz_items:
        for o in item.get("options", []) + item.get("left", []):
            out += [o["why"]["id"], o["why"]["en"]]
        for key in ("why", "model"):
            if key in item:
                out += [item[key]["id"], item[key]["en"]]
        for c in item.get("scheme", []):  # the rubric (criteria, levels) is public; what earns the top is not
            out += [c["expect"]["id"], c["expect"]["en"]]
        if item["type"] == "short" and accepted:
            stems = item["stem"]["id"] + item["stem"]["en"]
            out += [a for a in item["accepted"] if a.lower() not in stems.lower()]
    return [s for s in out if len(s) > 12 or " " not in s]


def _items(b, quiz):
    q = next(q for q in b.quizzes if q["id"] == quiz)
    return [i for slot in q["questions"] for i in b.candidates(slot)]


def _scan(files: dict[str, str], secrets: list[str]):
    found = []
    for name, text in files.items():
        for s in FORBIDDEN:
            if s in text:
                found.append((name, s))
        for s in secrets:
            if s in text:
                found.append((name, s[:60]))
    return found


def test_display_data_holds_no_keys():
    """questions.json is copied into the release as is: scan it (fast)."""
    b = bank()
    for quiz in QUIZZES:
        text = (EXERCISES / "source" / quiz / "questions.json").read_text(encoding="utf-8")
        assert _scan({"questions.json": text}, _secrets(b, _items(b, quiz), accepted=False)) == []
        data = json.loads(text)
        for q in data["questions"]:
            for item in q["items"]:
                assert set(item) <= {"item", "stem", "options", "left", "right", "choose", "guidance"}
                for part in ("options", "left", "right"):
                    for e in item.get(part, []):
                        assert set(e) == {"token", "text"}
                        tokens = [x["token"] for x in item[part]]
                        assert tokens == sorted(tokens)  # the authored order is not released


@pytest.mark.slow
def test_release_gives_nothing_away(tmp_path):
    b = bank()
    course = course_sources(tmp_path)
    for quiz in QUIZZES:
        run_nbgrader(course, "generate_assignment", quiz, "--force")
        folder = course / "release" / quiz
        files = {p.name: p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}
        assert set(files) == {f"{quiz}.ipynb", "questions.json"}
        secrets = _secrets(b, _items(b, quiz), accepted=False)
        assert _scan(files, secrets) == []
        # short answers' accepted texts must not be in the notebook (display texts may share words)
        assert _scan({"nb": files[f"{quiz}.ipynb"]}, _secrets(b, _items(b, quiz))) == []
        nb = nbformat.read(folder / f"{quiz}.ipynb", as_version=4)
        disp = json.loads(files["questions.json"])
        for q in disp["questions"]:
            cell = find_cell(nb, answer_id(q["qid"]))
            if q["type"] == "essay":
                assert cell.cell_type == "markdown" and "Write your answer here" in cell.source
                continue
            assert parse_answer(cell.source).blank  # jawaban = "" and comments only
            assert find_cell(nb, test_id(q["qid"])).source.strip() == f'kuis.periksa("{q["qid"]}")'
        assert not (course / "release" / quiz / "bank").exists()
        ident = find_cell(nb, "identitas").source
        assert 'NIM = ""' in ident and 'BAHASA = "id"' in ident


def test_keys_are_not_in_the_package():
    """The installed package holds schemas and code only: no bank, no quiz list, no rationale."""
    import pathlib

    import coursekit

    pkg = pathlib.Path(coursekit.__file__).parent
    assert not list(pkg.rglob("quizzes.yaml"))
    texts = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in pkg.rglob("*")
                      if p.is_file() and p.suffix in {".yaml", ".json", ".py", ".j2"})
    rationale = [o["why"]["en"] for i in bank().items.values() for o in i.get("options", [])
                 if len(o["why"]["en"]) > 40]
    assert rationale and not [r for r in rationale if r in texts]
