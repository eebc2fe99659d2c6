"""The ipywidgets view of a Quiz: one block per question (input, Check, Retry, feedback), a summary.

Only option labels reach the browser (ipywidgets keeps selection values in the kernel); feedback
HTML is sent only after the student checks.
"""

from __future__ import annotations

import ipywidgets as w

from ..strings import say

BLANK = ""


def build(quiz):
    lang = quiz.lang
    quiz._parts = {}
    blocks = [w.HTML(quiz.html("quiz_head", quiz=quiz))]
    for n, q in enumerate(quiz.questions, 1):
        head = w.HTML(quiz.html("question", q=q, n=n))
        inputs = _inputs(quiz, q, lang)
        check = w.Button(
            description=say("widgets.quiz.check", lang), icon="check", tooltip=say("widgets.quiz.check", lang)
        )
        retry = w.Button(
            description=say("widgets.quiz.retry", lang), icon="undo", tooltip=say("widgets.quiz.retry", lang)
        )
        check.on_click(quiz._on(lambda _b, qid=q.id: quiz.check(qid)))
        retry.on_click(quiz._on(lambda _b, qid=q.id: quiz.retry(qid)))
        out = w.HTML(value="")
        quiz._parts[q.id] = {"inputs": inputs, "feedback": out}
        blocks.append(
            w.VBox([head, *inputs.values(), w.HBox([check, retry]), out], layout=w.Layout(margin="0 0 1em 0"))
        )
    quiz._summary = w.HTML()
    blocks.append(quiz._summary)
    return w.VBox(blocks)


def _inputs(quiz, q, lang) -> dict:
    """Input widgets keyed by what they answer: 'value', an option id, or a matching item id."""

    def set_answer(value):
        quiz.answer(q.id, value)

    if q.type == "single":
        box = w.RadioButtons(
            options=[(f"{i}) {t}", i) for i, t in q.options(lang)], value=None, layout=w.Layout(width="auto")
        )
        box.observe(quiz._on(lambda ch: set_answer(ch["new"])), "value")
        return {"value": box}
    if q.type == "true-false":
        box = w.RadioButtons(
            options=[(say("widgets.quiz.true", lang), True), (say("widgets.quiz.false", lang), False)],
            value=None,
        )
        box.observe(quiz._on(lambda ch: set_answer(ch["new"])), "value")
        return {"value": box}
    if q.type == "multiple":
        boxes = {
            i: w.Checkbox(description=f"{i}) {t}", value=False, indent=False, layout=w.Layout(width="auto"))
            for i, t in q.options(lang)
        }

        def changed(_ch):
            set_answer(sorted(i for i, b in boxes.items() if b.value))

        for b in boxes.values():
            b.observe(quiz._on(changed), "value")
        return boxes
    if q.type == "matching":
        choices = [(say("widgets.quiz.pick", lang), BLANK), *((f"{i}) {t}", i) for i, t in q.options(lang))]
        drops = {
            i: w.Dropdown(
                options=choices,
                value=BLANK,
                description=f"{i}. {t}",
                style={"description_width": "initial"},
                layout=w.Layout(width="auto"),
            )
            for i, t in q.items(lang)
        }

        def picked(_ch):
            set_answer({i: d.value for i, d in drops.items() if d.value != BLANK})

        for d in drops.values():
            d.observe(quiz._on(picked), "value")
        return drops
    box = w.Text(value="", placeholder=say("widgets.quiz.type-here", lang), continuous_update=True)
    box.observe(quiz._on(lambda ch: set_answer(ch["new"])), "value")
    return {"value": box}


def update(quiz) -> None:
    from ..scoring import parse_letters

    for q in quiz.questions:
        parts, given = quiz._parts[q.id], quiz.answers.get(q.id)
        inputs = parts["inputs"]
        if q.type in ("single", "true-false"):
            inputs["value"].value = given if given in [o[1] for o in inputs["value"].options] else None
        elif q.type == "short":
            inputs["value"].value = "" if given is None else str(given)
        elif q.type == "multiple":
            chosen = set(parse_letters(given) or [])
            for i, box in inputs.items():
                box.value = i in chosen
        else:
            pairs = given if isinstance(given, dict) else {}
            for i, drop in inputs.items():
                drop.value = (
                    pairs.get(i, BLANK) if pairs.get(i, BLANK) in [o[1] for o in drop.options] else BLANK
                )
        fb = quiz.results.get(q.id)
        parts["feedback"].value = fb._repr_html_() if fb else ""
    quiz._summary.value = quiz.html("quiz_summary", score=quiz.score())
