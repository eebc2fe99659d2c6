"""The item-analysis report: one self-contained HTML file (figures embedded) plus the PNGs beside
it, in the lecturer's language. `write_report` works on the tidy table; `item_report` reads an
nbgrader course (gradebook scores, answers from the autograded notebooks) and is the one call
for a notebook."""

from __future__ import annotations

import base64
import statistics
from dataclasses import dataclass
from pathlib import Path

from ..strings import say
from . import atomic, figures, ranges
from .analysis import Analysis, analyse
from .table import CHOICE_KINDS, Item, Response


@dataclass
class Report:
    """What write_report made; shows itself in a notebook."""

    path: Path
    figures: list[Path]
    analysis: Analysis

    def _repr_html_(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def __str__(self) -> str:
        return str(self.path)


def write_report(assignment: str, responses: list[Response], items: dict[str, Item],
                 out_dir: Path | str, lang: str = "id", source: str = "") -> Report:
    from ..lang import resolve
    from ..render import render

    lang = resolve(lang)
    out_dir = Path(out_dir)
    (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    a = analyse(assignment, responses, items, ranges.ranges())
    written: list[Path] = []

    def save(made) -> dict:
        name, png, alt = made
        path = out_dir / "figures" / f"{name}.png"
        atomic.write_bytes(path, png)
        written.append(path)
        return {"name": name, "data": base64.b64encode(png).decode("ascii"), "alt": alt,
                "file": f"figures/{name}.png"}

    def option_label(item: Item, option: str) -> str:
        text = item.option_text.get(option)
        return f"{option}: {_short(text[lang])}" if text else option

    figs = {
        "histogram": save(figures.histogram(a, lang)),
        "items": save(figures.item_map(a, lang)),
        "options": [save(figures.distractors(st, lang, option_label)) for st in a.items
                    if st.item.kind in CHOICE_KINDS and st.distractors],
        "confusion": [save(figures.confusion(
            m, lang, say("classgrader.labels.confusion_pooled", lang) if m["item"] == "pooled"
            else m["item"])) for m in a.confusion],
    }

    def reasons(flags) -> list[str]:
        return [say("classgrader.flags." + key, lang, **values) for key, values in flags]

    rows = [{"st": st, "reasons": reasons(st.flags),
             "facility_band": ranges.band("facility", st.facility, lang),
             "discrimination_band": ranges.band("discrimination", st.discrimination, lang)}
            for st in a.items]
    totals = list(a.totals.values()) or [0.0]
    ref = ranges.ranges()["reliability"]
    html = render(
        "templates", "classgrader/report.html.j2", lang, a=a, rows=rows, figures=figs, source=source,
        flagged=[(r["st"], r["reasons"]) for r in rows if r["reasons"]],
        test_flags=reasons(a.test_flags), reliability_band=_reliability_band(a.alpha, ref, lang),
        summary={"mean": statistics.fmean(totals), "median": statistics.median(totals),
                 "sd": statistics.stdev(totals) if len(totals) > 1 else 0.0},
        ranges_source=ranges.ranges()["source"][lang],
        fmt=lambda x: "" if x is None else f"{x:.1f}",
        pct=lambda x: say("classgrader.labels.not_computable", lang) if x is None else f"{x * 100:.0f}%",
        pct100=lambda x: "–" if x is None else f"{x:.0f}%",
    )
    path = out_dir / "report.html"
    atomic.write_text(path, html)
    return Report(path, written, a)


def _reliability_band(alpha, ref: dict, lang: str) -> str:
    if alpha is None:
        return ""
    value = alpha * 100
    if value >= ref["satisfactory_from"]:
        return "(" + say("classgrader.labels.reliability_ok", lang, limit=ref["satisfactory_from"]) + ")"
    if value < ref["unsatisfactory_below"]:
        return "(" + say("classgrader.labels.reliability_bad", lang,
                                limit=ref["unsatisfactory_below"]) + ")"
    return "(" + say("classgrader.labels.reliability_mid", lang, low=ref["unsatisfactory_below"],
                            high=ref["satisfactory_from"]) + ")"


def _short(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def item_report(assignment: str, course=None, lang: str | None = None, out=None) -> Report:
    """One call (CLI or notebook): the report of an assignment graded with `coursekit grade`,
    from the gradebook's current scores; written to reports/<assignment>/ in the course."""
    from . import nbgrader_compat
    from .course import open_course
    from .export import merged
    from .responses import items

    nbgrader_compat.load()
    c = open_course(course)
    rows = merged(c, assignment)
    out_dir = Path(out) if out else c.root / "reports" / assignment
    return write_report(assignment, rows, items(c.source(assignment)), out_dir, lang=lang or "id",
                        source=str(c.root))
