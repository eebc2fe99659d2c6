"""A problem found in content, and the helpers that word it."""

from __future__ import annotations

from collections import namedtuple


class Problem(namedtuple("Problem", "file line field message")):
    """One problem: where it is (file, line, field) and what is wrong. Sorts by file, then line.

    (A named tuple rather than a dataclass: importing dataclasses costs a tenth of the budget
    for loading all content.)
    """

    __slots__ = ()

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field or '(file)'}: {self.message}"


class ContentError(Exception):
    """Content failed to load; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in course content:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def did_you_mean(value: object, choices) -> str:
    """' (did you mean 'x'?)' when a choice is close to value, else ''."""
    import difflib

    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def allowed(choices, limit: int = 30) -> str:
    """A readable list of allowed values."""
    items = sorted(str(c) for c in choices)
    shown = ", ".join(items[:limit])
    return shown + (f", ... ({len(items)} in all)" if len(items) > limit else "")


def dotted(path) -> str:
    """A JSON path as 'a.b[2].c'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
