"""`coursekit lessons build [--check]`: generate the lesson notebooks or check they are current."""

from __future__ import annotations

import sys
from pathlib import Path


def register(sub) -> None:
    lessons = sub.add_parser("lessons", help="build the lesson notebooks from lessons/*.yaml")
    inner = lessons.add_subparsers(dest="lessons_command", required=True)
    build = inner.add_parser("build", help="write notebooks/id and notebooks/en from lessons/*.yaml")
    build.add_argument("--check", action="store_true",
                       help="write nothing; exit 1 when a committed notebook is stale")
    build.add_argument("--root", default=".", help="the repository folder (default: here)")
    build.set_defaults(run=run_build)


def run_build(args) -> int:
    from ..content.problems import ContentError
    from .build import build, stale

    root = Path(args.root)
    try:
        if args.check:
            found = stale(root)
            for line in found:
                print(line, file=sys.stderr)
            if found:
                print(f"{len(found)} stale notebook(s); run `coursekit lessons build`", file=sys.stderr)
                return 1
            print("lesson notebooks are up to date")
            return 0
        written = build(root)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    for rel in written:
        print(f"wrote {rel}")
    print(f"{len(written)} notebook(s) written" if written else "lesson notebooks are up to date")
    return 0
