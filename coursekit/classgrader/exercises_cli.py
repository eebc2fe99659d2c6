"""`coursekit exercises ...`: check the question bank, autograde a class (built by `coursekit build`)."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("exercises", help="graded quizzes (nbgrader): check, autograde")
    esub = p.add_subparsers(dest="exercises_command", required=True, metavar="ACTION")

    c = esub.add_parser("check", help="validate the question bank and quizzes; report every problem")
    c.add_argument("--course", default=None, help="the nbgrader course folder")
    c.set_defaults(run=_check)

    a = esub.add_parser("autograde", help="run `nbgrader autograde` one student at a time, with a "
                        "line per student; the batch always finishes")
    a.add_argument("quiz")
    a.add_argument("--course", default=None, help="the nbgrader course folder")
    a.add_argument("--student", action="append", default=None, help="only these students (repeatable)")
    a.add_argument("--timeout", type=float, default=300, help="seconds per student (default 300)")
    a.add_argument("--lang", choices=("id", "en"), default=None, help="language of the report lines")
    a.set_defaults(run=_autograde)


def find_root(given: str | None) -> Path:
    if given:
        return Path(given)
    here = Path.cwd()
    return here / "exercises" if (here / "exercises" / "bank").is_dir() else here


def _load(root: Path):
    from ..gradedquiz.bank import load

    bank, problems = load(root)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found in the question bank", file=sys.stderr)
    return bank, problems


def _check(args) -> int:
    bank, problems = _load(find_root(args.course))
    if problems:
        return 1
    print(f"bank OK: {len(bank.items)} items, {len(bank.quizzes)} quizzes")
    return 0


def _autograde(args) -> int:
    from ..lang import resolve
    from ..strings import say
    from .batch import autograde_all

    lang = resolve(args.lang)
    if args.course and not Path(args.course).is_dir():
        print("coursekit: " + say("classgrader.messages.no_course", lang, path=args.course), file=sys.stderr)
        return 2
    return autograde_all(find_root(args.course), args.quiz, args.student, args.timeout, lang)
