"""`coursekit export FORMAT` (questions, with keys, for an LMS) and `coursekit export-grades`."""

from __future__ import annotations

import sys

from .text import CHOICES

FORMATS = ("moodle", "gift", "qti21", "canvas")  # as export.FORMATS; kept here so --help imports nothing


def register(sub) -> None:
    p = sub.add_parser("export", help="the question bank (WITH answer keys) as Moodle XML, GIFT, "
                       "QTI 2.1 or Canvas QTI 1.2, for a lecturer's LMS")
    p.add_argument("format", choices=FORMATS)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--quiz", default=None, help="one quiz, e.g. kuis-1")
    which.add_argument("--all", action="store_true",
                       help="every quiz plus the items no quiz uses (the default)")
    p.add_argument("--lang", choices=CHOICES, default="both",
                   help="both: Moodle multilang text; QTI/Canvas: one package per language")
    p.add_argument("--mlang", action="store_true",
                   help="Moodle/GIFT: filter_multilang2's {mlang id}..{mlang} instead of spans")
    p.add_argument("-o", "--output", default="lms-export", help="folder (default: ./lms-export)")
    p.add_argument("--course", default=None, help="the course (exercises) folder (default: ./exercises or .)")
    p.set_defaults(run=_export)

    g = sub.add_parser("export-grades", help="nbgrader totals as an LMS gradebook import CSV")
    g.add_argument("--format", choices=("moodle", "canvas", "csv"), required=True)
    g.add_argument("--course", default=None, help="the nbgrader course folder (default: ./exercises or .)")
    g.add_argument("--roster", default=None,
                   help="the LMS's own gradebook/participants CSV export, to match students by NIM")
    g.add_argument("-o", "--output", default=None, help="CSV file (default: grades-<format>.csv)")
    g.set_defaults(run=_grades)


def _export(args) -> int:
    from ..strings import say
    from . import source
    from .export import Refused, write
    from .weights import CannotExpress

    root = args.course or source.default_root()
    try:
        written = write(args.format, args.output, root, args.quiz, args.lang, args.mlang)
    except Refused as e:
        print(say("lms.messages.refuse-released", "both", path=e.path, folder=e.folder), file=sys.stderr)
        return 2
    except CannotExpress as e:
        print(say("lms.messages.cannot-express", "both", item=e.item, format=e.fmt, value=f"{e.value:g}"),
              file=sys.stderr)
        return 1
    except source.BankError as e:
        print(say("lms.messages.bank-problems", "both", problems=e), file=sys.stderr)
        return 1
    except LookupError:
        print(say("lms.messages.no-quiz", "both", quiz=args.quiz, allowed=", ".join(source.quiz_ids(root))),
              file=sys.stderr)
        return 1
    print(say("lms.messages.keys-inside", "both"))
    for path in written:
        print(say("lms.messages.wrote", "both", path=path))
    _limits(args.format, root, args.quiz)
    return 0


def _limits(fmt: str, root, quiz) -> None:
    from ..strings import say
    from . import canvas, source
    from .limits import limits

    print(say("lms.messages.limits", "both", format=fmt))
    for entry in limits(fmt):
        print(f"- {entry['id']}\n  {entry['en']}")
    if fmt == "canvas":
        differs = sorted({q.id for z in source.quizzes(root, quiz) for q in z.questions
                          if canvas.canvas_differs(q)})
        if differs:
            print(say("lms.messages.canvas-differs", "both", items=", ".join(differs)))


def _grades(args) -> int:
    from . import grades

    return grades.run(args)
