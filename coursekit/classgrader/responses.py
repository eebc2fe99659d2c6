"""From quiz notebooks to the tidy table: what each student chose (stable ids), scored with the
graded quizzes' score_question, and the items' keys, read from the keys file keys/<quiz>.json
beside source/ (instructor-only, written by `coursekit build`)."""

from __future__ import annotations

from pathlib import Path

from .table import Item, Response

KINDS = {"true-false": "truefalse"}


def master(source_dir: Path) -> tuple[dict, dict[str, dict]]:
    """(questions.json display data, {qid: {item: keys}}) of an assignment's source folder; the
    keys come from the instructor-only keys file beside source/ (keys/<quiz>.json). Both are
    read as the quiz's own helpers read them (once per content, the same objects), so the
    variants worked out while grading a student are not worked out again here."""
    from ..gradedquiz.runtime import KEYS_DIR, QUESTIONS_FILE, read_display, read_keys

    display = read_display(source_dir / QUESTIONS_FILE)
    path = source_dir.resolve().parents[1] / KEYS_DIR / f"{display['assignment']}.json"
    return display, read_keys(path)["questions"]


def from_notebook(source_dir: Path, assignment: str, student: str, nb) -> list[Response]:
    from ..gradedquiz.protocol import answer_id, cells_by_id, source_of
    from ..gradedquiz.score import score_question
    from ..gradedquiz.variant import fingerprint, slot

    display, keys = master(Path(source_dir))
    code = fingerprint(display, student)
    rows = []
    by_id = cells_by_id(nb)
    for q in display["questions"]:
        qid = q["qid"]
        if q["type"] == "essay" or qid not in keys:
            s = slot(q, assignment, student)
            rows.append(Response(student, qid, s.item, None, float(q["points"]), (), code,
                                 "manual"))
            continue
        cell = (by_id.get(answer_id(qid)) or [None])[-1]  # the last, as find_cell
        source = source_of(cell) if cell is not None and cell.get("cell_type") == "code" else None
        r = score_question(q, keys[qid], assignment, student, source)
        rows.append(Response(student, qid, r.item, r.points, r.max_points,
                             tuple(str(c) for c in r.chosen), code, r.status))
    return rows


def items(source_dir: Path) -> dict[str, Item]:
    """Every bank item of the assignment, for the analysis (ids, options, key, texts)."""
    display, keys = master(Path(source_dir))
    out: dict[str, Item] = {}
    categories: set[str] = set()
    for q in display["questions"]:
        for cand in q["items"]:
            iid = cand["item"]
            k = keys.get(q["qid"], {}).get(iid)
            kind = KINDS.get(q["type"], q["type"])
            texts = {e["token"]: e["text"] for part in ("options", "left", "right")
                     for e in cand.get(part, [])}
            if k is None:
                out[iid] = Item(iid, kind, float(q["points"]), text=cand.get("stem", {}))
                continue
            if q["type"] in ("single", "multiple"):
                opts = tuple(o["id"] for o in k["options"].values())
                key = tuple(o["id"] for o in k["options"].values() if o["correct"])
                otext = {o["id"]: texts.get(t, {}) for t, o in k["options"].items()}
            elif q["type"] == "matching":
                opts = tuple(e["id"] for e in k["right"].values())
                key = tuple(f"{e['id']}={k['right'][e['match']]['id']}" for e in k["left"].values())
                otext = {e["id"]: texts.get(t, {}) for t, e in k["right"].items()}
                categories.update(opts)
            else:
                opts, key, otext = (), (), {}
            order = k.get("order", [])  # the authored order, when the keys file has it
            opts = tuple(sorted(opts, key=lambda o: order.index(o) if o in order else len(order)))
            out[iid] = Item(iid, kind, float(k["points"]), opts, key, cand.get("stem", {}), otext)
    # single-choice items whose options are the categories of a matching item classify
    for iid, item in list(out.items()):
        if item.kind == "single" and item.options and set(item.options) <= categories:
            out[iid] = Item(item.id, item.kind, item.max, item.options, item.key, item.text,
                            item.option_text, classification=True)
    return out
