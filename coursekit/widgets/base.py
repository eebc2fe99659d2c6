"""Base of every interactive element: a model driven by plain methods (the programmatic twins),
an ipywidgets view built on first display, and a plain-text rendering for terminals."""

from __future__ import annotations

from ..lang import resolve
from ..render import render


class Interactive:
    template = ""  # templates/<template>.txt.j2 renders the state as text

    def __init__(self, lang: str | None = None):
        self.lang = resolve(lang)
        self._ui = None  # the ipywidgets tree, built on first use
        self._syncing = False

    # -- the view --------------------------------------------------------------------------
    @property
    def widget(self):
        """The ipywidgets tree (built once; kept in step with every programmatic action)."""
        if self._ui is None:
            from .layout import finish

            self._ui = finish(self._build())
            self._sync()
        return self._ui

    def _build(self):
        raise NotImplementedError

    def _update(self) -> None:
        """Copy the model into the built widgets."""

    def _sync(self) -> None:
        if self._ui is not None:
            self._syncing = True
            try:
                self._update()
            finally:
                self._syncing = False

    def _on(self, fn):
        """Wrap a widget callback so it calls a twin, then refreshes, never re-entrantly."""

        def handler(*args):
            if not self._syncing:
                fn(*args)
                self._sync()

        return handler

    def widgets(self) -> list:
        """Every widget in the tree (for tests of the state sent to the browser)."""
        out, todo = [], [self.widget]
        while todo:
            w = todo.pop()
            out.append(w)
            todo.extend(getattr(w, "children", ()) or ())
        return out

    def browser_state(self) -> list[dict]:
        """The state ipywidgets sends to the browser, for every widget in the tree."""
        return [w.get_state() for w in self.widgets()]

    # -- rendering -------------------------------------------------------------------------
    def context(self) -> dict:
        raise NotImplementedError

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = str(self)
        from .fallback import static_html  # static content for places without a kernel

        static = static_html(self)
        if static:
            bundle["text/html"] = static
        return bundle

    def __str__(self) -> str:
        return render("widgets/templates", f"{self.template}.txt.j2", self.lang, **self.context())

    def __repr__(self) -> str:
        return str(self)

    def html(self, name: str, **context) -> str:
        return render("widgets/templates", f"{name}.html.j2", self.lang, **context)
