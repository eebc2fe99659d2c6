"""Self-check tests write progress to a temporary file, never to the working directory."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("COURSEKIT_PROGRESS", str(path))
    return path
