"""The one test harness for graded quizzes: a simulated class handing in a quiz, for the tests
(tests/grading, tests/graded, tests/hub) and bench/grading.py (which imports this file by path).

`make_course` builds an nbgrader course in a folder from the repository's exercises/ (its
nbgrader_config.py and the generated source/), and runs the real `nbgrader generate_assignment`;
`course_sources` only copies them (for tests that run nbgrader's steps themselves).
`hand_in` writes N submissions where `nbgrader collect` leaves them: students of varied ability
answering their own variant (a realistic mix: right, wrong, partly right, blank, odd letter
formats, English questions, a forgotten or mistyped NIM), plus, when asked, one submission for
each hostile case of the graded quizzes issue (HOSTILE: a table of small functions).

Right answers come from the keys file keys/<quiz>.json (instructor-only, as the graders read
them), so nothing here holds a key.
"""

from __future__ import annotations

import copy
import os
import random
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from coursekit.classgrader import stock
from coursekit.classgrader.responses import master
from coursekit.gradedquiz.protocol import IDENTITY, answer_id, find_cell, grade_id, test_id
from coursekit.gradedquiz.variant import slot

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
TIMESTAMP = "2025-03-03 10:00:00.000000 UTC"

CANARY = "COURSEKIT-PWNED"  # a file the code-not-value answer would create if it were executed

# Ways to smuggle code into an answer cell (issue 8, finding 1): each would create the file
# CANARY-<name> in the autograded folder if anything ran it.
SMUGGLING = {
    "annotation": 'jawaban: __import__("os").system("touch {c}") = "b"',
    "annotation-unicode": ('\uff4a\uff41\uff57\uff41\uff42\uff41\uff4e: '  # fullwidth "jawaban"
                           '__import__("os").system("touch {c}") = "b"'),
    "chained": 'jawaban = _ = __import__("os").system("touch {c}")',
    "augmented": 'jawaban = "b"\njawaban += str(__import__("os").system("touch {c}"))',
    "starred": '*jawaban, = [__import__("os").system("touch {c}")]',
    "tuple": 'jawaban, _ = "b", __import__("os").system("touch {c}")',
    "walrus": '(jawaban := __import__("os").system("touch {c}"))',
    "walrus-inside": 'jawaban = ["b", (x := __import__("os").system("touch {c}"))]',
    "decorator": '@lambda f: __import__("os").system("touch {c}")\ndef jawaban():\n    pass',
    "semicolon": 'jawaban = "b"; __import__("os").system("touch {c}")',
    "backslash": 'jawaban = "b" \\\n; __import__("os").system("touch {c}")',
    "non-ascii-name": 'jawaban = "b"\n\u00e9x = __import__("os").system("touch {c}")',
    "call": 'jawaban = exec("import os; os.system(\'touch {c}\')")',
    "f-string": 'jawaban = f"{{__import__(\'os\').system(\'touch {c}\')}}"',
    "class": 'class jawaban(metaclass=lambda *a: __import__("os").system("touch {c}")):\n    pass',
}
ESSAYS = (  # placeholder essay texts (graded by hand in formgrader, never by the autograder)
    "Strategi konflik pada sumbu pertama, karena warga berhadapan langsung dengan pihak lawan.",
    "Consensus on the first axis; a mixed approach would have needed allies inside the agency.",
    "Tidak tahu.",
)


@dataclass(frozen=True)
class Handed:
    student: str
    kind: str  # "realistic" or a HOSTILE name


def nbgrader_env(exchange: Path | None = None, user: str = "instructor") -> dict:
    """The environment the real nbgrader needs (stock.environment), with the exchange folder."""
    return stock.environment(user, **({"COURSEKIT_EXCHANGE": str(exchange)} if exchange else {}))


def nbgrader_cmd() -> list[str]:
    return stock.command()


def run_nbgrader(course: Path, *args: str, exchange: Path | None = None, check: bool = True,
                 timeout: float = 3600, user: str = "instructor") -> subprocess.CompletedProcess:
    """`nbgrader <args>` in course (stock.run); raises when it fails and check is set."""
    proc = stock.run(course, *args, env=nbgrader_env(exchange, user), timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


def course_sources(tmp: Path) -> Path:
    """tmp/course with the course's config, generated sources and keys (nothing generated)."""
    course = Path(tmp) / "course"
    course.mkdir(parents=True)
    shutil.copy(EXERCISES / "nbgrader_config.py", course)
    shutil.copytree(EXERCISES / "source", course / "source")
    shutil.copytree(EXERCISES / "keys", course / "keys")
    return course


def make_course(folder: Path, exercises: Path, assignments=("kuis-1",),
                exchange: Path | None = None) -> Path:
    """An nbgrader course in folder/ with the assignments generated (gradebook included)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(exercises) / "nbgrader_config.py", folder)
    for a in assignments:
        shutil.copytree(Path(exercises) / "source" / a, folder / "source" / a)
        (folder / "keys").mkdir(exist_ok=True)
        shutil.copy(Path(exercises) / "keys" / f"{a}.json", folder / "keys")
    exchange = exchange or folder.parent / "exchange"
    exchange.mkdir(parents=True, exist_ok=True)
    for a in assignments:
        run_nbgrader(folder, "generate_assignment", a, "--force", exchange=exchange)
    return folder


def students(n: int, start: int = 1) -> list[str]:
    """Plausible NIMs: 2301xxxx."""
    return [f"2301{i:04d}" for i in range(start, start + n)]


def hand_in(course: Path, assignment: str, n: int, seed: int = 1,
            hostile: bool = True, kinds=None) -> list[Handed]:
    """Write n submissions (the hostile ones first, if asked: kinds, default all of HOSTILE)
    under course/submitted/."""
    course = Path(course)
    rng = random.Random(seed)
    released = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb",
                             as_version=4)
    sim = _Answers(course / "source" / assignment)
    ids = students(n)
    cases = list(kinds or HOSTILE)[:n] if hostile else []
    handed = []
    for i, sid in enumerate(ids):
        kind = cases[i] if i < len(cases) else "realistic"
        nb = copy.deepcopy(released)
        extra = None
        if kind == "realistic":
            text, name = nbformat.writes(_realistic(nb, sim, sid, rng)), None
        else:
            case = Case(nb, sim, sid, ids)
            HOSTILE_CASES[kind](case)
            text = case.text if case.text is not None else nbformat.writes(case.nb)
            name, extra = case.name, case.extra
        folder = _place(course, assignment, sid, text, name)
        if extra is not None:
            extra(folder)
        handed.append(Handed(sid, kind))
    return handed


def _place(course: Path, assignment: str, student: str, text: str, name: str | None) -> Path:
    folder = course / "submitted" / student / assignment
    if folder.exists():
        shutil.rmtree(folder)
    return place(course, student, assignment, name=name, text=text).parent


def place(course: Path, student: str, quiz: str, nb=None, name: str | None = None,
          text: str | None = None) -> Path:
    """Put a submission (nb, or text as is) where `nbgrader collect` leaves it; its path."""
    folder = Path(course) / "submitted" / student / quiz
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "timestamp.txt").write_text(TIMESTAMP, encoding="utf-8")
    path = folder / (name or f"{quiz}.ipynb")
    path.write_text(text if text is not None else nbformat.writes(nb), encoding="utf-8")
    return path


def release(course: Path, quiz: str):
    """The released notebook of a quiz (after `nbgrader generate_assignment`)."""
    return nbformat.read(Path(course) / "release" / quiz / f"{quiz}.ipynb", as_version=4)


def bank():
    """The graded question bank of exercises/ (no problems)."""
    from coursekit.gradedquiz.bank import load

    b, problems = load(EXERCISES)
    assert not problems, problems
    return b


def display(course: Path, quiz: str) -> dict:
    import json

    return json.loads((Path(course) / "source" / quiz / "questions.json").read_text(encoding="utf-8"))


def right_answers(course: Path, quiz: str, student: str) -> dict:
    """qid -> the right answer (plain data) for this student's variant."""
    sim = _Answers(Path(course) / "source" / quiz)
    return {q["qid"]: sim.right(q, student) for q in sim.questions()}


def wrong_answers(course: Path, quiz: str, student: str) -> dict:
    """qid -> an answer that scores nothing, for this student's variant."""
    sim = _Answers(Path(course) / "source" / quiz)
    return {q["qid"]: sim.wrong(q, student) for q in sim.questions()}


class Raw(str):
    """An answer cell's source line written as is (for hostile submissions)."""


class _Answers:
    """Right and wrong answers for any student's variant, from the master notebook's keys."""

    def __init__(self, source_dir: Path):
        self.display, self.keys = master(Path(source_dir))
        self.assignment = self.display["assignment"]

    def questions(self):
        return [q for q in self.display["questions"] if q["type"] != "essay"]

    def essays(self):
        return [q["qid"] for q in self.display["questions"] if q["type"] == "essay"]

    def slot(self, q, student):
        s = slot(q, self.assignment, student)
        return s, self.keys[q["qid"]][s.item]

    def right(self, q, student):
        s, key = self.slot(q, student)
        if s.type == "single":
            return next(x for x, t in s.letters.items() if key["options"][t]["correct"])
        if s.type == "multiple":
            return sorted(x for x, t in s.letters.items() if key["options"][t]["correct"])
        if s.type == "true-false":
            return "benar" if key["answer"] else "salah"
        if s.type == "short":
            return key["accepted"][0]
        back = {t: x for x, t in s.right.items()}
        return {num: back[key["left"][t]["match"]] for num, t in s.left.items()}

    def wrong(self, q, student):
        """An answer that scores nothing."""
        s, _ = self.slot(q, student)
        right = self.right(q, student)
        if s.type == "single":
            return next(x for x in s.letters if x != right)
        if s.type == "multiple":
            return [x for x in s.letters if x not in right]
        if s.type == "true-false":
            return "salah" if right == "benar" else "benar"
        if s.type == "short":
            return "tidak tahu"
        letters = list(s.right)
        return {n: letters[(letters.index(r) + 1) % len(letters)] for n, r in right.items()}

    def attempt(self, q, student, p: float, rng: random.Random):
        """An answer of a student who knows this question with probability p."""
        s, _ = self.slot(q, student)
        right = self.right(q, student)
        if s.type == "single":
            wrong = [x for x in s.letters if x != right]
            return right if rng.random() < p else rng.choice(wrong)
        if s.type == "multiple":
            picked = {x for x in right if rng.random() < p}
            picked |= {x for x in s.letters if x not in right and rng.random() < (1 - p) / 2}
            return sorted(picked) or [rng.choice(list(s.letters))]
        if s.type == "true-false":
            ok = rng.random() < p
            word = right if ok else ("salah" if right == "benar" else "benar")
            return rng.choice([word, word.capitalize(), {"benar": "true", "salah": "false"}[word]])
        if s.type == "short":
            if rng.random() < p:
                return rng.choice([right, right.upper(), f" {right}."])
            return rng.choice(["tidak tahu", "komunitas", "organisasi"])
        letters = list(s.right)
        return {n: (r if rng.random() < p else rng.choice(letters)) for n, r in right.items()}


def _ability_p(ability: float, difficulty: float) -> float:
    import math

    return 1 / (1 + math.exp(-(1.6 * ability - difficulty)))


def _realistic(nb, sim: _Answers, student: str, rng: random.Random):
    ability = rng.gauss(0.4, 1.0)
    answers = {}
    for n, q in enumerate(sim.questions()):
        roll = rng.random()
        if roll < 0.04:
            continue  # left blank
        value = sim.attempt(q, student, _ability_p(ability, (n % 5 - 2) / 2), rng)
        if isinstance(value, str) and len(value) == 1 and rng.random() < 0.15:
            value = rng.choice([value.upper(), f"{value} ", f"{value})", f"({value})"])
        answers[q["qid"]] = value
    for qid in sim.essays():  # essays, for the lecturer to grade in formgrader
        if rng.random() < 0.85:
            cell = _cell(nb, answer_id(qid))
            cell.source = rng.choice(ESSAYS)
    roll = rng.random()
    nim = "" if roll < 0.05 else (student[:-1] + "9" if roll < 0.08 else student)
    fill(nb, answers, nim, "en" if rng.random() < 0.1 else "id")
    if rng.random() < 0.5:  # the student ran the notebook: outputs are stored
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [_stream("(output when the student ran it)\n")]
    return nb


def fill(nb, answers: dict, nim: str | None, bahasa: str = "id", raw: dict | None = None):
    """Write answers into a released notebook as a student would (edit the answer cells): a
    value of raw, or a Raw value, is the answer line as is; nim None leaves the identity cell."""
    for qid, value in {**answers, **(raw or {})}.items():
        cell = find_cell(nb, answer_id(qid))
        comments = [ln for ln in cell.source.splitlines() if ln.startswith("#")]
        as_is = isinstance(value, Raw) or (raw and qid in raw)
        line = str(value) if as_is else f"jawaban = {value!r}"
        cell.source = "\n".join([*comments, line])
    if nim is not None:
        ident = find_cell(nb, IDENTITY)
        comments = [ln for ln in ident.source.splitlines() if ln.startswith("#")]
        ident.source = "\n".join([*comments, f"NIM = {nim!r}", f"BAHASA = {bahasa!r}"])
    return nb


def _stream(text: str):
    from nbformat.v4 import new_output

    return new_output("stream", name="stdout", text=text)


def _copy_cell(cell):
    """A copy of a cell as JupyterLab makes it (same metadata, a new cell id)."""
    import uuid

    dup = copy.deepcopy(cell)
    if "id" in dup:
        dup["id"] = uuid.uuid4().hex[:8]
    return dup


def _cell(nb, gid: str):
    return nb.cells[_index(nb, gid)]


def _index(nb, gid: str) -> int:
    return next(i for i, c in enumerate(nb.cells) if grade_id(c) == gid)


@dataclass
class Case:
    """One hostile submission being made: a case function edits nb (a released notebook) and
    may set text (written as is), name (the file name) or extra(folder) (run after placing)."""

    nb: object
    sim: _Answers
    sid: str
    ids: list[str]
    text: str | None = None
    name: str | None = None
    extra: Callable | None = None
    qs: list = field(init=False)
    right: dict = field(init=False)
    by_type: dict = field(init=False)

    def __post_init__(self):
        self.qs = self.sim.questions()
        self.right = {q["qid"]: self.sim.right(q, self.sid) for q in self.qs}
        self.by_type = {}
        for q in self.qs:
            self.by_type.setdefault(q["type"], q["qid"])

    @property
    def first(self) -> str:
        return self.qs[0]["qid"]

    def fill(self, answers=None, nim: str | None = "", raw: dict | None = None):
        """The right answers (or answers), the student's own NIM (or nim), raw source lines."""
        fill(self.nb, self.right if answers is None else answers,
              self.sid if nim == "" else nim, raw=raw)


def _blank(c: Case):
    pass


def _all_correct(c: Case):
    c.fill()


def _all_wrong(c: Case):
    c.fill({q["qid"]: c.sim.wrong(q, c.sid) for q in c.qs})


def _odd_format(c: Case):  # right letters typed as "B ", "b)", "(b)", "  C"
    odd = dict(c.right)
    forms = [lambda x: f"{x.upper()} ", lambda x: f"{x})", lambda x: f"({x})",
             lambda x: f"  {x.upper()}"]
    for n, (qid, v) in enumerate(c.right.items()):
        if isinstance(v, str) and len(v) == 1:
            odd[qid] = forms[n % len(forms)](v)
        elif isinstance(v, list):
            odd[qid] = [f"{x.upper()})" for x in v]
    c.fill(odd, f" {c.sid} ")


def _unknown_option(c: Case):
    odd, by_type = dict(c.right), c.by_type
    if "single" in by_type:
        odd[by_type["single"]] = "z"
    if "multiple" in by_type:
        odd[by_type["multiple"]] = [*c.right[by_type["multiple"]], "q"]
    if "matching" in by_type:
        odd[by_type["matching"]] = {**c.right[by_type["matching"]], "9": "z"}
    c.fill(odd)


def _syntax_error(c: Case):
    c.fill(raw={c.first: 'jawaban = "b'})


def _code_not_value(c: Case):
    c.fill(raw={c.first: f'jawaban = __import__("os").system("touch {CANARY}")',
                c.qs[1]["qid"]: f'open("{CANARY}", "w").write("x")\njawaban = "a"'})


def _answer_cell_deleted(c: Case):
    c.fill()
    del c.nb.cells[_index(c.nb, answer_id(c.first))]


def _test_cell_deleted(c: Case):
    c.fill()
    del c.nb.cells[_index(c.nb, test_id(c.first))]


def _test_cell_edited(c: Case):  # the student tries to award themselves the points
    c.fill()
    cell = _cell(c.nb, test_id(c.first))
    cell.source = "100"
    cell.metadata.nbgrader["points"] = 100
    cell.metadata.nbgrader["locked"] = False


def _test_cell_duplicated(c: Case):
    c.fill()
    i = _index(c.nb, test_id(c.first))
    c.nb.cells.insert(i + 1, _copy_cell(c.nb.cells[i]))


def _answer_cell_duplicated(c: Case):  # a second answer cell with a wrong answer
    c.fill()
    i = _index(c.nb, answer_id(c.first))
    dup = _copy_cell(c.nb.cells[i])
    dup.source = "jawaban = 'zz'"
    c.nb.cells.insert(i + 2, dup)


def _code_to_markdown(c: Case):
    c.fill()
    i = _index(c.nb, answer_id(c.first))
    old = c.nb.cells[i]
    cell = nbformat.v4.new_markdown_cell(old.source, metadata=old.metadata)
    if "id" in old:
        cell["id"] = old["id"]
    c.nb.cells[i] = cell


def _infinite_loop(c: Case):
    c.fill(raw={c.first: "while True:\n    pass\njawaban = 'a'"})
    c.nb.cells.append(nbformat.v4.new_code_cell("while True:\n    pass"))


def _huge_output(c: Case):  # a stored 8 MB output and code that would print forever
    c.fill(raw={c.first: "print('x' * 10**9)\njawaban = 'a'"})
    _cell(c.nb, answer_id(c.qs[1]["qid"])).outputs = [_stream("x" * 8_000_000)]


def _truncated_json(c: Case):
    c.fill()
    text = nbformat.writes(c.nb)
    c.text = text[: len(text) // 2]


def _renamed_notebook(c: Case):
    c.fill()
    c.name = f"{c.sim.assignment} (1).ipynb"


def _other_variant(c: Case):  # hands in a classmate's solved variant under the classmate's NIM
    other = next(x for x in c.ids if x != c.sid)
    c.fill({q["qid"]: c.sim.right(q, other) for q in c.qs}, other)


def _added_code_cell(c: Case):
    c.fill()
    c.nb.cells.insert(3, nbformat.v4.new_code_cell(
        f'import os\nos.system("touch {CANARY}")\nNIM = "someone-else"'))


# issue 8 (the grader against hostile submissions)

def _smuggling(c: Case):  # one smuggling form per answer cell
    c.fill(raw={q["qid"]: form.format(c=f"{CANARY}-{name}")
                for q, (name, form) in zip(c.qs, SMUGGLING.items(), strict=False)})


def _smuggling_identity(c: Case):
    c.fill(nim=None)
    _cell(c.nb, IDENTITY).source = (
        f'NIM: __import__("os").system("touch {CANARY}-identity") = "{c.sid}"\nBAHASA = "id"')


def _bad_timestamp(data: bytes):
    def case(c: Case):
        c.fill()
        c.extra = lambda folder: (folder / "timestamp.txt").write_bytes(data)
    return case


def _huge_answer(c: Case):  # a 100,000-character letter answer
    c.fill(raw={c.by_type.get("single", c.first): 'jawaban = "' + "b" * 100_000 + '"'})


def _hex_literal(c: Case):  # a 5,000-digit number
    c.fill(raw={c.first: "jawaban = 0x" + "f" * 5_000})


def _lone_surrogate(c: Case):
    c.fill(raw={c.by_type.get("short", c.first): 'jawaban = "\\ud800"'})


def _grade_cell_added(c: Case):  # a cell awarding itself 100 points
    c.fill()
    cell = nbformat.v4.new_code_cell("100")
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "locked": False,
                                 "points": 100, "schema_version": 3, "solution": False,
                                 "task": False}
    c.nb.cells.insert(4, cell)


def _test_cell_to_solution(c: Case):
    c.fill()
    cell = _cell(c.nb, test_id(c.first))
    cell.metadata.nbgrader["solution"] = True
    cell.metadata.nbgrader["locked"] = False
    cell.source = "100"


def _links_and_special_files(c: Case):
    c.fill()

    def extra(folder):
        os.symlink("/etc/passwd", folder / "passwd.txt")
        os.symlink("/dev/zero", folder / "zero.bin")
        os.symlink("/etc", folder / "etc-link")
        os.mkfifo(folder / "pipe")
    c.extra = extra


def _nbformat_3(c: Case):
    c.fill()
    c.text = nbformat.writes(nbformat.convert(c.nb, 3), version=3)


def _extra_notebook(c: Case):
    c.fill()
    c.extra = lambda folder: (folder / "catatan.ipynb").write_text(
        nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")


# Each hostile case of the graded quizzes issues, in the order they are handed in.
HOSTILE_CASES: dict[str, Callable[[Case], None]] = {
    "blank": _blank, "all-correct": _all_correct, "all-wrong": _all_wrong,
    "odd-format": _odd_format, "unknown-option": _unknown_option,
    "syntax-error": _syntax_error, "code-not-value": _code_not_value,
    "answer-cell-deleted": _answer_cell_deleted, "test-cell-deleted": _test_cell_deleted,
    "test-cell-edited": _test_cell_edited, "test-cell-duplicated": _test_cell_duplicated,
    "answer-cell-duplicated": _answer_cell_duplicated, "code-to-markdown": _code_to_markdown,
    "infinite-loop": _infinite_loop, "huge-output": _huge_output,
    "truncated-json": _truncated_json, "renamed-notebook": _renamed_notebook,
    "other-variant": _other_variant, "added-code-cell": _added_code_cell,
    # issue 8 (the grader against hostile submissions)
    "smuggling": _smuggling, "smuggling-identity": _smuggling_identity,
    "timestamp-not-a-date": _bad_timestamp(b"not a date at all"),
    "timestamp-byte-ff": _bad_timestamp(b"2025-03-03 \xff\xfe"),
    "huge-answer": _huge_answer, "hex-literal": _hex_literal, "lone-surrogate": _lone_surrogate,
    "grade-cell-added": _grade_cell_added, "test-cell-to-solution": _test_cell_to_solution,
    "links-and-special-files": _links_and_special_files, "nbformat-3": _nbformat_3,
    "extra-notebook": _extra_notebook,
}
HOSTILE = tuple(HOSTILE_CASES)


def cell_scores(course: Path, assignment: str) -> dict:
    """{(student, notebook, cell): (auto_score, needs_manual_grade)} and, per student, the
    submission's (score, max_score) under (student, None, None), from the gradebook."""
    from nbgrader.api import Gradebook

    from coursekit.classgrader.course import open_course

    c = open_course(course)
    out = {}
    with Gradebook(c.db_url, c.coursedir.course_id) as gb:
        for sub in gb.assignment_submissions(assignment):
            sid = sub.student.id
            out[(sid, None, None)] = (sub.score, sub.max_score)
            for nb in sub.notebooks:
                for g in nb.grades:
                    out[(sid, nb.notebook.name, g.cell.name)] = (g.auto_score,
                                                                 g.needs_manual_grade)
                for cm in nb.comments:
                    out[(sid, nb.notebook.name, "comment:" + cm.cell.name)] = (cm.auto_comment,)
    return out


def differences(a: dict, b: dict) -> list[str]:
    return [f"{k}: {a.get(k)!r} != {b.get(k)!r}" for k in sorted(set(a) | set(b), key=str)
            if a.get(k) != b.get(k)]


def canary_found(course: Path) -> list[str]:
    return [str(p) for p in Path(course).rglob(CANARY + "*")]


def copy_course(src: Path, dest: Path) -> None:
    """A copy of a course with its submissions as handed in (links and fifos copied as such)."""
    subprocess.run(["cp", "-a", str(src), str(dest)], check=True)
