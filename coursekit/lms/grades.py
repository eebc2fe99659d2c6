"""`coursekit export-grades`: nbgrader's totals (one column per quiz, and the total) as the CSV
that Moodle's grade import (keyed by ID number = NIM) or Canvas's gradebook import takes.

With --roster (the LMS's own participants/gradebook CSV) students are matched by NIM; students on
only one side are listed and still written (nothing silently dropped).
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from ..strings import entry, say
from .text import plain

# The column that holds the NIM in each LMS's own export, and the columns of each import file.
ROSTER_NIM = {"moodle": "ID number", "canvas": "SIS User ID", "csv": "NIM"}
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


@dataclass
class Student:
    nim: str
    name: str
    email: str
    scores: dict  # assignment -> score, or None when not submitted / not graded


def gradebook(db_url: str) -> tuple[list[str], dict[str, float], list[Student]]:
    """(assignments, their max scores, students) read from an nbgrader gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        names = [a.name for a in sorted(gb.assignments, key=lambda a: (a.duedate is None, a.duedate, a.name))]
        maxima = {a: float(gb.find_assignment(a).max_score) for a in names}
        out = []
        for s in sorted(gb.students, key=lambda s: s.id):
            scores = {}
            for a in names:
                try:
                    scores[a] = float(gb.find_submission(a, s.id).score)
                except MissingEntry:
                    scores[a] = None
            name = " ".join(x for x in (s.first_name, s.last_name) if x)
            out.append(Student(s.id, name, s.email or "", scores))
    return names, maxima, out


def read_roster(path: str | Path, fmt: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    return [r for r in rows if (r.get("Student") or "").strip() != "Points Possible"
            and (r.get(ROSTER_NIM[fmt]) or "").strip()]


def table(fmt: str, names: list[str], maxima: dict, students: list[Student],
          roster: list[dict] | None = None) -> tuple[list[list[str]], list[str], list[str]]:
    """(rows with header, NIMs not on the roster, roster NIMs without grades)."""
    total = plain(entry("lms.names.total"), "both")
    by_nim = {s.nim: s for s in students}
    on_roster = {r[ROSTER_NIM[fmt]].strip(): r for r in roster} if roster is not None else {}
    order = list(on_roster) + [s.nim for s in students if s.nim not in on_roster] if roster is not None \
        else [s.nim for s in students]
    not_on_roster = [n for n in by_nim if roster is not None and n not in on_roster]
    no_grades = [n for n in on_roster if n not in by_nim]

    def marks(nim):
        s = by_nim.get(nim)
        if s is None:
            return ["" for _ in names] + [""]
        got = [s.scores[a] for a in names]
        return [_num(x) for x in got] + [_num(sum(x for x in got if x is not None))]

    if fmt == "canvas":
        header = [*CANVAS_COLUMNS, *names, total]
        rows = [header, ["Points Possible", "", "", "", "", *(_num(maxima[a]) for a in names),
                         _num(sum(maxima.values()))]]
        for nim in order:
            r = on_roster.get(nim, {})
            s = by_nim.get(nim)
            rows.append([r.get("Student") or (s.name if s else ""), r.get("ID", ""), nim,
                         r.get("SIS Login ID", ""), r.get("Section", ""), *marks(nim)])
    elif fmt == "moodle":
        rows = [["ID number", "Full name", "Email address", *names, total]]
        for nim in order:
            s, r = by_nim.get(nim), on_roster.get(nim, {})
            full = s.name if s else " ".join(filter(None, (r.get("First name"), r.get("Last name"))))
            rows.append([nim, full, (s.email if s else r.get("Email address", "")), *marks(nim)])
    else:
        heads = [plain(entry(f"lms.names.{k}"), "both") for k in ("nim", "student-name", "email")]
        rows = [[*heads, *names, total]]
        for nim in order:
            s = by_nim.get(nim)
            rows.append([nim, s.name if s else "", s.email if s else "", *marks(nim)])
    return rows, not_on_roster, no_grades


def to_csv(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def run(args) -> int:
    from ..classgrader.course import open_course
    from .source import default_root

    url = open_course(args.course or default_root()).db_url  # nbgrader's own configuration
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        print(say("lms.messages.no-gradebook", "both", path=url), file=sys.stderr)
        return 1
    names, maxima, students = gradebook(url)
    roster = read_roster(args.roster, args.format) if args.roster else None
    rows, not_on_roster, no_grades = table(args.format, names, maxima, students, roster)
    out = Path(args.output or f"grades-{args.format}.csv")
    out.write_text(to_csv(rows), encoding="utf-8")
    if not_on_roster:
        print(say("lms.messages.unmatched-gradebook", "both", n=len(not_on_roster),
                  students=", ".join(not_on_roster)))
    if no_grades:
        print(say("lms.messages.unmatched-roster", "both", n=len(no_grades), students=", ".join(no_grades)))
    written = len(rows) - (2 if args.format == "canvas" else 1)
    print(say("lms.messages.grades-written", "both", n=written, path=out))
    return 0


def _num(x) -> str:
    return "" if x is None else f"{x:g}"
