"""A simulated class for the item analysis: students of known ability answer items of known
difficulty, with planted properties (an item everybody gets right, an item that weaker students
get right more often, a distractor nobody picks). Test support: used by the item-analysis and report tests."""

from __future__ import annotations

import math
import random

from coursekit.classgrader.table import MATCHING, MULTIPLE, SINGLE, Item, Response

STRATEGIES = ("conflict", "consensus", "mixed")


def simulated_class(n_students: int = 120, seed: int = 7) -> tuple[list[Response], dict[str, Item]]:
    rng = random.Random(seed)
    items: dict[str, Item] = {}

    def add(item: Item) -> Item:
        items[item.id] = item
        return item

    # Ordinary single-choice items of graded difficulty.
    plain = [add(Item(id=f"sim-single-{i:02d}", kind=SINGLE, max=1,
                      options=("a1", "a2", "a3", "a4"), key=("a1",),
                      text={"id": f"Soal simulasi {i}", "en": f"Simulated question {i}"}))
             for i in range(1, 9)]
    everybody = add(Item(id="sim-everybody-right", kind=SINGLE, max=1,
                         options=("e1", "e2", "e3"), key=("e1",),
                         text={"id": "Semua benar", "en": "Everybody right"}))
    negative = add(Item(id="sim-negative", kind=SINGLE, max=1, options=("n1", "n2", "n3"),
                        key=("n1",), text={"id": "Daya beda negatif", "en": "Negative"}))
    unused = add(Item(id="sim-unused-distractor", kind=SINGLE, max=1,
                      options=("u1", "u2", "u3", "u4"), key=("u1",),
                      text={"id": "Pengecoh tak terpakai", "en": "Unused distractor"}))
    multi = add(Item(id="sim-multiple", kind=MULTIPLE, max=2, options=("m1", "m2", "m3", "m4"),
                     key=("m1", "m2"), text={"id": "Pilihan ganda kompleks", "en": "Multiple"}))
    classify = [add(Item(id=f"sim-classify-{s}", kind=SINGLE, max=1, options=STRATEGIES,
                         key=(s,), classification=True,
                         text={"id": f"Klasifikasi {s}", "en": f"Classify {s}"}))
                for s in STRATEGIES]
    match = add(Item(id="sim-matching", kind=MATCHING, max=3, options=STRATEGIES,
                     key=("c1=conflict", "c2=consensus", "c3=mixed"),
                     text={"id": "Jodohkan kasus", "en": "Match the cases"}))

    responses = []
    for s in range(n_students):
        student = f"s{s:03d}"
        ability = rng.gauss(0, 1)
        order = [*plain, everybody, negative, unused, multi, *classify, match]
        for q, item in enumerate(order, start=1):
            qid = f"q{q:02d}"
            if item is everybody:
                p = 1.0
            elif item is negative:
                p = 1 / (1 + math.exp(2.5 * ability))  # weaker students do better
            else:
                difficulty = (q % 8 - 4) / 3
                p = 1 / (1 + math.exp(-(1.7 * ability - difficulty)))
            responses.append(_answer(rng, student, qid, item, p))
    return responses, items


def _answer(rng: random.Random, student: str, qid: str, item: Item, p: float) -> Response:
    variant = f"v{rng.randrange(1000):03d}"
    if item.kind == MATCHING:
        key = dict(x.split("=") for x in item.key)
        chosen = []
        for left, right in key.items():
            pick = right if rng.random() < p else rng.choice([o for o in item.options if o != right])
            chosen.append(f"{left}={pick}")
        right_n = sum(1 for c in chosen if c in item.key)
        return Response(student, qid, item.id, round(item.max * right_n / len(key), 4), item.max,
                        tuple(chosen), variant, "partial")
    if item.kind == MULTIPLE:
        chosen = {k for k in item.key if rng.random() < p}
        chosen |= {o for o in item.options if o not in item.key and rng.random() < (1 - p) / 3}
        net = len(chosen & set(item.key)) - len(chosen - set(item.key))
        score = round(item.max * max(0.0, net / len(item.key)), 4)
        return Response(student, qid, item.id, score, item.max, tuple(sorted(chosen)), variant,
                        "partial")
    if rng.random() < p:
        return Response(student, qid, item.id, item.max, item.max, item.key, variant, "correct")
    wrong = [o for o in item.options if o not in item.key]
    if item.id == "sim-unused-distractor":
        wrong = wrong[:-1]  # the last distractor is never picked
    return Response(student, qid, item.id, 0.0, item.max, (rng.choice(wrong),), variant,
                    "incorrect")
