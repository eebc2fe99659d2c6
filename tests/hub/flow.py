"""The class, as people drive it over HTTP: the lecturer releases a quiz through the formgrader
API of the course's grader service; each student fetches it, answers in their own server's
notebook (contents API) and submits through the assignment-list API; the lecturer collects,
grades with `coursekit grade` in a terminal of the grader service, generates and releases
feedback; each student fetches their own feedback."""

from __future__ import annotations

import copy
import csv
import io
import json
from dataclasses import dataclass, field

from tests.support.classroom import EXERCISES, Raw, fill, right_answers, wrong_answers

from .hub import Client, Course, Hub, log_tail

QUIZ = "kuis-1"


@dataclass
class Run:
    course: Course
    lecturer: Client
    students: dict = field(default_factory=dict)   # name -> Client
    answers: dict = field(default_factory=dict)    # name -> {qid: value}
    expected: dict = field(default_factory=dict)   # name -> {qid: "right" | "wrong" | "by-hand"}
    grade_output: str = ""
    items_csv: str = ""
    feedback: dict = field(default_factory=dict)   # name -> feedback HTML
    canary: str = ""

    def misgraded(self) -> list[dict]:
        """Rows of the item export that do not score as answered (full marks for a right answer,
        0 for a wrong one), and a row for any student the export misses or adds."""
        rows = list(csv.DictReader(io.StringIO(self.items_csv)))
        bad = [{"students": sorted({r["student_id"] for r in rows} ^ set(self.students))}]
        bad = [b for b in bad if b["students"]]
        for r in rows:
            want = self.expected[r["student_id"]][r["question"]]
            score, top = float(r["score"] or 0), float(r["max_score"])
            if not ((score == top) if want == "right" else (score == 0)):
                bad.append(r)
        return bad


def plan(course: Course, hub: Hub) -> tuple[dict, dict, dict]:
    """Each student's answers (right, wrong, mixed, hostile) and what the grader must give."""
    answers, expected, nims = {}, {}, {}
    canary = str(hub.exchange / "CANARY-executed")
    disp = json.loads((EXERCISES / "source" / QUIZ / "questions.json").read_text(encoding="utf-8"))
    for i, s in enumerate(course.students):
        right, wrong = right_answers(EXERCISES, QUIZ, s), wrong_answers(EXERCISES, QUIZ, s)
        qids = sorted(right)
        kind = ["right", "wrong", "mixed", "hostile"][i % 4]
        if kind == "right":
            ans, exp = right, dict.fromkeys(qids, "right")
        elif kind == "wrong":
            ans, exp = wrong, dict.fromkeys(qids, "wrong")
        elif kind == "mixed":
            ans = {q: (right if n % 2 == 0 else wrong)[q] for n, q in enumerate(qids)}
            exp = {q: "right" if n % 2 == 0 else "wrong" for n, q in enumerate(qids)}
        else:  # code instead of a value, and a right answer wrapped in code: never run
            ans = dict(right)
            ans[qids[0]] = Raw(f'jawaban = __import__("os").system("touch {canary}")')
            ans[qids[1]] = Raw(f'import os\nos.system("touch {canary}")\njawaban = {right[qids[1]]!r}')
            exp = dict.fromkeys(qids, "right") | {qids[0]: "wrong", qids[1]: "wrong"}
        # case analyses are marked by hand in formgrader: no score until the lecturer gives one
        exp.update({q["qid"]: "by-hand" for q in disp["questions"] if q["type"] == "essay"})
        answers[s], expected[s] = ans, exp
        nims[s] = course.students[0] if kind == "hostile" else s  # the hostile one claims a NIM
    return answers, expected, nims


def release(run: Run) -> None:
    lec, cid = run.lecturer, run.course.id
    for step in ("assign", "release"):
        r = lec.formgrader(cid, "POST", f"assignment/{QUIZ}/{step}")
        assert r.ok and r.json().get("success"), (step, r.status_code, r.text[-1500:], log_tail(lec.hub, 15))


def answer_and_submit(run: Run, name: str, hub: Hub, nim: str) -> None:
    st = run.students[name]
    cid = run.course.id
    listed = st.assignments(cid)
    assert any(a["assignment_id"] == QUIZ and a["status"] == "released" for a in listed), listed
    st.assignment_action("fetch", cid, QUIZ)
    path = f"{cid}/{QUIZ}/{QUIZ}.ipynb"
    nb = st.read(path)["content"]
    import nbformat

    filled = fill(nbformat.from_dict(copy.deepcopy(nb)), run.answers[name], nim)
    st.write_notebook(path, filled)
    out = st.assignment_action("submit", cid, QUIZ)
    assert out.get("success", True), out


def collect_grade_feedback(run: Run) -> None:
    lec, cid = run.lecturer, run.course.id
    r = lec.formgrader(cid, "POST", f"assignment/{QUIZ}/collect")
    assert r.ok and r.json().get("success"), r.text[-2000:]
    base = lec.service(cid)
    status, out = lec.terminal(base, f"coursekit grade {QUIZ} --lang en --quiet")
    assert status == 0, (status, out, log_tail(lec.hub, 30))
    run.grade_output = out
    status, out = lec.terminal(base, f"coursekit export-items {QUIZ} -o items.csv --lang en")
    assert status == 0, out
    r = lec.s.get(f"{base}/api/contents/items.csv", params={"content": 1, "format": "text"},
                  timeout=30)
    r.raise_for_status()
    run.items_csv = r.json()["content"]
    for step in ("generate_feedback", "release_feedback"):
        r = lec.formgrader(cid, "POST", f"assignment/{QUIZ}/{step}")
        assert r.ok and r.json().get("success"), (step, r.text[-3000:])


def fetch_feedback(run: Run, name: str) -> None:
    st, cid = run.students[name], run.course.id
    st.assignment_action("fetch_feedback", cid, QUIZ)
    folder = st.read(f"{cid}/{QUIZ}/feedback")["content"]
    assert folder, f"no feedback for {name}"
    stamp = sorted(f["name"] for f in folder)[-1]
    r = st.s.get(f"{st.server}/api/contents/{cid}/{QUIZ}/feedback/{stamp}/{QUIZ}.html",
                 params={"content": 1, "format": "text"}, timeout=30)
    r.raise_for_status()
    run.feedback[name] = r.json()["content"]


def run_class(hub: Hub, course: Course) -> Run:
    run = Run(course, Client(hub, course.lecturers[0]))
    run.answers, run.expected, nims = plan(course, hub)
    run.canary = str(hub.exchange / "CANARY-executed")
    release(run)
    for s in course.students:
        run.students[s] = Client(hub, s)
        run.students[s].start_server()
    for s in course.students:
        answer_and_submit(run, s, hub, nims[s])
    collect_grade_feedback(run)
    for s in course.students:
        fetch_feedback(run, s)
    return run
