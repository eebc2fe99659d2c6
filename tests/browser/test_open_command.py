"""The open command: the student's JupyterLab has no nbgrader authoring tools and no news
pop-up, prints the start page's URL; `--lecturer` has nbgrader and formgrader."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import start_course, stop_course
from .student import VISIBLE, Shots, printed_start_url

pytestmark = [pytest.mark.slow]
NEWS = "@jupyterlab/apputils-extension:notification"


def _get(lab, path: str) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())  # redirects keep the login
    try:
        with opener.open(f"{lab.url}{path}?token={lab.token}", timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, ""


def _page_config(html: str) -> dict:
    return json.loads(re.search(r'id="jupyter-config-data"[^>]*>\s*(\{.*?\})\s*</script>', html, re.S)[1])


def test_student_and_lecturer_servers(tmp_path):
    student = start_course(tmp_path / "student")
    try:
        assert printed_start_url(student.log).startswith(f"{student.url}/lab/tree/id/00-mulai.ipynb?token=")
        assert _get(student, "/formgrader")[0] == 404
        config = _page_config(_get(student, "/lab")[1])
        assert "@jupyter/nbgrader" in config["disabledExtensions"]
        settings = json.loads(_get(student, f"/lab/api/settings/{NEWS}")[1])
        assert settings["schema"]["properties"]["fetchNews"]["default"] == "false"  # the course default
        assert "nbgrader_config.py" not in student.log.read_text()
    finally:
        stop_course(student)
    english = start_course(tmp_path / "english", "--lang", "en")
    try:
        assert printed_start_url(english.log).startswith(f"{english.url}/lab/tree/en/00-start.ipynb?token=")
    finally:
        stop_course(english)
    lecturer = start_course(tmp_path / "lecturer", "--lecturer")
    try:
        assert "/formgrader" in printed_start_url(lecturer.log)
        status, html = _get(lecturer, "/formgrader")
        assert status == 200 and "<title>nbgrader formgrade</title>" in html
        config = _page_config(_get(lecturer, "/lab")[1])
        assert "@jupyter/nbgrader" not in config.get("disabledExtensions", {})
        assert not (tmp_path / "lecturer" / "my-course").exists()  # no student copy for the lecturer
    finally:
        stop_course(lecturer)


@pytest.mark.browser
def test_lecturer_sees_nbgrader_and_student_does_not(tmp_path, page):
    shots = Shots("open-command")
    for who, args in (("student", ()), ("lecturer", ("--lecturer",))):
        lab = start_course(tmp_path / who, *args)
        try:
            page.goto(f"{lab.url}/lab?token={lab.token}")
            page.locator(".lm-MenuBar-item", has_text="Help").first.wait_for(timeout=90_000)
            menu = page.locator(".lm-MenuBar-item", has_text="Nbgrader")
            if who == "student":
                page.goto(f"{lab.url}/lab/tree/id/00-mulai.ipynb?token={lab.token}")
                page.locator(f"{VISIBLE} .jp-RenderedMarkdown h1").first.wait_for(timeout=90_000)
                expect(menu).to_have_count(0)
                expect(page.locator(f"{VISIBLE} .jp-Toolbar", has_text="Validate")).to_have_count(0)
            else:
                expect(menu.first).to_be_visible(timeout=60_000)
            shots(page, who)
        finally:
            stop_course(lab)
