"""The progress file is one for both languages wherever the course folder lives (the offline
site keeps the lessons in id/ and en/ at its root, not in a folder named notebooks)."""

import pytest

from coursekit import progress_store


@pytest.fixture(autouse=True)
def no_env(monkeypatch):
    monkeypatch.delenv(progress_store.ENV, raising=False)


@pytest.mark.parametrize("course", ["site", "drive", "notebooks"])
def test_both_language_folders_share_the_course_folder_file(monkeypatch, tmp_path, course):
    for lang in ("id", "en"):
        (tmp_path / course / lang).mkdir(parents=True, exist_ok=True)
    for lang in ("id", "en"):
        monkeypatch.chdir(tmp_path / course / lang)
        assert progress_store.path() == tmp_path / course / progress_store.NAME


def test_a_lone_folder_named_like_a_language_keeps_its_own_file(monkeypatch, tmp_path):
    (tmp_path / "work" / "id").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work" / "id")
    assert progress_store.path() == tmp_path / "work" / "id" / progress_store.NAME
