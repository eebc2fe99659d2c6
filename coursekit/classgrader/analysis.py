"""Item analysis by classical test theory, as Moodle's quiz statistics report computes it.

- facility index: mean score on the item as a share of its maximum (0-100);
- discrimination index: Pearson correlation of the item score with the rest of the test
  (the total without this item: the "corrected item-total correlation"), times 100;
- discriminative efficiency: that covariance over the largest covariance the same two sets of
  scores could have (both sorted), times 100;
- reliability: Cronbach's alpha over the question slots (equal to KR-20 when every question is
  right/wrong), and KR-20 on the right/wrong form (full marks = 1);
- distractor frequencies, and confusion matrices (key against answer) for classification and
  matching items.

The flags compare each figure with the reference ranges in ranges.yaml (Moodle's guidance).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from .table import CHOICE_KINDS, MATCHING, Item, Response


@dataclass
class ItemStats:
    item: Item
    questions: list[str]  # slots in which the item appeared
    n: int  # graded responses
    facility: float | None  # 0-100
    sd: float | None  # SD of the fraction, 0-100
    discrimination: float | None  # -100..100
    efficiency: float | None  # 0-100
    distractors: dict[str, int] = field(default_factory=dict)  # option id -> times chosen
    blank: int = 0
    flags: list[tuple[str, dict]] = field(default_factory=list)  # (reason key, values)


@dataclass
class Analysis:
    assignment: str
    students: list[str]
    totals: dict[str, float]  # student -> total (graded items)
    max_total: float
    items: list[ItemStats]
    alpha: float | None
    kr20: float | None
    confusion: list[dict]  # {'item'|'pooled', 'labels': [...], 'matrix': [[...]]}
    test_flags: list[tuple[str, dict]]
    ungraded: int  # responses still waiting for manual grading


def analyse(assignment: str, responses: list[Response], items: dict[str, Item],
            ranges: dict) -> Analysis:
    """Everything the report shows, computed from the tidy table."""
    students = sorted({r.student for r in responses})
    questions = sorted({r.question for r in responses})
    s_index = {s: i for i, s in enumerate(students)}
    q_index = {q: i for i, q in enumerate(questions)}
    scores = np.full((len(students), len(questions)), np.nan)
    maxes = np.zeros(len(questions))
    for r in responses:
        maxes[q_index[r.question]] = max(maxes[q_index[r.question]], r.max)
        if r.score is not None:
            scores[s_index[r.student], q_index[r.question]] = r.score
    graded_q = ~np.all(np.isnan(scores), axis=0) if len(students) else np.zeros(0, bool)
    filled = np.nan_to_num(scores[:, graded_q]) if len(students) else scores
    totals_arr = filled.sum(axis=1) if len(students) else np.zeros(0)
    totals = {s: float(totals_arr[i]) for s, i in s_index.items()}

    by_item: dict[str, list[Response]] = defaultdict(list)
    for r in responses:
        by_item[r.item].append(r)
    stats = []
    for item_id in sorted(by_item, key=lambda i: (min(r.question for r in by_item[i]), i)):
        item = items.get(item_id) or Item(id=item_id, kind="", max=by_item[item_id][0].max)
        stats.append(_item_stats(item, by_item[item_id], totals, ranges))

    alpha = _alpha(filled) if filled.size else None
    right = (filled >= maxes[graded_q] - 1e-9).astype(float) if filled.size else filled
    kr20 = _alpha(right) if filled.size else None
    test_flags = []
    ref = ranges["reliability"]
    if alpha is not None and alpha * 100 < ref["unsatisfactory_below"]:
        test_flags.append(("reliability_low", {"value": alpha * 100,
                                               "limit": ref["unsatisfactory_below"]}))
    return Analysis(
        assignment=assignment, students=students, totals=totals,
        max_total=float(maxes[graded_q].sum()) if len(maxes) else 0.0, items=stats,
        alpha=alpha, kr20=kr20, confusion=confusion_matrices(responses, items),
        test_flags=test_flags, ungraded=sum(1 for r in responses if r.score is None))


def _item_stats(item: Item, rows: list[Response], totals: dict[str, float],
                ranges: dict) -> ItemStats:
    graded = [r for r in rows if r.score is not None and r.max]
    frac = np.array([r.score / r.max for r in graded])
    item_scores = np.array([r.score for r in graded])
    rest = np.array([totals[r.student] - r.score for r in graded])
    facility = float(frac.mean() * 100) if len(frac) else None
    sd = float(frac.std(ddof=1) * 100) if len(frac) > 1 else None
    disc = eff = None
    if len(graded) > 2 and item_scores.std() > 0 and rest.std() > 0:
        disc = float(np.corrcoef(item_scores, rest)[0, 1] * 100)
        cov = np.cov(item_scores, rest)[0, 1]
        cov_max = np.cov(np.sort(item_scores), np.sort(rest))[0, 1]
        eff = float(cov / cov_max * 100) if cov_max > 0 else None
    distractors: dict[str, int] = {}
    blank = 0
    if item.kind in CHOICE_KINDS or item.kind == MATCHING:
        counts = Counter()
        for r in rows:
            if not r.chosen:
                blank += 1
            for c in r.chosen:
                counts[c.split("=")[-1] if item.kind == MATCHING else c] += 1
        distractors = {o: counts.get(o, 0) for o in item.options}
        distractors.update({o: n for o, n in counts.items() if o not in distractors})
    st = ItemStats(item=item, questions=sorted({r.question for r in rows}), n=len(graded),
                   facility=facility, sd=sd, discrimination=disc, efficiency=eff,
                   distractors=distractors, blank=blank)
    st.flags = flags(st, ranges)
    return st


def flags(st: ItemStats, ranges: dict) -> list[tuple[str, dict]]:
    """(reason key, values) for every figure outside the reference ranges."""
    out: list[tuple[str, dict]] = []
    if st.n < ranges["min_responses"]:
        return [("too_few", {"n": st.n, "limit": ranges["min_responses"]})]
    fac = ranges["facility"]
    if st.facility is not None:
        if st.facility >= fac["too_easy_from"]:
            out.append(("too_easy", {"value": st.facility, "limit": fac["too_easy_from"]}))
        elif st.facility <= fac["too_hard_to"]:
            out.append(("too_hard", {"value": st.facility, "limit": fac["too_hard_to"]}))
    dis = ranges["discrimination"]
    if st.discrimination is not None:
        if st.discrimination < 0:
            out.append(("negative_discrimination", {"value": st.discrimination}))
        elif st.discrimination < dis["weak_below"]:
            out.append(("weak_discrimination", {"value": st.discrimination,
                                                "limit": dis["weak_below"]}))
    elif st.facility is not None:
        out.append(("no_spread", {}))
    if st.efficiency is not None and st.efficiency < ranges["efficiency"]["dubious_below"] \
            and not any(k == "negative_discrimination" for k, _ in out):
        out.append(("low_efficiency", {"value": st.efficiency,
                                       "limit": ranges["efficiency"]["dubious_below"]}))
    if st.item.kind in CHOICE_KINDS:
        key = set(st.item.key)
        for option, count in st.distractors.items():
            if option not in key and count == 0 and option in st.item.options:
                out.append(("unused_distractor", {"option": option}))
    return out


def _alpha(matrix: np.ndarray) -> float | None:
    """Cronbach's alpha of a students x questions matrix (KR-20 when it holds 0/1)."""
    n_students, k = matrix.shape
    if k < 2 or n_students < 2:
        return None
    total_var = matrix.sum(axis=1).var(ddof=1)
    if total_var <= 0:
        return None
    return float(k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / total_var))


def confusion_matrices(responses: list[Response], items: dict[str, Item]) -> list[dict]:
    """Key against answer for classification and matching items: one pooled matrix over the
    strategy-classification items, one per matching item."""
    pooled: Counter = Counter()
    pooled_labels: set[str] = set()
    per_item: dict[str, Counter] = defaultdict(Counter)
    for r in responses:
        item = items.get(r.item)
        if item is None:
            continue
        if item.kind == MATCHING:
            key = dict(p.split("=", 1) for p in item.key)
            chosen = dict(p.split("=", 1) for p in r.chosen if "=" in p)
            for left, right in key.items():
                per_item[item.id][(right, chosen.get(left, ""))] += 1
        elif item.classification and item.kind in CHOICE_KINDS and len(item.key) == 1:
            pooled_labels.update(item.options)
            pooled[(item.key[0], r.chosen[0] if len(r.chosen) == 1 else "")] += 1
    out = []
    if pooled:
        hint = next((i.options for i in items.values() if set(pooled_labels) <= set(i.options)), ())
        out.append(_matrix("pooled", pooled, ordered(pooled_labels, hint)))
    for item_id, counts in sorted(per_item.items()):
        labels = {k for k, _ in counts} | {c for _, c in counts if c} | set(items[item_id].options)
        out.append(_matrix(item_id, counts, ordered(labels, items[item_id].options)))
    return out


def ordered(labels, hint=()) -> list[str]:
    """Category labels in the order the course teaches them: a framework's own order when they
    are its elements (e.g. the 5C), else the item's authored order, else alphabetical."""
    labels = set(labels)
    for order in (_framework_order(labels), list(hint)):
        if order and labels <= set(order):
            return [x for x in order if x in labels]
    return sorted(labels)


def _framework_order(labels: set) -> list[str]:
    try:
        from ..content import content

        for fw in content().all("framework"):
            keys = [e["key"] for e in fw["elements"]]
            if labels <= set(keys):
                return keys
    except Exception:  # the report works without the course content
        return []
    return []


def _matrix(name: str, counts: Counter, labels: list[str]) -> dict:
    cols = [*labels, ""]  # "" = blank or invalid
    rows = [lab for lab in labels if any(counts.get((lab, c), 0) for c in cols)]
    return {"item": name, "rows": rows, "cols": cols,
            "matrix": [[counts.get((r, c), 0) for c in cols] for r in rows]}
