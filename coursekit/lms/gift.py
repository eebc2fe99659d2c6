"""GIFT (Moodle's text format): all six types; pools as categories; rationales as feedback.

Every piece of text goes through escape(): GIFT's special characters ~ = # { } : and the
backslash are escaped everywhere, also inside the multilang markup (lang="id" holds an '=').
"""

from __future__ import annotations

from ..strings import entry, say
from .source import Question, Quiz
from .text import general_feedback, html, paragraphs, plain, points
from .weights import moodle_percents

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    out = "".join("\\" + c if c in SPECIAL else c for c in text)
    return out.replace("\r", "").replace("\n", "\\n")


def export(quizzes: list[Quiz], lang: str = "both", mlang: bool = False) -> str:
    lines = [f"// {line}" for line in say("lms.messages.keys-inside", "both").splitlines()] + [""]
    for quiz in quizzes:
        top = f"$course$/top/coursekit/{quiz.id}"
        lines += [f"$CATEGORY: {top}", ""]
        for slot in quiz.slots:
            if slot.pool:
                lines += [f"$CATEGORY: {top}/{slot.pool}", ""]
            for q in slot.questions:
                lines += [question(q, lang, mlang), ""]
            if slot.pool:
                lines += [f"$CATEGORY: {top}", ""]
    return "\n".join(lines)


def question(q: Question, lang: str, mlang: bool = False) -> str:
    t = lambda x: escape(html(x, lang, mlang))  # noqa: E731
    note = plain(entry("lms.names.points-comment"), lang).format(item=q.id, points=points(q.points),
                                                                   type=q.type)
    stem = paragraphs(html(q.stem, lang, mlang), html(q.guidance, lang, mlang))
    head = f"// {note}\n::{escape(q.id)}::[html]{escape(stem)}"
    if q.type in ("single", "multiple"):
        body = []
        for c, frac in zip(q.choices, moodle_percents(q, "GIFT"), strict=True):
            mark = ("=" if c.correct else "~") if q.type == "single" else f"~%{frac}%"
            body.append(f"\t{mark}{t(c.text)}#{t(c.why)}")
        return head + " {\n" + "\n".join(body) + "\n}"
    if q.type == "true-false":
        why = t(q.why)
        return f"{head} {{{'TRUE' if q.answer else 'FALSE'}#{why}#{why}}}"
    if q.type == "short":
        return head + " {\n" + "\n".join(f"\t={escape(a)}#{t(q.why)}" for a in q.accepted) + "\n}"
    if q.type == "matching":
        right = {r.id: r for r in q.right}
        # right-hand answers are plain text in Moodle (a menu), as in the Moodle XML export
        body = [f"\t={t(p.text)} -> {escape(plain(right[p.match].text, lang))}" for p in q.left]
        body += [f"\t= -> {escape(plain(r.text, lang))}" for r in q.right  # distractors, as Moodle's
                 if all(p.match != r.id for p in q.left)]                  # GIFT import reads them
        why = general_feedback(q, lang, mlang)
        return head + " {\n" + "\n".join(body) + (f"\n\t####{escape(why)}" if why else "") + "\n}"
    return head + " {}"
