"""Read a student's answer from the SOURCE of an answer cell, without executing anything.

An answer cell holds comment lines and one assignment ``jawaban = <literal>`` (a string, a list
of strings, or a dict of strings). The identity cell holds ``NIM = "..."`` and ``BAHASA = "id"``.
Both the hidden nbgrader tests (inside the kernel) and the kernel-free grader call these
functions on the same source text, so they always read the same answer.

``parse_answer(source)`` never raises: it returns an ``Answer`` whose ``invalid`` field holds a
machine-readable reason (see REASONS) when the cell is not a plain answer.
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass

ANSWER_NAME = "jawaban"
# A cell rewritten by the submission guard (preprocess.py) carries its reason in this comment.
MARKER = "# coursekit-invalid:"
MAX_SOURCE = 20_000  # characters; longer answer cells are refused unread
MAX_TEXT = 1_000  # characters of one answer text (a letter, a word, a pair); longer is refused
MAX_INT = 10**6  # `jawaban = 2` reads as "2"; a number beyond this is not an answer
ECHO = 40  # characters of a student's text quoted back in a message

# reason -> what it means (the bilingual wording for students is in strings.yaml: invalid.<reason>)
REASONS = {
    "syntax-error": "the cell is not valid Python (e.g. a missing quote)",
    "no-answer": "no line `jawaban = ...` was found",
    "several-statements": "the cell holds more than one statement",
    "not-a-value": "the answer is code (a call, a name, arithmetic), not a plain value",
    "wrong-type": "the value is not a string, a list of strings or a dict of strings",
    "too-long": "the cell is longer than 20,000 characters, or one text longer than 1,000",
    "answer-cell-missing": "the answer cell was deleted",
    "answer-cell-not-code": "the answer cell was changed into a markdown or raw cell",
}


@dataclass(frozen=True)
class Answer:
    """What an answer cell says: ``value`` (plain data) or ``invalid`` (a reason from REASONS)."""

    value: object = None
    invalid: str | None = None
    detail: str = ""  # e.g. the line of a syntax error

    @property
    def blank(self) -> bool:
        return self.invalid is None and _is_blank(self.value)

    @property
    def ok(self) -> bool:
        return self.invalid is None


def parse_answer(source: str | None, name: str = ANSWER_NAME) -> Answer:
    """The value assigned to ``jawaban`` in an answer cell's source, or why there is none."""
    if source is None:
        return Answer(invalid="answer-cell-missing")
    if isinstance(source, list):  # nbformat may store source as a list of lines
        source = "".join(source)
    return _parse(source, name)


@functools.lru_cache(maxsize=256)
def _parse(source: str, name: str) -> Answer:
    """Once per process per source: the guard, the format check, the hidden test and the
    responses all read the same answer cell (an Answer is frozen; its value is only read)."""
    marked = _marker(source)
    if marked:
        return Answer(invalid=marked)
    if len(source) > MAX_SOURCE:
        return Answer(invalid="too-long")
    values, problem = _assignments(source, {name})
    if problem:
        return problem
    if name not in values:
        return Answer(invalid="no-answer")
    return _checked(values[name])


def echo(value: object, limit: int = ECHO) -> str:
    """A student's text quoted in a message: one line, at most limit characters."""
    line = " ".join(str(value)[: limit * 4].split())
    return line if len(line) <= limit else line[:limit - 3] + "..."


def parse_identity(source: str | None) -> dict[str, str]:
    """{'NIM': ..., 'BAHASA': ...} from the identity cell; missing or unreadable fields are ''."""
    out = {"NIM": "", "BAHASA": ""}
    if not isinstance(source, str) or len(source) > MAX_SOURCE:
        return out
    values, problem = _assignments(source, set(out))
    if problem:
        values = _loose_identity(source)
    for key in out:
        if isinstance(values.get(key), str):
            out[key] = values[key].strip()
    return out


def canonical_source(answer: Answer, comments: str = "") -> str:
    """Safe replacement source for an answer cell: its comments and the literal, or a marker."""
    lines = [line for line in comments.splitlines() if line.lstrip().startswith("#")]
    if answer.ok:
        lines.append(f"{ANSWER_NAME} = {answer.value!r}")
    else:
        lines += [f"{MARKER} {answer.invalid}", f"{ANSWER_NAME} = None"]
    return "\n".join(lines)


def _assignments(source: str, names: set[str]) -> tuple[dict, Answer | None]:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as err:  # ValueError: null bytes
        return {}, Answer(invalid="syntax-error", detail=f"line {getattr(err, 'lineno', 0) or 0}")
    except (RecursionError, MemoryError):  # nested too deeply for the parser
        return {}, Answer(invalid="not-a-value")
    values: dict = {}
    for node in tree.body:
        target = _target(node)
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", None) in names:
            return values, Answer(invalid="not-a-value")  # the annotation is code
        if target not in names:
            return values, Answer(invalid="several-statements" if _assigns_any(tree, names)
                                  else "no-answer")
        try:
            values[target] = ast.literal_eval(node.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return values, Answer(invalid="not-a-value")
    return values, None


def _target(node) -> str | None:
    """The name a plain `name = value` statement assigns; None for any other statement (an
    annotation `name: ... = value`, chained, augmented, starred or tuple targets, walrus...)."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def _assigns_any(tree, names: set[str]) -> bool:
    return any(_target(node) in names for node in tree.body)


def _checked(value) -> Answer:
    try:
        return _plain(value)
    except _TooLong:
        return Answer(invalid="too-long")
    except _WrongType:
        return Answer(invalid="wrong-type")


class _TooLong(Exception):
    pass


class _WrongType(Exception):
    pass


def _text(x) -> str:
    """One answer text: a string or a small whole number, bounded (scoring stays linear)."""
    if isinstance(x, bool) or not isinstance(x, (str, int)):
        raise _WrongType
    if isinstance(x, int):
        if abs(x) > MAX_INT:  # also keeps str() away from 5,000-digit numbers
            raise _WrongType
        x = str(x)
    if len(x) > MAX_TEXT:
        raise _TooLong
    return x


def _plain(value) -> Answer:
    if value is None or isinstance(value, bool):
        return Answer(value=value)
    if isinstance(value, (str, int)):
        return Answer(value=_text(value))  # jawaban = 2 reads as "2"
    if isinstance(value, float):
        if abs(value) > MAX_INT or value != value:
            raise _WrongType
        return Answer(value=str(value))
    if isinstance(value, (list, tuple, set)):
        if all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in value):
            return Answer(value=[_text(x) for x in value])
        if all(isinstance(x, (list, tuple)) and len(x) == 2 for x in value):
            return Answer(value=[[_text(a), _text(b)] for a, b in value])
        raise _WrongType
    if isinstance(value, dict):
        return Answer(value={_text(k): _text(v) for k, v in value.items()})
    raise _WrongType


def _marker(source: str) -> str | None:
    for line in source.splitlines():
        if line.startswith(MARKER):
            reason = line[len(MARKER):].strip()
            return reason if reason in REASONS else "not-a-value"
    return None


def _loose_identity(source: str) -> dict:
    """Identity fields from a cell that does not parse as a whole (one bad line)."""
    found = {}
    for key in ("NIM", "BAHASA"):
        match = re.search(rf"^\s*{key}\s*=\s*(['\"])(.*?)\1\s*(#.*)?$", source, re.M)
        if match:
            found[key] = match.group(2)
    return found


def _is_blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False
