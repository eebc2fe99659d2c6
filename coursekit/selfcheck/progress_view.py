"""The progress widget shown by ck.progress() and on the start page (the model: progress_store)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import progress_store as store
from ..lang import resolve
from ..render import render


@dataclass
class ModuleProgress:
    module: str
    title: str
    answered: int  # questions checked at least once
    total: int  # questions in the module's quiz
    points: float  # latest points, summed
    max_points: float

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.max_points) if self.max_points else 0

    @property
    def started(self) -> bool:
        return self.answered > 0


class ProgressView:
    def __init__(self, lang: str | None = None):
        self.lang = resolve(lang)
        self.data = store.load()
        self.path = store.path()
        self.notices = list(store._notices)
        self.modules = [self._module(m) for m in self._module_names()]
        rows = self.data["classifier"].values()
        self.vignettes = (len(rows), sum(r["points"] for r in rows), sum(r["max"] for r in rows))

    @staticmethod
    def _module_names() -> list[str]:
        from .bank import available

        return available()

    def _module(self, name: str) -> ModuleProgress:
        from .bank import load

        questions = load(name)["questions"]
        seen = {
            q: r for q, r in self.data["quizzes"].get(name, {}).items() if q in {x["id"] for x in questions}
        }
        return ModuleProgress(
            name,
            self._title(name),
            len(seen),
            len(questions),
            sum(r["points"] for r in seen.values()),
            sum(q["points"] for q in questions),
        )

    def _title(self, name: str) -> str:
        try:
            from ..content import content

            return content().get("module", name)["title"][self.lang]
        except Exception:  # content still being written: a title is not worth a crash
            return name.upper()

    def module(self, name: str) -> ModuleProgress:
        """Progress of one module, e.g. progress().module('m4')."""
        return (
            next(m for m in self.modules if m.module == name)
            if name in self._module_names()
            else self._module(name)
        )

    def lesson(self, *modules: str) -> ModuleProgress:
        """Progress of a lesson that teaches several modules (e.g. 'm3', 'm4'), added up."""
        rows = [self.module(m) for m in modules]
        return ModuleProgress(
            "+".join(modules),
            " / ".join(r.title for r in rows),
            sum(r.answered for r in rows),
            sum(r.total for r in rows),
            sum(r.points for r in rows),
            sum(r.max_points for r in rows),
        )

    def context(self) -> dict:
        return {
            "modules": self.modules,
            "notices": self.notices,
            "path": str(self.path),
            "vignettes": self.vignettes,
        }

    def _repr_html_(self) -> str:
        return render("widgets/templates", "progress.html.j2", self.lang, **self.context())

    def __str__(self) -> str:
        return render("widgets/templates", "progress.txt.j2", self.lang, **self.context())

    def __repr__(self) -> str:
        return str(self)


def progress(lang: str | None = None) -> ProgressView:
    """The learner's progress per module (rich object: HTML in notebooks, text in terminals)."""
    return ProgressView(lang)
