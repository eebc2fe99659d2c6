"""The coursekit command line: list, show and check course content (more commands join later)."""

from __future__ import annotations

import argparse
import atexit
import os
import sys

from .lang import LANGS

LIST_KINDS = {"cases": "case", "concepts": "concept", "frameworks": "framework",
              "comparisons": "comparison", "modules": "module", "sources": "source"}
SHOW_KINDS = sorted(LIST_KINDS.values())

DESCRIPTION = """\
coursekit: bilingual courseware on community organizing (pengorganisasian masyarakat).

Workflow:
  coursekit list cases                 see what the course holds (slug first, then title)
  coursekit show case dsni --lang en   read one item as plain text
  coursekit check                      validate the built-in content (or: coursekit check PATH)
Students open the lessons in JupyterLab (see README); in a notebook, `import coursekit as ck`.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coursekit", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("list", help="list the items of one kind, one per line")
    p.add_argument("kind", choices=sorted(LIST_KINDS))
    p.add_argument("--lang", choices=LANGS, default=None, help="language of titles (default: id)")
    p.set_defaults(run=_list)

    p = sub.add_parser("show", help="show one item as plain text")
    p.add_argument("kind", choices=SHOW_KINDS)
    p.add_argument("slug")
    p.add_argument("--lang", choices=LANGS, default=None, help="language (default: id)")
    p.set_defaults(run=_show)

    p = sub.add_parser("check", help="validate course content and report every problem")
    p.add_argument("path", nargs="?", default=None, help="a content folder (default: built-in)")
    p.set_defaults(run=_check)

    from .commands import register

    register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    return _run(build_parser().parse_args(argv))


def console() -> None:
    """The `coursekit` command. A command that sets quick_exit (`grade`: every file it writes is
    closed when it returns) ends without the interpreter's teardown of the objects it loaded
    (0.15-0.2 s for nbgrader, nbconvert and SQLAlchemy): exit handlers run, streams are
    flushed, then the process exits."""
    args = build_parser().parse_args()
    code = _run(args)
    if getattr(args, "quick_exit", False):
        atexit._run_exitfuncs()  # CPython's own exit step (private, long stable); os._exit skips it
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe, as Python reports it at exit
            code = code or 120
        os._exit(code)
    sys.exit(code)


def _run(args) -> int:
    try:
        return args.run(args) or 0
    except LookupError as err:  # unknown slug: message already names the near matches
        print(f"coursekit: {err}", file=sys.stderr)
        return 2


def _list(args) -> int:
    from .content import content
    from .content.titles import title
    from .lang import resolve

    kind, lang = LIST_KINDS[args.kind], resolve(args.lang)
    for item in content().all(kind):
        print(f"{item['slug']}\t{title(kind, item, lang)}")
    return 0


def _show(args) -> int:
    from . import api

    view = {"comparison": api.compare}.get(args.kind) or getattr(api, args.kind)
    print(view(args.slug, lang=args.lang), end="")
    return 0


def _check(args) -> int:
    from .content import check

    store, problems = check(args.path)
    if problems:
        for p in sorted(problems):
            print(p)
        print(f"{len(problems)} problem(s) found")
        return 1
    counts = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in store.counts().items())
    print(f"content OK: {counts}")
    return 0


if __name__ == "__main__":
    console()
