"""The deployment guide (deploy/GUIDE.md): linked from the README's lecturer section, covers
what lecturers and IT staff need, and every file it names exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "deploy" / "GUIDE.md"


def test_readme_lecturer_section_points_to_guide():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    lecturers = readme.split("## For lecturers", 1)[1].split("\n## ", 1)[0]
    assert "(deploy/GUIDE.md)" in lecturers


def test_guide_covers_sizes_storage_backups_security():
    text = GUIDE.read_text(encoding="utf-8")
    for needle in ("300 students", "2,000 students", "Memory per user", "Grading time",
                   "Exchange storage", "Backups", "Security limits", "#1225",
                   "test-only authenticator", "soupsieve<4"):
        assert needle in text, needle


def test_files_named_in_guide_exist():
    text = GUIDE.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:deploy|tests|bench|binder|coursekit)/[^`\s]*)`", text))
    assert named
    missing = [p for p in named if not (REPO / p.split(" ")[0]).exists()]
    assert missing == []
