"""One build for every committed generated file: `coursekit build [--check]`.

A generator is a name and `outputs()`: path -> what the file should contain (text or bytes).
`build()` writes the files that differ (and removes the ones a generator owns but no longer
makes); `build(check=True)` writes nothing and lists the stale ones. The lesson notebooks,
self-check data, graded quizzes, LMS examples, compiled content and the content validators all
go through here; one test (tests/test_build.py) checks that nothing committed is stale.
Built output that is not committed (the offline site, the handouts) has its own command.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .content.problems import ContentError

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
COMMAND = "coursekit build"


class Generator:
    """A named maker of files. `owns` lists (folder, glob) whose files only it makes, so a file
    there that it no longer makes is stale (and removed by a build)."""

    def __init__(self, name: str, make, owns: tuple = ()):
        self.name, self._make, self.owns = name, make, owns

    def outputs(self) -> dict[Path, str | bytes]:
        return self._make()

    def leftovers(self, made: dict) -> list[Path]:
        return sorted(p for folder, glob in self.owns for p in folder.glob(glob) if p not in made)


def same(path: Path, old: bytes, new: bytes) -> bool:
    """Equal files; zips compare their members (compressed bytes vary with the zlib version)."""
    if path.suffix != ".zip" or old == new:
        return old == new
    return _members(old) == _members(new)


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sorted((n, zf.read(n)) for n in zf.namelist())


def _bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _validators():
    from .content import codegen

    return codegen.generated()


def _compiled():
    from .content import compiled

    return compiled.outputs()


def _strings():
    from . import strings

    return strings.outputs()


def _lessons(root: Path):
    """The lesson notebooks, the fieldwork project's nbgrader source notebook, the syllabus."""
    from .lessons.build import outputs as lessons
    from .project.build import outputs as project
    from .syllabus.build import outputs as syllabus

    return {root / rel: text for make in (lessons, project, syllabus) for rel, text in make(root).items()}


def _selfcheck(root: Path):
    from .selfcheck import build

    made, problems = build.build(root / "lessons")
    if problems:
        raise ContentError(problems)
    return {build.DATA / name: text for name, text in made.items()}


def _graded(root: Path):
    from .gradedquiz.bank import load
    from .gradedquiz.build import all_outputs

    bank, problems = load(root / "exercises")
    if problems:
        raise ContentError(problems)
    return {root / "exercises" / rel: text for rel, text in all_outputs(bank).items()}


def _lms(root: Path):
    from .lms.examples import expected

    return {root / "exercises" / "lms" / name: data for name, data in expected(root / "exercises").items()}


def generators(root: Path = REPO) -> list[Generator]:
    """Every generator of committed files, in build order (content first: the others read it)."""
    root = Path(root)
    return [
        Generator("content validators", _validators, ((PACKAGE / "content" / "validators", "*.py"),)),
        Generator("compiled content", _compiled),
        Generator("strings", _strings),
        Generator("lessons", lambda: _lessons(root),
                  ((root / "notebooks" / "id", "*.ipynb"), (root / "notebooks" / "en", "*.ipynb"))),
        Generator("self-check data", lambda: _selfcheck(root),
                  ((PACKAGE / "selfcheck" / "data", "*.json"),)),
        Generator("graded quizzes", lambda: _graded(root), ((root / "exercises" / "keys", "*.json"),)),
        Generator("LMS examples", lambda: _lms(root), ((root / "exercises" / "lms", "coursekit-*"),)),
    ]


def build(check: bool = False, root: Path = REPO, only: list[str] | None = None) -> list[str]:
    """Write every changed file (or, with check, write nothing); return one line per stale file
    ('<path>: missing | differs | not made by any source'). Raises ContentError on bad sources,
    before anything is written."""
    from . import strings

    strings.use_sources()  # this run makes strings.json: everything it makes says the sources
    report = []
    chosen = [g for g in generators(root) if not only or g.name in only]
    for gen, made in [(g, g.outputs()) for g in chosen]:
        for path, data in made.items():
            new = _bytes(data)
            state = "missing" if not path.is_file() else None
            if state is None and not same(path, path.read_bytes(), new):
                state = "differs"
            if state:
                report.append(f"{_show(path, root)}: {state} ({gen.name})")
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(new)
        for path in gen.leftovers(made):
            report.append(f"{_show(path, root)}: not made by any source ({gen.name})")
            if not check:
                path.unlink()
    return report


def _show(path: Path, root: Path) -> str:
    for base in (root, REPO):
        try:
            return str(path.relative_to(base))
        except ValueError:
            pass
    return str(path)


def register(sub) -> None:
    p = sub.add_parser("build", help="rebuild every committed generated file (lessons, self-check data, "
                                     "graded quizzes, LMS examples, compiled content, validators)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is stale")
    p.add_argument("--root", type=Path, default=None,
                   help="the repository folder (default: the one holding this package)")
    p.set_defaults(run=run)


def run(args) -> int:
    import sys

    root = args.root or REPO
    if not (root / "lessons").is_dir():
        print(f"{root}: not a coursekit repository (no lessons/ folder); give --root", file=sys.stderr)
        return 2
    try:
        lines = build(check=args.check, root=root)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    if args.check:
        for line in lines:
            print(f"stale: {line}", file=sys.stderr)
        if lines:
            print(f"{len(lines)} stale file(s); run `{COMMAND}`", file=sys.stderr)
            return 1
        print("every generated file is up to date")
        return 0
    for line in lines:
        print(f"updated: {line}")
    print(f"{len(lines)} file(s) updated" if lines else "every generated file is up to date")
    return 0
