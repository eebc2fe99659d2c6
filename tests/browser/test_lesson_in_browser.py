"""A student's path through a lesson in real JupyterLab and Debian chromium.

Opens a lesson, runs all cells, answers a self-check question by clicking, reads the feedback,
narrows the case explorer with a filter, and switches to the English version of the lesson.
Screenshots go to test-artifacts/browser/; timings are printed.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

LESSON_ID = "id/09-sintesis.ipynb"
ENGLISH_LINK = "Lesson 9"
pytestmark = [pytest.mark.slow, pytest.mark.browser]


VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _cell(page, text: str):
    """The code cell of the notebook in view whose source contains text."""
    return page.locator(f"{VISIBLE} .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea-editor", has_text=text)).first


def _run_all(page, lab, kernels: int = 1) -> float:
    lab.wait_kernel_ready(kernels)
    start = time.perf_counter()
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
    # Every code cell shows an execution count; none is pending ([*]) or unrun ([ ]).
    page.wait_for_function(
        """() => {
          const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
          if (!nb) return false;
          const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
          return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=60_000)
    return time.perf_counter() - start


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_student_works_through_a_lesson(lab, page, capsys):
    times = {}
    start = time.perf_counter()
    page.goto(lab.open_url(LESSON_ID))
    page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first.wait_for()
    lab.wait_kernel_ready()
    times["page load to kernel ready"] = time.perf_counter() - start
    _shot(page, "01-lesson-opened")

    times["run all"] = _run_all(page, lab)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    _shot(page, "02-ran-all")

    # The strategy-space figure shows as an image with its alt text.
    figure = _cell(page, 'ck.figure("strategy-space")')
    figure.scroll_into_view_if_needed()
    image = figure.locator("figure.ck-figure img").first
    expect(image).to_be_visible()
    assert "DSNI" in image.get_attribute("alt")
    _shot(page, "02b-figure")

    # Self-check: choose the first option of the first question by clicking, then press Periksa.
    quiz = _cell(page, "ck.quiz(")
    quiz.scroll_into_view_if_needed()
    choice = "input[type=radio], input[type=checkbox]"
    block = quiz.locator(".widget-vbox .widget-vbox").filter(has=page.locator(choice)).first
    option = block.locator(choice).first
    option.click()
    feedback = block.locator(".widget-html").last
    before = feedback.inner_text()
    start = time.perf_counter()
    block.locator("button", has_text="Periksa").first.click()
    page.wait_for_function("([el, old]) => el.innerText.trim() && el.innerText !== old",
                           arg=[feedback.element_handle(), before])
    times["click to feedback"] = time.perf_counter() - start
    text = feedback.inner_text()
    assert any(word in text for word in ("Benar", "Sebagian benar", "Belum tepat")), text
    feedback.scroll_into_view_if_needed()
    _shot(page, "03-quiz-feedback")

    # Case explorer: filter on the single/multiple-issue axis; the list of cases shrinks.
    explorer = _cell(page, "ck.explore_cases()")
    explorer.scroll_into_view_if_needed()
    options = explorer.locator(".ck-case-list select option")
    shown_before = options.count()
    assert shown_before > 1
    drop = explorer.locator(".ck-case-filter-single-multiple-issue select")
    drop.select_option(index=1)
    page.wait_for_function("([sel, n]) => sel.options.length !== n",
                           arg=[explorer.locator(".ck-case-list select").element_handle(), shown_before])
    shown_after = options.count()
    assert 0 < shown_after < shown_before
    _shot(page, "04-case-filter")

    # Language switch: the link at the top opens the English lesson; run it; English output.
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown a",
                 has_text=ENGLISH_LINK).first.click()
    heading = page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first
    heading.filter(has_text=ENGLISH_LINK).wait_for()
    times["run all (English)"] = _run_all(page, lab, kernels=2)
    english = _cell(page, "ck.explore_cases()")
    english.scroll_into_view_if_needed()
    expect(english.locator(".widget-html", has_text="cases shown").first).to_be_visible()
    _shot(page, "05-english")

    with capsys.disabled():
        print()
        for what, seconds in times.items():
            print(f"browser timing: {what}: {seconds:.2f} s")
    (ARTIFACTS / "timings.txt").write_text(
        "".join(f"{what}: {seconds:.2f} s\n" for what, seconds in times.items()))
