"""From a bank item (instructor data, with keys) to its released display data and its key data.

``display_item`` holds only what a student may see: the stem, the option texts under tokens
(sorted by token, so not even the authored order is released). ``item_key`` holds the key and
the rationale under the same tokens; ``coursekit build`` writes it as data into the
instructor-only keys file ``keys/<quiz>.json`` (never into generated code), which the hidden
tests (runtime.load_keys), the class grader (classgrader/responses.py) and the feedback read.
"""

from __future__ import annotations

from .variant import token

AUTO_TYPES = ("single", "multiple", "true-false", "matching", "short")


def display_item(assignment: str, item: dict) -> dict:
    out = {"item": item["id"], "stem": item["stem"]}
    iid = item["id"]
    if item["type"] in ("single", "multiple"):
        out["options"] = _sorted([{"token": token(assignment, iid, o["id"]), "text": o["text"]}
                                  for o in item["options"]])
        if item["type"] == "multiple":
            out["choose"] = "several"
    elif item["type"] == "matching":
        out["left"] = _sorted([{"token": token(assignment, iid, "L:" + e["id"]), "text": e["text"]}
                               for e in item["left"]])
        out["right"] = _sorted([{"token": token(assignment, iid, "R:" + e["id"]), "text": e["text"]}
                                for e in item["right"]])
    elif item["type"] == "essay" and "guidance" in item:
        out["guidance"] = item["guidance"]
    return out


def item_key(assignment: str, item: dict) -> dict:
    iid, kind = item["id"], item["type"]
    key: dict = {"item": iid, "type": kind, "points": item["points"]}
    if kind in ("single", "multiple"):
        key["options"] = {token(assignment, iid, o["id"]): {"id": o["id"], "correct": bool(o.get("correct")),
                                                           "why": o["why"]}
                          for o in item["options"]}
        key["order"] = [o["id"] for o in item["options"]]  # authored order (reports)
    elif kind == "true-false":
        key["answer"] = bool(item["answer"])
        key["why"] = item["why"]
    elif kind == "short":
        key["accepted"] = list(item["accepted"])
        key["why"] = item["why"]
    elif kind == "matching":
        key["left"] = {token(assignment, iid, "L:" + e["id"]): {
            "id": e["id"], "match": token(assignment, iid, "R:" + e["match"]), "why": e["why"]}
            for e in item["left"]}
        key["right"] = {token(assignment, iid, "R:" + e["id"]): {"id": e["id"]} for e in item["right"]}
        key["order"] = [e["id"] for e in item["right"]]  # authored order (reports)
    return key


def _sorted(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: e["token"])
