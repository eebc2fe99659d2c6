"""Sub-commands: `coursekit grade`, `coursekit export-items`, `coursekit report`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..lang import LANGS


def register(sub) -> None:
    p = sub.add_parser("grade", help="autograde every submission of a quiz without running "
                       "student code, into nbgrader's gradebook")
    p.add_argument("assignment")
    p.add_argument("--student", default=None, help="one student id (or a glob pattern)")
    p.add_argument("--course", default=None, help="the nbgrader course folder (default: .)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--wait", action="store_true",
                   help="if another grading run holds the course, wait for it instead of stopping")
    p.add_argument("--lang", choices=LANGS, default=None)
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(run=_grade, quick_exit=True)

    p = sub.add_parser("export-items", help="per-question scores as CSV (one row per student "
                       "and question), plus the totals of `nbgrader export`")
    p.add_argument("assignment")
    p.add_argument("--course", default=None)
    p.add_argument("--output", "-o", default=None, help="CSV file (default: <assignment>-items.csv)")
    p.add_argument("--lang", choices=LANGS, default=None)
    p.set_defaults(run=_export)

    p = sub.add_parser("report", help="item-analysis report (HTML + PNG figures)")
    p.add_argument("assignment")
    p.add_argument("--course", default=None)
    p.add_argument("--output", "-o", default=None, help="folder (default: reports/<assignment>)")
    p.add_argument("--lang", choices=LANGS, default=None)
    p.set_defaults(run=_report)


def _grade(args) -> int:
    from ..lang import resolve
    from ..strings import say
    from .engine import Interrupted, NoAssignment, grade_assignment, print_summary
    from .lock import Busy

    lang = resolve(args.lang)
    if args.course and not Path(args.course).is_dir():
        print("coursekit: " + say("classgrader.messages.no_course", lang, path=args.course), file=sys.stderr)
        return 2
    try:
        summary = grade_assignment(args.assignment, args.course, args.student, args.jobs,
                                   args.wait, lang, quiet=args.quiet)
    except Busy as busy:
        print("coursekit: " + say("classgrader.messages.locked_stop", lang, who=busy.describe(lang),
                                   path=busy.path), file=sys.stderr)
        return 75
    except Interrupted as stop:
        print("coursekit: " + say("classgrader.messages.interrupted", lang, done=stop.done, total=stop.total),
              file=sys.stderr)
        return 130
    except NoAssignment as err:
        print(f"coursekit: {err}", file=sys.stderr)
        return 2
    print_summary(summary, lang)
    return 0 if not summary.failed else 3


def _export(args) -> int:
    from ..lang import resolve
    from ..strings import say
    from .export import NotGraded, export_items

    lang = resolve(args.lang)
    try:
        path, rows = export_items(args.assignment, args.course, args.output)
    except NotGraded as err:
        print("coursekit: " + say("classgrader.messages.no_responses", lang, assignment=err.assignment,
                                   path=err.path), file=sys.stderr)
        return 2
    print(say("classgrader.messages.export_written", lang, rows=rows, path=path))
    return 0


def _report(args) -> int:
    from ..lang import resolve
    from ..strings import say
    from .export import NotGraded
    from .report import item_report

    lang = resolve(args.lang)
    try:
        rep = item_report(args.assignment, args.course, lang=lang, out=args.output)
    except NotGraded as err:
        print("coursekit: " + say("classgrader.messages.no_responses", lang, assignment=err.assignment,
                                   path=err.path), file=sys.stderr)
        return 2
    print(say("classgrader.messages.report_written", lang, path=rep.path))
    return 0
