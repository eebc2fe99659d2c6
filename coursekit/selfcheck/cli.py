"""`coursekit selfcheck build [--check]`: compile self-check quizzes and vignettes into package data."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    parser = sub.add_parser("selfcheck", help="self-check quizzes and strategy-classifier vignettes")
    inner = parser.add_subparsers(dest="selfcheck_command", required=True)
    build = inner.add_parser(
        "build", help="compile lessons/selfcheck and lessons/vignettes into coursekit/selfcheck/data"
    )
    build.add_argument(
        "--lessons",
        type=Path,
        default=None,
        help="folder holding selfcheck/ and vignettes/ (default: the repo's lessons/)",
    )
    build.add_argument(
        "--check", action="store_true", help="only report whether the package data is stale (exit 1 if so)"
    )
    build.set_defaults(run=run_build)


def run_build(args) -> int:
    from . import build

    lessons = args.lessons or build.LESSONS
    if args.check:
        names = build.stale(lessons)
        for name in names:
            print(f"stale: {name}")
        print("self-check data is up to date" if not names else f"{len(names)} stale file(s)")
        return 1 if names else 0
    outputs, problems = build.build(lessons)
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s) found; nothing written")
        return 1
    changed = build.write(outputs)
    print(f"{len(outputs)} file(s) built, {len(changed)} changed: {', '.join(changed) or '-'}")
    return 0
