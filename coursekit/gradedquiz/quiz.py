"""The quiz object students use in a graded notebook: ``kuis.tampilkan("q01")`` shows a question in
the student's language and variant; ``kuis.periksa("q01")`` checks the FORMAT of the answer cell
just run (never its correctness). A bad format is reported on stderr, which nbgrader's validate
counts as a failure, so a blank quiz fails `nbgrader validate` and a filled one passes."""

from __future__ import annotations

import functools
import sys

from markupsafe import escape

from ..render import render
from ..strings import pick, say
from . import runtime
from .answers import echo, parse_answer
from .score import format_status
from .variant import fingerprint, memo, slot, student_for

HOW = {"single": "choose-one", "multiple": "choose-several", "true-false": "true-false",
       "matching": "matching", "short": "short", "essay": "essay"}


class View:
    """Something shown in a notebook: HTML for JupyterLab, plain text elsewhere."""

    def __init__(self, html: str, text: str):
        self.html, self.text = html, text.rstrip("\n")  # render() ends text with a new line

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class Kuis:
    def __init__(self, folder=None):
        self.display = runtime.load_display(folder)

    def _message(self, key: str, lang: str, **fields) -> View:
        msg = say("gradedquiz." + key, lang, **fields)
        return View(render("gradedquiz/templates", "message.html.j2", lang, message=msg), msg)

    def tampilkan(self, qid: str, nim: str | None = None, lang: str | None = None) -> View:
        """Show question qid as this student sees it (letters a, b, c...)."""
        lang = lang or runtime.language()
        if self.display is None:
            return self._message("no-questions-file", lang)
        q = runtime.question(self.display, qid)
        if q is None:
            return self._message("unknown-question", lang, qid=qid)
        assignment = self.display["assignment"]
        student = student_for(assignment, nim if nim is not None else runtime.declared_nim())
        if not student and q["type"] != "essay":
            return self._message("no-nim", lang)
        s = slot(q, assignment, student)
        html, text = _views(self.display, q, s, lang)
        line, escaped = _variant_line(lang, student or "-", fingerprint(self.display, student))
        return View(html.replace(VARIANT, escaped), text.replace(VARIANT, line))

    show = tampilkan

    def periksa(self, qid: str, source: str | None = None, ns: dict | None = None) -> None:
        """Check the format of the answer cell run just before (message only; returns nothing, so
        the test cell's value stays the hidden test's points). ns: the kernel namespace (default:
        IPython's); the kernel-free grader passes its own."""
        lang = runtime.language(ns)
        if self.display is None or runtime.question(self.display, qid) is None:
            print(say("gradedquiz.unknown-question", lang, qid=qid), file=sys.stderr)
            return
        q = runtime.question(self.display, qid)
        answer = parse_answer(source if source is not None else runtime.previous_source())
        assignment = self.display["assignment"]
        status = format_status(q, assignment, student_for(assignment, runtime.declared_nim(ns)), answer)
        if status.status == "blank":
            print(say("gradedquiz.format-blank", lang, qid=qid), file=sys.stderr)
            return
        if status.status == "invalid":
            from .feedback import reason

            print(say("gradedquiz.format-bad", lang, qid=qid, reason=reason(status.detail, lang)),
                  file=sys.stderr)
            return
        print(say("gradedquiz.format-ok", lang, qid=qid, value=echo(repr(answer.value))))

    check = periksa


VARIANT = "\x00variant\x00"  # where the student's own line goes in a view shared by variant


@functools.lru_cache(maxsize=64)
def _variant_line(lang: str, student: str, code: str) -> tuple[str, str]:
    """The line naming the student and the variant, as text and escaped for HTML (the same on
    every question the student sees)."""
    line = say("gradedquiz.variant", lang, student=student, code=code)
    return line, str(escape(line))


def _views(display: dict, q: dict, s, lang: str) -> tuple[str, str]:
    """(HTML, text) of a question as one variant shows it (the item and its letters), with
    VARIANT for the line naming the student: students with the same variant share it, so the
    class grader renders each variant once per process, not once per student."""
    key = ("view", q["qid"], s.item, tuple(s.letters.items()), tuple(s.left.items()),
           tuple(s.right.items()), s.points, lang)
    return memo(display, key, lambda: _render(q, s, lang))


def _render(q: dict, s, lang: str) -> tuple[str, str]:
    item = next(i for i in q["items"] if i["item"] == s.item)
    text = {e["token"]: pick(e["text"], lang)
            for part in ("options", "left", "right") for e in item.get(part, [])}
    ctx = dict(title=say("gradedquiz.question", lang, n=int(q["qid"][1:])),
               points=say("gradedquiz.points", lang, points=f"{s.points:g}"),
               stem=pick(item["stem"], lang),
               choices=[(x, text[tok]) for x, tok in s.letters.items()],  # single, multiple
               left=[(x, text[tok]) for x, tok in s.left.items()],  # matching
               right=[(x, text[tok]) for x, tok in s.right.items()],
               guidance=pick(item.get("guidance"), lang),  # essay
               how=say("gradedquiz." + HOW[q["type"]], lang),
               variant_line=VARIANT)
    return (render("gradedquiz/templates", "question.html.j2", lang, **ctx),
            render("gradedquiz/templates", "question.txt.j2", lang, **ctx))


def kuis(folder=None) -> Kuis:
    return Kuis(folder)
