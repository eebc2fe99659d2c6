"""The whole student path in real JupyterLab and Debian chromium, started by the open command.

Start page (from the URL the open command prints), a lesson, self-check wrong then right (by
keyboard), the case explorer filter, the classifier, the 5C mapper, save, the same lesson in
the other language (answers kept), reopen (answers kept). At each step: tables, clipping,
figures, no nbgrader authoring tools, axe-core. Screenshots: test-artifacts/browser/student-path/.
Afterwards the repository's notebooks are untouched and the staleness check passes.
"""

from __future__ import annotations

import hashlib
import json
import time

import pytest
from playwright.sync_api import expect

from coursekit.build import build
from coursekit.launch.workcopy import refresh

from .conftest import ROOT
from .student import (
    TABLES_JS,
    VISIBLE,
    Shots,
    axe_violations,
    cell,
    check_figures_full_size,
    check_keyboard_reachable,
    check_not_clipped,
    check_tables,
    each_output,
    lesson_with,
    no_errors,
    printed_start_url,
    run_all,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]
WORDS = {"id": {"check": "Periksa", "wrong": "Belum tepat", "right": "Benar", "reveal": "Tunjukkan jawaban"},
         "en": {"check": "Check", "wrong": "Incorrect", "right": "Correct", "reveal": "Show the answer"}}
OUTPUTS = f"{VISIBLE} .jp-OutputArea-output"


def _repo_notebooks() -> dict:
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "notebooks").rglob("*.ipynb")}


def _no_nbgrader_tools(page, lab) -> None:
    expect(page.locator(".lm-MenuBar-item", has_text="Nbgrader")).to_have_count(0)
    expect(page.locator(f"{VISIBLE} .jp-Toolbar button", has_text="Validate")).to_have_count(0)
    expect(page.locator("text=Create Assignment")).to_have_count(0)
    assert "nbgrader_config.py" not in lab.log.read_text()


def _quiz_blocks(page, lang):
    quiz = cell(page, "ck.quiz(")
    return quiz.locator(".widget-vbox").filter(
        has=page.locator("input[type=radio]")).filter(
        has=page.locator("button", has_text=WORDS[lang]["check"])).filter(
        has_not=page.locator(".widget-vbox"))  # one question's block, not the whole quiz


def _check_by_keyboard(page, block, option_index: int, lang: str) -> str:
    """Choose an option and press the Check button with the keyboard only; returns the feedback."""
    radios = block.locator("input[type=radio]")
    radios.nth(option_index).focus()
    page.keyboard.press("Space")
    expect(radios.nth(option_index)).to_be_checked()
    button = block.locator("button", has_text=WORDS[lang]["check"]).first
    # Tab from the options reaches the Check button (tab order), Enter presses it.
    for _ in range(12):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    else:
        raise AssertionError("Tab never reached the Check button")
    feedback = block.locator(".ck-feedback")
    expect(feedback).to_have_count(0)  # choosing cleared the earlier feedback
    page.keyboard.press("Enter")
    expect(feedback).to_have_count(1)
    return feedback.first.inner_text()


def test_student_path_in_both_languages(lab, page, capsys):
    shots, times = Shots("student-path"), {}
    before = _repo_notebooks()
    lesson = lesson_with(lab.root / "id", "ck.quiz(", "ck.explore_cases(", "ck.classify(", "ck.map_5c(")
    assert lesson, "no lesson has the quiz, case explorer, classifier and 5C mapper"

    # 1. The URL the open command printed opens the start page.
    url = printed_start_url(lab.log)
    assert url.startswith(f"{lab.url}/lab/tree/id/00-mulai.ipynb?token=")
    url = url.split("?token=")[0] + f"?token={lab.token}"  # a token given to the server prints as ...
    start = time.perf_counter()
    page.goto(url)
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for(timeout=90_000)
    times["start page load"] = time.perf_counter() - start
    run_all(page, lab)
    no_errors(page)
    _no_nbgrader_tools(page, lab)
    assert check_tables(page) >= 1  # the progress table
    shots(page, "start-page")

    # 2. The lesson, from its link on the start page; the first cell prints nothing.
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown a[href*='{lesson}']").first.click()
    number = lesson[:2].lstrip("0")
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").filter(has_text=number).first.wait_for()
    times["run all (lesson)"] = run_all(page, lab, kernels=2)
    no_errors(page)
    setup = cell(page, 'ck.lang("id")')
    assert setup.locator(".jp-OutputArea-output").count() == 0, setup.inner_text()
    _no_nbgrader_tools(page, lab)
    check_tables(page)
    figures = check_figures_full_size(page)
    image = page.locator(f"{VISIBLE} figure.ck-figure img").first
    image.scroll_into_view_if_needed()
    assert len(image.get_attribute("alt")) > 100  # a description, not a title
    shots(page, "lesson-ran")

    # 3. Self-check by keyboard: a wrong answer, then the right one.
    block = _quiz_blocks(page, "id").first
    block.scroll_into_view_if_needed()
    n = block.locator("input[type=radio]").count()
    statuses = [_check_by_keyboard(page, block, i, "id") for i in range(n)]
    right = next(i for i, s in enumerate(statuses) if s.lstrip().startswith("✔"))
    wrong = next(i for i, s in enumerate(statuses) if not s.lstrip().startswith("✔"))
    assert WORDS["id"]["wrong"] in _check_by_keyboard(page, block, wrong, "id")
    shots(page, "quiz-wrong")
    start = time.perf_counter()
    assert WORDS["id"]["right"] in _check_by_keyboard(page, block, right, "id")
    times["key to feedback"] = time.perf_counter() - start
    shots(page, "quiz-right")

    # 4. Case explorer, by keyboard: a filter narrows the list; the filters line up.
    explorer = cell(page, "ck.explore_cases()")
    explorer.scroll_into_view_if_needed()
    lefts = {round(x) for x in explorer.locator("[class*=ck-case-filter] select").evaluate_all(
        "ss => ss.map(s => s.getBoundingClientRect().left)")}
    assert len(lefts) == 1, lefts  # every filter's dropdown starts at the same place
    listing = explorer.locator(".ck-case-list select")
    shown = listing.locator("option").count()
    explorer.locator(".ck-case-filter-single-multiple-issue select").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function("([s, n]) => s.options.length !== n", arg=[listing.element_handle(), shown])
    assert 0 < listing.locator("option").count() < shown
    listing.focus()
    page.keyboard.press("ArrowDown")
    expect(explorer.locator(".ck-case-detail h3")).to_be_visible()
    shots(page, "case-filter")

    # 5. Classifier, by keyboard: place the scenario on every axis, check, show the answer.
    classifier = cell(page, "ck.classify(")
    classifier.scroll_into_view_if_needed()
    for group in classifier.locator(".widget-toggle-buttons").all():
        group.locator("button").first.focus()
        page.keyboard.press("Space")
        expect(group.locator("button.mod-active")).to_have_count(1)
    classifier.locator("button", has_text=WORDS["id"]["check"]).first.focus()
    page.keyboard.press("Enter")
    expect(classifier.locator(".widget-html-content", has_text="✔").or_(
        classifier.locator(".widget-html-content", has_text="✘")).first).to_be_visible()
    classifier.locator("button", has_text=WORDS["id"]["reveal"]).first.click()
    shots(page, "classifier")

    # 6. 5C mapper: assign every item, check.
    mapper = cell(page, "ck.map_5c(")
    mapper.scroll_into_view_if_needed()
    for drop in mapper.locator(".widget-dropdown select").all():
        drop.select_option(index=1)
    mapper.locator("button", has_text=WORDS["id"]["check"]).first.click()
    expect(mapper.locator(".widget-html-content [role=status]").first).to_be_visible()
    shots(page, "fivec")
    check_keyboard_reachable(page)
    check_not_clipped(page)
    check_tables(page)
    assert axe_violations(page, OUTPUTS) == []

    # 7. Save (Ctrl+S), as a student does; the file in the student's copy holds the outputs.
    saved = lab.root / "id" / lesson
    page.locator(f"{VISIBLE} .jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    end = time.monotonic() + 60
    while time.monotonic() < end and not any(
            c.get("outputs") for c in json.loads(saved.read_text())["cells"] if c["cell_type"] == "code"):
        time.sleep(0.2)
    assert any(c.get("outputs") for c in json.loads(saved.read_text())["cells"] if c["cell_type"] == "code")

    # 8. The same lesson in English: the answer and its feedback are kept.
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown a[href*='en/']").first.click()
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").filter(has_text=f"Lesson {number}").first.wait_for()
    times["run all (English)"] = run_all(page, lab, kernels=3)
    no_errors(page)
    en_block = _quiz_blocks(page, "en").first
    en_block.scroll_into_view_if_needed()
    expect(en_block.locator("input[type=radio]").nth(right)).to_be_checked()
    expect(en_block.locator(".ck-feedback", has_text=WORDS["en"]["right"])).to_be_visible()
    shots(page, "english-answers-kept")
    explorer = cell(page, "ck.explore_cases()")
    explorer.scroll_into_view_if_needed()
    expect(explorer.locator(".widget-html", has_text="cases shown").first).to_be_visible()
    check_not_clipped(page)
    check_tables(page)
    figures += check_figures_full_size(page)
    assert axe_violations(page, OUTPUTS) == []
    shots(page, "english")

    # 9. Reopen (reload the page, run again): the answers come back from the progress file.
    page.reload()
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for(timeout=90_000)
    run_all(page, lab, kernels=3)
    en_block = _quiz_blocks(page, "en").first
    en_block.scroll_into_view_if_needed()
    expect(en_block.locator(".ck-feedback", has_text=WORDS["en"]["right"])).to_be_visible()
    shots(page, "reopened")
    expect(page.locator(".jp-Notification-Toast, .Toastify__toast", has_text="news")).to_have_count(0)
    assert figures >= 1

    # 10. An English lesson with a framework table and a search: left-aligned, sized to content.
    tables = lesson_with(lab.root / "en", "ck.framework(", "ck.search(")
    assert tables, "no lesson shows a framework and a search"
    page.goto(lab.open_url(f"en/{tables}"))
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for(timeout=90_000)
    run_all(page, lab, kernels=4)
    no_errors(page)
    heads = [t["heads"][:1] for t in each_output(page, TABLES_JS)]
    assert ["#"] in heads and ["Kind"] in heads  # a framework's table and the search results
    assert check_tables(page) >= 2
    check_not_clipped(page)
    assert axe_violations(page, OUTPUTS) == []
    framework = page.locator(f"{VISIBLE} .ck table", has_text="#").first
    framework.scroll_into_view_if_needed()
    expect(framework).to_be_visible()
    shots(page, "english-tables")

    # 11. The English start page: the progress table counts the answers given in Bahasa Indonesia.
    page.goto(lab.open_url("en/00-start.ipynb"))
    page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for(timeout=90_000)
    run_all(page, lab, kernels=5)
    progress = page.locator(f"{VISIBLE} .ck-progress table")
    progress.scroll_into_view_if_needed()
    expect(progress.locator("td", has_text="1 / ").first).to_be_visible()
    check_tables(page)
    assert axe_violations(page, OUTPUTS) == []
    shots(page, "english-start-progress")

    # The course itself is untouched: the staleness check passes, and refreshing the student's
    # copy keeps the saved lesson.
    assert _repo_notebooks() == before and build(check=True, root=ROOT, only=["lessons"]) == []
    kept = saved.read_bytes()
    assert all(c.rel != f"id/{lesson}" for c in refresh(ROOT, lab.root))
    assert saved.read_bytes() == kept

    with capsys.disabled():
        print()
        for what, seconds in times.items():
            print(f"browser timing (loaded machine): {what}: {seconds:.2f} s")
