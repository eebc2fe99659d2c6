"""Shared fixtures: a small valid content folder that tests copy and break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid content folder."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact snippet in a fixture file (fails loudly if absent)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
