"""The one way keys are hidden where students can read (package data, widget state, notebooks).

A question of the one model (with keys) -> display data with keys as salted hashes and feedback
texts as encoded blobs (hide); the kernel recovers the key only when a student checks an answer
(key, reveal). It is not cryptography: a determined reader of the code can recover the keys, which
is acceptable for self-check quizzes. Graded quizzes never ship keys at all: their keys are an
instructor-only data file (coursekit/gradedquiz/keys.py).
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import zlib

from .. import scoring

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def mark(salt: str, *parts: object) -> str:
    """Salted hash of a key fact, e.g. mark(salt, 'q1', 'b', '1') for 'option b of q1 is right'."""
    text = "|".join([salt, *map(str, parts)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _stream(salt: str, where: str, n: int) -> bytes:
    out, block = b"", 0
    while len(out) < n:
        out += hashlib.sha256(f"{salt}|{where}|{block}".encode()).digest()
        block += 1
    return out[:n]


def encode(salt: str, where: str, value: object) -> str:
    """Any JSON value -> an opaque string; `where` (e.g. 'q1.b') makes each blob distinct."""
    raw = zlib.compress(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    return base64.b64encode(_xor(raw, salt, where)).decode()


def decode(salt: str, where: str, blob: str) -> object:
    raw = base64.b64decode(blob)
    return json.loads(zlib.decompress(_xor(raw, salt, where)))


def _xor(raw: bytes, salt: str, where: str) -> bytes:
    return bytes(a ^ b for a, b in zip(raw, _stream(salt, where, len(raw)), strict=True))


reveal = decode


def hide(salt: str, q: dict) -> dict:
    """Display data of one question: texts in the clear, keys as marks, feedback as blobs. Options
    and right-hand entries are shuffled (by salt and id) and shown under letters a, b, ...; the
    left-hand entries of a matching question under numbers 1, 2, ..."""
    qid, kind = q["id"], q["type"]
    out = {"id": qid, "type": kind, "stem": q["stem"], "points": q.get("points", 1)}
    shuffle = random.Random(f"{salt}|{qid}").shuffle
    if kind in ("single", "multiple"):
        options = list(q["options"])
        shuffle(options)
        out["options"] = [
            {
                "id": LETTERS[i],
                "text": o["text"],
                "mark": mark(salt, qid, LETTERS[i], int(bool(o.get("correct")))),
                "why": encode(salt, f"{qid}.{LETTERS[i]}", o["why"]),
            }
            for i, o in enumerate(options)
        ]
    elif kind == "true-false":
        out["mark"] = mark(salt, qid, "tf", q["answer"])
        out["why"] = {
            "true": encode(salt, f"{qid}.true", q.get("if_true", q.get("why"))),
            "false": encode(salt, f"{qid}.false", q.get("if_false", q.get("why"))),
        }
    elif kind == "matching":
        choices = list(q["right"])
        shuffle(choices)
        letter = {c["id"]: LETTERS[i] for i, c in enumerate(choices)}
        out["choices"] = [{"id": letter[c["id"]], "text": c["text"]} for c in choices]
        out["items"] = [
            {
                "id": str(i + 1),
                "text": e["text"],
                "mark": mark(salt, qid, i + 1, letter[e["match"]]),
                "why": encode(salt, f"{qid}.{i + 1}", e["why"]),
            }
            for i, e in enumerate(q["left"])
        ]
    else:  # short
        out["marks"] = sorted({mark(salt, qid, "short", scoring.normalise(a)) for a in q["accepted"]})
        model = q.get("model", {"id": q["accepted"][0], "en": q["accepted"][0]})
        out["answer"] = encode(salt, f"{qid}.answer", model)
        out["why"] = encode(salt, f"{qid}.why", q["why"])
    return out


def key(salt: str, data: dict, raw=None):
    """The key of hidden question data, as the scoring rules take it (short: [raw] if accepted)."""
    qid, kind = data["id"], data["type"]
    if kind in ("single", "multiple"):
        return {o["id"] for o in data["options"] if o["mark"] == mark(salt, qid, o["id"], 1)}
    if kind == "true-false":
        return data["mark"] == mark(salt, qid, "tf", True)
    if kind == "matching":
        ids = [c["id"] for c in data["choices"]]
        return {
            i["id"]: next((c for c in ids if i["mark"] == mark(salt, qid, i["id"], c)), None)
            for i in data["items"]
        }
    hit = raw is not None and mark(salt, qid, "short", scoring.normalise(raw)) in data["marks"]
    return [str(raw)] if hit else []
