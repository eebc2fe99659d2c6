"""A simulated class handing in a graded quiz, for the equivalence test and bench/grading.py.

`make_course` builds an nbgrader course in a folder from the repository's exercises/ (its
nbgrader_config.py and the generated source/), and runs the real `nbgrader generate_assignment`.
`hand_in` writes N submissions where `nbgrader collect` leaves them: students of varied ability
answering their own variant (a realistic mix: right, wrong, partly right, blank, odd letter
formats, English questions, a forgotten or mistyped NIM), plus, when asked, one submission for
each hostile case of the graded quizzes issue (HOSTILE).

Right answers come from the keys file keys/<quiz>.json (instructor-only, as the graders read
them), so nothing here holds a key.
"""

from __future__ import annotations

import copy
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .responses import master

TIMESTAMP = "2025-03-03 10:00:00.000000 UTC"

# Each hostile case of the graded quizzes issue, as handed in (see _hostile for what each does).
HOSTILE = (
    "blank", "all-correct", "all-wrong", "odd-format", "unknown-option", "syntax-error",
    "code-not-value", "answer-cell-deleted", "test-cell-deleted", "test-cell-edited",
    "test-cell-duplicated", "answer-cell-duplicated", "code-to-markdown", "infinite-loop",
    "huge-output", "truncated-json", "renamed-notebook", "other-variant", "added-code-cell",
    # issue 8 (the grader against hostile submissions)
    "smuggling", "smuggling-identity", "timestamp-not-a-date", "timestamp-byte-ff",
    "huge-answer", "hex-literal", "lone-surrogate", "grade-cell-added", "test-cell-to-solution",
    "links-and-special-files", "nbformat-3", "extra-notebook",
)
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
    """The environment the real nbgrader needs: its venv on PATH (alembic), USER set."""
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "USER": user, "LOGNAME": user}
    if exchange is not None:
        env["COURSEKIT_EXCHANGE"] = str(exchange)
    return env


def nbgrader_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "nbgrader"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "nbgrader"]


def run_nbgrader(course: Path, *args: str, exchange: Path | None = None, check: bool = True,
                 timeout: float = 3600) -> subprocess.CompletedProcess:
    proc = subprocess.run([*nbgrader_cmd(), *args], cwd=course, env=nbgrader_env(exchange),
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n"
                           f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc


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
    import nbformat

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
            text, name, *rest = _hostile(kind, nb, sim, sid, ids)
            extra = rest[0] if rest else None
        folder = _place(course, assignment, sid, text, name)
        if extra is not None:
            extra(folder)
        handed.append(Handed(sid, kind))
    return handed


def _place(course: Path, assignment: str, student: str, text: str, name: str | None) -> None:
    folder = course / "submitted" / student / assignment
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "timestamp.txt").write_text(TIMESTAMP, encoding="utf-8")
    (folder / (name or f"{assignment}.ipynb")).write_text(text, encoding="utf-8")
    return folder


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
        from ..graded.variant import slot

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
            cell = _cell(nb, f"jawaban-{qid}")
            cell.source = rng.choice(ESSAYS)
    roll = rng.random()
    nim = "" if roll < 0.05 else (student[:-1] + "9" if roll < 0.08 else student)
    _fill(nb, answers, nim, "en" if rng.random() < 0.1 else "id")
    if rng.random() < 0.5:  # the student ran the notebook: outputs are stored
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [_stream("(output when the student ran it)\n")]
    return nb


def _fill(nb, answers: dict, nim: str | None, bahasa: str = "id", raw: dict | None = None):
    from ..graded.protocol import IDENTITY, answer_id, find_cell

    for qid, value in {**answers, **(raw or {})}.items():
        cell = find_cell(nb, answer_id(qid))
        comments = [ln for ln in cell.source.splitlines() if ln.startswith("#")]
        line = value if raw and qid in raw else f"jawaban = {value!r}"
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
    from ..graded.protocol import grade_id

    return next(i for i, c in enumerate(nb.cells) if grade_id(c) == gid)


def _hostile(kind: str, nb, sim: _Answers, sid: str, ids: list[str]):
    """(notebook text, file name or None) of one hostile submission."""
    import nbformat

    qs = sim.questions()
    right = {q["qid"]: sim.right(q, sid) for q in qs}
    by_type = {}
    for q in qs:
        by_type.setdefault(q["type"], q["qid"])
    first = qs[0]["qid"]
    name = None
    if kind == "blank":
        pass
    elif kind == "all-correct":
        _fill(nb, right, sid)
    elif kind == "all-wrong":
        _fill(nb, {q["qid"]: sim.wrong(q, sid) for q in qs}, sid)
    elif kind == "odd-format":  # right letters typed as "B ", "b)", "(b)", "  C"
        odd = dict(right)
        forms = [lambda x: f"{x.upper()} ", lambda x: f"{x})", lambda x: f"({x})",
                 lambda x: f"  {x.upper()}"]
        for n, (qid, v) in enumerate(right.items()):
            if isinstance(v, str) and len(v) == 1:
                odd[qid] = forms[n % len(forms)](v)
            elif isinstance(v, list):
                odd[qid] = [f"{x.upper()})" for x in v]
        _fill(nb, odd, f" {sid} ")
    elif kind == "unknown-option":
        odd = dict(right)
        if "single" in by_type:
            odd[by_type["single"]] = "z"
        if "multiple" in by_type:
            odd[by_type["multiple"]] = [*right[by_type["multiple"]], "q"]
        if "matching" in by_type:
            odd[by_type["matching"]] = {**right[by_type["matching"]], "9": "z"}
        _fill(nb, odd, sid)
    elif kind == "syntax-error":
        _fill(nb, right, sid, raw={first: 'jawaban = "b'})
    elif kind == "code-not-value":
        _fill(nb, right, sid, raw={first: f'jawaban = __import__("os").system("touch {CANARY}")',
                                   qs[1]["qid"]: f'open("{CANARY}", "w").write("x")\njawaban = "a"'})
    elif kind == "answer-cell-deleted":
        _fill(nb, right, sid)
        del nb.cells[_index(nb, f"jawaban-{first}")]
    elif kind == "test-cell-deleted":
        _fill(nb, right, sid)
        del nb.cells[_index(nb, f"nilai-{first}")]
    elif kind == "test-cell-edited":  # the student tries to award themselves the points
        _fill(nb, right, sid)
        cell = nb.cells[_index(nb, f"nilai-{first}")]
        cell.source = "100"
        cell.metadata.nbgrader["points"] = 100
        cell.metadata.nbgrader["locked"] = False
    elif kind == "test-cell-duplicated":
        _fill(nb, right, sid)
        i = _index(nb, f"nilai-{first}")
        nb.cells.insert(i + 1, _copy_cell(nb.cells[i]))
    elif kind == "answer-cell-duplicated":  # a second answer cell with a wrong answer
        _fill(nb, right, sid)
        i = _index(nb, f"jawaban-{first}")
        dup = _copy_cell(nb.cells[i])
        dup.source = "jawaban = 'zz'"
        nb.cells.insert(i + 2, dup)
    elif kind == "code-to-markdown":
        _fill(nb, right, sid)
        i = _index(nb, f"jawaban-{first}")
        old = nb.cells[i]
        cell = nbformat.v4.new_markdown_cell(old.source, metadata=old.metadata)
        if "id" in old:
            cell["id"] = old["id"]
        nb.cells[i] = cell
    elif kind == "infinite-loop":
        _fill(nb, right, sid, raw={first: "while True:\n    pass\njawaban = 'a'"})
        nb.cells.append(nbformat.v4.new_code_cell("while True:\n    pass"))
    elif kind == "huge-output":  # a stored 8 MB output and code that would print forever
        _fill(nb, right, sid, raw={first: "print('x' * 10**9)\njawaban = 'a'"})
        nb.cells[_index(nb, f"jawaban-{qs[1]['qid']}")].outputs = [_stream("x" * 8_000_000)]
    elif kind == "truncated-json":
        _fill(nb, right, sid)
        text = nbformat.writes(nb)
        return text[: len(text) // 2], None
    elif kind == "renamed-notebook":
        _fill(nb, right, sid)
        name = f"{sim.assignment} (1).ipynb"
    elif kind == "other-variant":  # hands in a classmate's solved variant under the classmate's NIM
        other = next(x for x in ids if x != sid)
        _fill(nb, {q["qid"]: sim.right(q, other) for q in qs}, other)
    elif kind == "added-code-cell":
        _fill(nb, right, sid)
        nb.cells.insert(3, nbformat.v4.new_code_cell(
            f'import os\nos.system("touch {CANARY}")\nNIM = "someone-else"'))
    else:
        return _hostile_8(kind, nb, sim, sid, qs, right, by_type)
    return nbformat.writes(nb), name


def _hostile_8(kind: str, nb, sim: _Answers, sid: str, qs, right: dict, by_type: dict):
    """The hostile cases of issue 8: (notebook text, file name or None, extra(folder) or None)."""
    import nbformat

    first = qs[0]["qid"]
    extra = None
    if kind == "smuggling":  # one smuggling form per answer cell
        raw = {q["qid"]: form.format(c=f"{CANARY}-{name}")
               for q, (name, form) in zip(qs, SMUGGLING.items(), strict=False)}
        _fill(nb, right, sid, raw=raw)
    elif kind == "smuggling-identity":
        _fill(nb, right, None)
        ident = _cell(nb, "identitas")
        ident.source = (f'NIM: __import__("os").system("touch {CANARY}-identity") = "{sid}"\n'
                        f'BAHASA = "id"')
    elif kind in ("timestamp-not-a-date", "timestamp-byte-ff"):
        _fill(nb, right, sid)
        data = b"not a date at all" if kind == "timestamp-not-a-date" else b"2025-03-03 \xff\xfe"

        def extra(folder):
            (folder / "timestamp.txt").write_bytes(data)
    elif kind == "huge-answer":  # a 100,000-character letter answer
        _fill(nb, right, sid, raw={by_type.get("single", first): 'jawaban = "' + "b" * 100_000 + '"'})
    elif kind == "hex-literal":  # a 5,000-digit number
        _fill(nb, right, sid, raw={first: "jawaban = 0x" + "f" * 5_000})
    elif kind == "lone-surrogate":
        _fill(nb, right, sid, raw={by_type.get("short", first): 'jawaban = "\\ud800"'})
    elif kind == "grade-cell-added":  # a cell awarding itself 100 points
        _fill(nb, right, sid)
        cell = nbformat.v4.new_code_cell("100")
        cell.metadata["nbgrader"] = {"grade": True, "grade_id": "bonus", "locked": False,
                                     "points": 100, "schema_version": 3, "solution": False,
                                     "task": False}
        nb.cells.insert(4, cell)
    elif kind == "test-cell-to-solution":
        _fill(nb, right, sid)
        cell = _cell(nb, f"nilai-{first}")
        cell.metadata.nbgrader["solution"] = True
        cell.metadata.nbgrader["locked"] = False
        cell.source = "100"
    elif kind == "links-and-special-files":
        _fill(nb, right, sid)

        def extra(folder):
            os.symlink("/etc/passwd", folder / "passwd.txt")
            os.symlink("/dev/zero", folder / "zero.bin")
            os.symlink("/etc", folder / "etc-link")
            os.mkfifo(folder / "pipe")
    elif kind == "nbformat-3":
        _fill(nb, right, sid)
        return nbformat.writes(nbformat.convert(nb, 3), version=3), None, None
    elif kind == "extra-notebook":
        _fill(nb, right, sid)

        def extra(folder):
            (folder / "catatan.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()),
                                                 encoding="utf-8")
    else:
        raise ValueError(kind)
    return nbformat.writes(nb), None, extra


def cell_scores(course: Path, assignment: str) -> dict:
    """{(student, notebook, cell): (auto_score, needs_manual_grade)} and, per student, the
    submission's (score, max_score) under (student, None, None), from the gradebook."""
    from nbgrader.api import Gradebook

    from .course import open_course

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
