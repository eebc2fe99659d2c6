"""What the student's kernel reads: questions.json (parsed once per content), NIM and language,
the keys file found from the course layout only."""

from __future__ import annotations

import json

from coursekit.gradedquiz import runtime


def test_display_is_parsed_once_per_content(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / runtime.QUESTIONS_FILE).write_text(json.dumps({"assignment": "k", "questions": []}))
    assert runtime.load_display(a) is runtime.load_display(b)  # the same content: one parse
    (b / runtime.QUESTIONS_FILE).write_text(json.dumps({"assignment": "other", "questions": []}))
    assert runtime.load_display(b)["assignment"] == "other"  # changed content: read again
    (b / runtime.QUESTIONS_FILE).write_text("{broken")
    assert runtime.load_display(b) is None
    assert runtime.load_display(tmp_path / "missing") is None


def test_nim_and_language_from_the_namespace():
    assert runtime.declared_nim({"NIM": " 2301 "}) == "2301"
    assert runtime.declared_nim({"NIM": 2301}) == ""
    assert runtime.language({"BAHASA": "EN"}) == "en"
    assert runtime.language({"BAHASA": "fr"}) == "id"


def test_keys_never_from_the_notebooks_own_folder(tmp_path):
    course = tmp_path / "course"
    here = course / "autograded" / "2301" / "kuis-1"
    here.mkdir(parents=True)
    (here / "kuis-1.json").write_text("{}")  # a student could put this here
    assert runtime.keys_file("kuis-1", cwd=here, env={}) is None
    (course / runtime.KEYS_DIR).mkdir()
    (course / runtime.KEYS_DIR / "kuis-1.json").write_text(json.dumps({"questions": {"q01": {}}}))
    assert runtime.keys_file("kuis-1", cwd=here, env={}) == course / "keys" / "kuis-1.json"


def test_pinned_looks_up_the_folder_display_and_keys_once(tmp_path, monkeypatch):
    course = tmp_path / "course"
    here = course / "autograded" / "2301" / "kuis-1"
    here.mkdir(parents=True)
    (here / runtime.QUESTIONS_FILE).write_text(json.dumps({"assignment": "kuis-1", "questions": []}))
    (course / runtime.KEYS_DIR).mkdir()
    keys = course / runtime.KEYS_DIR / "kuis-1.json"
    keys.write_text(json.dumps({"questions": {"q01": {"a": 1}}}))
    monkeypatch.delenv(runtime.KEYS_ENV, raising=False)
    monkeypatch.chdir(here)
    with runtime.pinned():
        assert runtime.here() == str(here)
        display = runtime.load_display()
        assert runtime.load_keys("kuis-1", "q01") == {"a": 1}
        keys.unlink()
        (here / runtime.QUESTIONS_FILE).unlink()
        assert runtime.load_display() is display  # looked up once while pinned
        assert runtime.load_keys("kuis-1", "q01") == {"a": 1}
    assert runtime.load_display() is None and runtime.load_keys("kuis-1", "q01") is None
    monkeypatch.chdir(tmp_path)
    assert runtime.here() == str(tmp_path)  # unpinned: asked every time
