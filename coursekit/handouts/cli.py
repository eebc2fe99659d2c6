"""`coursekit handouts [-o DIR] [--lecturer-dir DIR] [--no-pdf]`: printable handouts and the lecturer pack."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("handouts", help="write every lesson, the syllabus, the project, references and "
                                         "glossary as HTML and PDF; and the lecturer pack")
    p.add_argument("-o", "--out", default="build/handouts",
                   help="folder for the students' handouts (default: build/handouts)")
    p.add_argument("--lecturer-dir", default="build/lecturer-pack",
                   help="folder for the lecturer pack, never released to students "
                        "(default: build/lecturer-pack)")
    p.add_argument("--no-pdf", action="store_true", help="write HTML only")
    p.add_argument("--root", default=".", help="the repository folder (default: here)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..content.problems import ContentError
    from .build import build

    try:
        written = build(Path(args.root), Path(args.out), Path(args.lecturer_dir), pdf=not args.no_pdf)
    except (ContentError, RuntimeError) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{len(written)} file(s) written")
    return 0
