"""Generate the nbgrader source notebooks and display data from the bank (`coursekit build`).

For each quiz: ``exercises/source/<quiz>/<quiz>.ipynb`` (instructor version: solutions for the
instructor variant, hidden tests ``nilai("qNN")`` that hold no keys) and ``questions.json``
(display data, no keys), the keys as data in ``exercises/keys/<quiz>.json`` (instructor-only,
outside the assignment folder, so never released nor copied into a student's autograded or
feedback folder; the hidden tests, the class grader and the feedback read it), plus the essay
mark schemes in ``exercises/marking/<quiz>.md`` (instructor-only, not released).
Output is deterministic, so ``--check`` can tell whether the files are stale.
"""

from __future__ import annotations

import json

import nbformat

from ..strings import say
from .bank import Bank
from .keys import display_item, item_key
from .protocol import HIDDEN_MODULE, IDENTITY, QUIZ_MODULE, answer_id, render_id, rubric_id, test_id
from .variant import slot

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
HOW = {"single": "choose-one", "multiple": "choose-several", "true-false": "true-false",
       "matching": "matching", "short": "short", "essay": "essay"}
INSTRUCTOR = ""  # the instructor variant: student id ''


def display_data(bank: Bank, quiz: dict) -> dict:
    questions = []
    for n, q in enumerate(quiz["questions"], 1):
        items = bank.candidates(q)
        questions.append({"qid": f"q{n:02d}", "type": items[0]["type"], "points": items[0]["points"],
                          "items": [display_item(quiz["id"], i) for i in items]})
    return {"format": 1, "assignment": quiz["id"], "title": quiz["title"], "questions": questions}


def keys_for(bank: Bank, quiz: dict, question: dict) -> dict:
    return {i["item"]: item_key(quiz["id"], bank.items[i["item"]]) for i in question["items"]}


def key_data(bank: Bank, quiz: dict, display: dict) -> dict:
    """The keys file of a quiz: {qid: {item: key}} for every auto-graded question."""
    return {"format": 1, "assignment": quiz["id"],
            "questions": {q["qid"]: keys_for(bank, quiz, q) for q in display["questions"]
                          if q["type"] != "essay"}}


def outputs(bank: Bank, quiz: dict) -> dict[str, str]:
    """Relative path -> file text for one quiz."""
    display = display_data(bank, quiz)
    nb = notebook(bank, quiz, display)
    qdir = f"source/{quiz['id']}"
    return {f"{qdir}/{quiz['id']}.ipynb": nbformat.writes(nb) + "\n",
            f"{qdir}/questions.json": json.dumps(display, ensure_ascii=False, indent=1,
                                                 sort_keys=True) + "\n",
            f"keys/{quiz['id']}.json": json.dumps(key_data(bank, quiz, display), ensure_ascii=False,
                                                  indent=1, sort_keys=True) + "\n",
            f"marking/{quiz['id']}.md": marking(bank, quiz, display)}


def all_outputs(bank: Bank) -> dict[str, str]:
    out = {}
    for quiz in bank.quizzes:
        out.update(outputs(bank, quiz))
    return out


def _both(key: str, **f) -> str:
    return f"{say('gradedquiz.' + key, 'id', **f)} / {say('gradedquiz.' + key, 'en', **f)}"


def _meta(gid: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    meta = {"grade": grade, "grade_id": gid, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta, **({"editable": False, "deletable": False} if locked else {})}


def _cell(kind: str, gid: str, source: str, **meta):
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    cell = make(source)
    cell.id = gid
    cell.metadata = _meta(gid, **meta)
    return cell


def notebook(bank: Bank, quiz: dict, display: dict):
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                  "name": "python3"},
                   "language_info": {"name": "python"}}
    intro = "\n\n".join([f"# {quiz['title']['id']}", quiz["intro"]["id"], "---",
                         f"# {quiz['title']['en']}", quiz["intro"]["en"]])
    cells = [
        _cell("markdown", "judul", intro, locked=True),
        _cell("code", "persiapan", f"from {QUIZ_MODULE} import kuis\n\nkuis = kuis()", locked=True),
        _cell("code", IDENTITY, "\n".join([
            f"# {_both('identity.title')}",
            f"# {_both('identity.nim')}",
            f"# {_both('identity.lang')}",
            'NIM = ""',
            'BAHASA = "id"']), solution=True),
    ]
    for q in display["questions"]:
        qid, kind, points = q["qid"], q["type"], q["points"]
        cells.append(_cell("code", render_id(qid), f'kuis.tampilkan("{qid}")', locked=True))
        if kind == "essay":
            item = bank.items[slot(q, quiz["id"], INSTRUCTOR).item]
            cells.append(_cell("markdown", rubric_id(qid), rubric(item), locked=True))  # H-keys
            cells.append(_cell("markdown", answer_id(qid), _essay_solution(item), solution=True,
                               grade=True, points=points))
            continue
        s = slot(q, quiz["id"], INSTRUCTOR)
        keys = keys_for(bank, quiz, q)
        head = [f"# JAWABAN {qid} / ANSWER {qid}", f"# {_both(HOW[kind])}"]
        cells.append(_cell("code", answer_id(qid), "\n".join(
            [*head, BEGIN, f"jawaban = {_solution(s, keys[s.item])!r}", END]), solution=True))
        test = "\n".join([f'kuis.periksa("{qid}")', HIDDEN_BEGIN,
                          f"from {HIDDEN_MODULE} import nilai", "",
                          f'nilai("{qid}")', HIDDEN_END])
        cells.append(_cell("code", test_id(qid), test, grade=True, locked=True, points=points))
    cells.append(_cell("markdown", "selesai", "\n\n".join(
        [say("gradedquiz.done", "id"), "---", say("gradedquiz.done", "en")]), locked=True))
    nb.cells = cells
    return nb


def _solution(s, key: dict):
    if s.type == "single":
        return next(x for x, t in s.letters.items() if key["options"][t]["correct"])
    if s.type == "multiple":
        return sorted(x for x, t in s.letters.items() if key["options"][t]["correct"])
    if s.type == "true-false":
        return say("gradedquiz.true" if key["answer"] else "gradedquiz.false", "id")
    if s.type == "short":
        return key["accepted"][0]
    if s.type == "matching":
        back = {t: x for x, t in s.right.items()}
        return {num: back[key["left"][t]["match"]] for num, t in s.left.items()}
    raise ValueError(s.type)


def _essay_solution(item: dict) -> str:
    lines = [f"**{_both('model-answer')}**", "", item["model"]["id"], "", item["model"]["en"], "",
             f"**{_both('mark-scheme')}**", ""]
    lines += [f"- ({c['points']:g}) {c['text']['id']}: {c['expect']['id']} / {c['text']['en']}: "
              f"{c['expect']['en']}" for c in item["scheme"]]
    return "\n".join(lines)


def rubric(item: dict) -> str:
    """The analytic rubric of a hand-graded question, both languages (no model answer: released)."""
    low, high = item["words"]
    lines = []
    for lang in ("id", "en"):
        words = say("gradedquiz.rubric.words", lang, low=low, high=high)
        lines += [f"**{say('gradedquiz.rubric.title', lang)}** {words}", ""]
        for n, c in enumerate(item["scheme"], 1):
            lines.append(f"{n}. **{c['text'][lang]}**")
            lines += [f"    - {level[lang]}" for level in c["levels"]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def marking(bank: Bank, quiz: dict, display: dict) -> str:
    """The essays' mark schemes for formgrader, instructor-only."""
    lines = [f"# {say('gradedquiz.marking.title', 'en', quiz=quiz['id'])}", ""]
    for q in display["questions"]:
        if q["type"] != "essay":
            continue
        for cand in q["items"]:
            item = bank.items[cand["item"]]
            lines += [f"## {q['qid']} ({item['id']}, {item['points']:g} points)", "",
                      item["stem"]["id"], "", item["stem"]["en"], "", f"### {_both('scheme')}", ""]
            for c in item["scheme"]:
                lines += [f"- ({c['points']:g}) {c['text']['id']} / {c['text']['en']}",
                          f"    - {c['expect']['id']}", f"    - {c['expect']['en']}"]
            lines += ["", f"### {_both('rubric.as-seen')}", "", rubric(item)]
            lines += ["", f"### {_both('model-answer')}", "", item["model"]["id"], "",
                      item["model"]["en"], ""]
    if len(lines) == 2:
        lines.append("(no essay questions)")
    return "\n".join(lines) + "\n"
