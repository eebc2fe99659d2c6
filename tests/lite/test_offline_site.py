"""A student's path through the offline site in headless Debian chromium, with nothing reachable
but 127.0.0.1: the start page, a lesson in each language (run all cells, a figure, a self-check
question and its feedback), then a reload that finds the progress kept. Prints page open to
first cell done and the site's size."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest

from coursekit.lite.contents import START
from coursekit.lite.site import KERNEL_PLUGIN, size
from coursekit.strings import say

from .conftest import ARTIFACTS, ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
TARGET_SECONDS, TARGET_MB = 20, 60  # the targets, printed
HARD_SECONDS = 60  # asserted: 20 s holds on an idle 2-core machine, not under a shared load


def _lesson(lang: str, needle: str) -> str:
    """The first lesson (not a start page) whose code uses needle: lessons are renumbered freely."""
    for path in sorted((ROOT / "notebooks" / lang).glob("*.ipynb")):
        if path.name != START[lang] and needle in path.read_text(encoding="utf-8"):
            return f"{lang}/{path.name}"
    raise AssertionError(f"no {lang} lesson uses {needle}")


def _open(page, base: str, rel: str, workspace: str) -> float:
    """Open one notebook in a workspace of its own (else the last one's tabs open again)."""
    start = time.perf_counter()
    page.goto(f"{base}/lab/index.html?path={rel}&workspace={workspace}")
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for()
    return start


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()


def _wait_cells(page, first_only: bool = False, timeout: float = 120_000) -> None:
    page.wait_for_function(
        """(first) => {
          const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
          if (!nb) return false;
          const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
          const done = p => /\\[\\d+\\]/.test(p.textContent);
          return prompts.length > 0 && (first ? done(prompts[0]) : prompts.every(done));
        }""", arg=first_only, timeout=timeout)


def _save(page) -> None:
    """Save the notebook in view (File › Save), as a student would before leaving it."""
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')")


def _no_errors(page) -> None:
    errors = page.locator(f"{VISIBLE} .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'], "
                          f"{VISIBLE} .jp-RenderedText[data-mime-type='application/vnd.jupyter.error']")
    assert errors.count() == 0, errors.first.inner_text()


def _cell(page, text: str):
    return page.locator(f"{VISIBLE} .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea-editor", has_text=text)).first


def _not_started(page) -> int:
    out = _cell(page, "ck.progress()").locator(".jp-OutputArea-output").first
    out.wait_for()
    return out.inner_text().count("belum dimulai") + out.inner_text().count("not started")


def _bare_pyodide(page, base: str) -> float:
    """Baseline in the same run: the Pyodide runtime alone, booted from the same folder."""
    page.goto(f"{base}/static/pyodide/package.json")
    ms = page.evaluate("""async () => {
        const start = performance.now();
        const {loadPyodide} = await import('/static/pyodide/pyodide.mjs');
        const py = await loadPyodide({indexURL: '/static/pyodide/'});
        py.runPython('1 + 1');
        return performance.now() - start; }""")
    return ms / 1000


def test_built_site_lists_exactly_its_wheels(site):
    """pyodide-lock.json names every local wheel (right sha256) and nothing else; PyPI is off."""
    folder = site / "static" / "pyodide"
    packages = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]
    assert {p["file_name"] for p in packages.values()} == {w.name for w in folder.glob("*.whl")}
    for p in packages.values():
        assert hashlib.sha256((folder / p["file_name"]).read_bytes()).hexdigest() == p["sha256"]
        assert set(p["depends"]) <= set(packages)
    config = json.loads((site / "jupyter-lite.json").read_text(encoding="utf-8"))["jupyter-config-data"]
    kernel = config["litePluginSettings"][KERNEL_PLUGIN]
    assert kernel["disablePyPIFallback"] is True
    assert sorted(kernel["loadPyodideOptions"]["packages"]) == sorted(packages)
    assert {"coursekit", "ipywidgets", "pyyaml", "markupsafe", "jinja2", "fastjsonschema"} <= set(packages)


def test_student_works_offline(site, served, offline, capsys):
    page = offline.page
    page.on("dialog", lambda dialog: dialog.accept())  # leaving a page: yes
    # Start page (Indonesian): the offline note, then run it; time page open -> first cell done.
    start = _open(page, served, f"id/{START['id']}", "start")
    note = page.locator(f"{VISIBLE} .jp-RenderedMarkdown", has_text="penyimpanan browser").first
    note.wait_for()
    assert "Kuis bernilai tidak ada di sini" in note.inner_text()
    assert page.locator(".jp-Dialog").count() == 0  # no kernel dialog
    _run_all(page)
    _wait_cells(page, first_only=True)
    first_cell = time.perf_counter() - start
    _wait_cells(page)
    _no_errors(page)
    progress_text = _cell(page, "ck.progress()").locator(".jp-OutputArea-output").first.inner_text()
    assert "/drive/coursekit-progress.json" in progress_text  # one file, at the site's top
    untouched = _not_started(page)
    _save(page)
    page.screenshot(path=str(ARTIFACTS / "01-start.png"))

    # An Indonesian lesson with a figure: run all; the figure is the drawn image with its alt text.
    _open(page, served, _lesson("id", "ck.figure("), "lesson-id")
    assert page.locator(".jp-Dialog").count() == 0
    _run_all(page)
    _wait_cells(page)
    _no_errors(page)
    image = page.locator(f"{VISIBLE} figure.ck-figure img").first
    image.scroll_into_view_if_needed()
    assert image.evaluate("img => img.complete && img.naturalWidth > 100")
    assert len(image.get_attribute("alt")) > 40
    page.screenshot(path=str(ARTIFACTS / "02-figure.png"))
    _save(page)

    # An English lesson with a self-check: run all; answer the first question; see feedback.
    _open(page, served, _lesson("en", "ck.quiz("), "lesson-en")
    _run_all(page)
    _wait_cells(page)
    _no_errors(page)
    assert page.locator(".jp-Dialog").count() == 0
    quiz = _cell(page, "ck.quiz(")
    quiz.scroll_into_view_if_needed()
    choice = "input[type=radio], input[type=checkbox]"
    block = quiz.locator(".widget-vbox .widget-vbox").filter(has=page.locator(choice)).first
    block.locator(choice).first.click()
    feedback = block.locator(".widget-html").last
    before = feedback.inner_text()
    block.locator("button", has_text="Check").first.click()
    page.wait_for_function("([el, old]) => el.innerText.trim() && el.innerText !== old",
                           arg=[feedback.element_handle(), before])
    statuses = [say(f"widgets.quiz.status.{k}", "en") for k in ("correct", "partial", "incorrect")]
    assert any(w in feedback.inner_text() for w in statuses), feedback.inner_text()
    page.screenshot(path=str(ARTIFACTS / "03-feedback.png"))
    _save(page)

    # Reload, then open the Indonesian start page: the English answer shows in the shared progress.
    page.reload()
    page.wait_for_load_state()
    _open(page, served, f"id/{START['id']}", "again")
    _run_all(page)
    _wait_cells(page)
    assert _not_started(page) == untouched - 1
    page.screenshot(path=str(ARTIFACTS / "04-progress-kept.png"))

    # The start page's way to keep answers: right-click the progress file > Download.
    page.locator(".jp-BreadCrumbs-home").first.click()
    item = page.locator(".jp-DirListing-item", has_text="coursekit-progress.json").first
    item.click(button="right")
    with page.expect_download() as download:
        page.locator(".lm-Menu-item", has_text="Download").first.click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert any(saved["quizzes"].values())  # the English lesson's answer

    mb = size(site) / 1e6
    bare = _bare_pyodide(page, served)
    report = {"page open to first cell done (s)": round(first_cell, 2), "site size (MB)": round(mb, 1),
              "bare Pyodide boot, same run (s)": round(bare, 2),
              "first cell / bare Pyodide boot": round(first_cell / bare, 2),
              "outside requests attempted": len(offline.attempts),
              "the browser's own service requests (blocked)": offline.browser_own}
    (ARTIFACTS / "measures.json").write_text(json.dumps(report, indent=1))
    with capsys.disabled():
        print(f"\noffline site: page open to first cell done {first_cell:.1f} s (target < "
              f"{TARGET_SECONDS} s); site {mb:.1f} MB (target < {TARGET_MB} MB); outside requests "
              f"by the site: {len(offline.attempts)}; by chromium itself (blocked): "
              f"{len(offline.browser_own)}; baseline: bare Pyodide boot {bare:.1f} s, ratio "
              f"{first_cell / bare:.2f}")
    assert offline.attempts == [], offline.attempts
    assert first_cell < HARD_SECONDS and mb < TARGET_MB
