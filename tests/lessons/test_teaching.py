"""Every lesson teaches: every block type, tagged cells, minutes, enough explanation, activities
with model answers that never reach students, no "dek"/"deck" in learner text, no English in the
Indonesian notebooks."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from coursekit.lessons.build import TYPES
from coursekit.lessons.source import load, read_notes
from tests.support.texts import bilingual

ROOT = Path(__file__).resolve().parents[2]
COURSE = load(ROOT)
LESSONS = [(lang, lesson) for lesson in COURSE.lessons for lang in ("id", "en")]
IDS = [f"{lang}/{lesson.file(lang)}" for lang, lesson in LESSONS]
MINUTES = {"id": re.compile(r"\*Waktu: (\d+) menit\*"), "en": re.compile(r"\*Time: (\d+) minutes\*")}
DECK = re.compile(r"(?<![\w-])(dek|deck|decks|deck's)(?![\w-])", re.IGNORECASE)


def _nb(lang, lesson):
    return nbformat.read(ROOT / "notebooks" / lang / lesson.file(lang), as_version=4)


def _tagged(nb, kind):
    return [c for c in nb.cells if f"ck-{kind}" in c.metadata.get("tags", [])]


def _words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(("lang", "lesson"), LESSONS, ids=IDS)
def test_every_block_type_is_there_tagged_and_timed(lang, lesson):
    nb = _nb(lang, lesson)
    meta = nb.metadata.coursekit
    assert meta.module == f"m{lesson.number}"
    assert meta.minutes == sum(b["minutes"] for b in lesson.data["blocks"]) > 0
    for kind in TYPES:
        cells = _tagged(nb, kind)
        assert cells, f"no cell tagged ck-{kind}"
    stated = []
    for cell in nb.cells[3:-1]:  # between the setup cell and the navigation
        tags = cell.metadata.get("tags", [])
        assert len(tags) == 1 and tags[0].removeprefix("ck-") in TYPES, f"untagged cell: {cell.source[:60]!r}"
        if cell.cell_type == "markdown" and cell.source.startswith("## "):
            found = MINUTES[lang].search(cell.source)
            assert found, f"section without its minutes: {cell.source[:60]!r}"
            stated.append(int(found.group(1)))
    assert stated == [b["minutes"] for b in lesson.data["blocks"]]


@pytest.mark.parametrize(("lang", "lesson"), LESSONS, ids=IDS)
def test_explanation_is_long_enough_and_every_part_is_there(lang, lesson):
    nb = _nb(lang, lesson)
    explain = [MINUTES[lang].sub("", re.sub(r"^## .*\n", "", c.source))
               for c in _tagged(nb, "explain") if c.cell_type == "markdown"]
    assert sum(_words(t) for t in explain) >= 600
    assert any(c.cell_type == "markdown" for c in _tagged(nb, "worked-example"))
    assert len(lesson.blocks("reflection")) == 1
    assert sum(len(b["questions"]) for b in lesson.blocks("discussion")) >= 2
    discussion = "\n".join(c.source for c in _tagged(nb, "discussion"))
    assert len(re.findall(r"^\d+\. ", discussion, re.M)) >= 2


@pytest.mark.parametrize(("lang", "lesson"), LESSONS, ids=IDS)
def test_no_learner_text_says_deck(lang, lesson):
    text = "\n".join(c.source for c in _nb(lang, lesson).cells if c.cell_type == "markdown")
    assert not DECK.findall(text)


def _deck_mentions(files) -> list[str]:
    from coursekit.content.parse import read_yaml

    found = []
    for path in files:
        data, _ = read_yaml(path, str(path))
        for text in bilingual(data):
            if DECK.search(text):
                found.append(f"{path.relative_to(ROOT)}: {text.strip()[:80]!r}")
    return found


def test_no_content_text_says_deck():
    """Every bilingual text of the content (cards, cases, comparisons, labels), the vignettes,
    the self-check quizzes and the graded bank."""
    files = sorted((ROOT / "coursekit" / "content" / "data").rglob("*.yaml"))
    files += sorted((ROOT / "lessons" / "vignettes").glob("*.yaml"))
    files += [ROOT / "coursekit" / "lessons" / "strings.yaml", ROOT / "lessons" / "00-start.yaml"]
    files += sorted((ROOT / "lessons" / "selfcheck").glob("*.yaml"))
    files += sorted((ROOT / "exercises" / "bank").glob("*.yaml"))
    found = _deck_mentions(files)
    assert found == [], "\n".join(found)


ENGLISH = re.compile(r"\b(the|and|with|which|that|this|of|is|are|for|from|you|your)\b")
NAMES = ("Communities Organized for Public Service", "Community Organized for Public Service",
         "Center for Third World Organizing", "Neighborhood and Family Initiative",
         "People United for a Better Oakland", "Don't Dump on Us")  # proper names stay as they are


START = COURSE.start["files"]["id"] + ".ipynb"


@pytest.mark.parametrize("name", [START] + [x.file("id") for x in COURSE.lessons])
def test_indonesian_notebooks_have_no_english_prose(name):
    """Italic words are marked foreign terms (*intended change*); nothing else is English."""
    from coursekit.api import content
    from coursekit.lessons.build import md

    references = [md(s["citation"]) for s in content().all("source")]  # bibliographic, any language
    nb = nbformat.read(ROOT / "notebooks" / "id" / name, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source
        for ref in references + [md(n) for n in NAMES] + list(NAMES):
            text = text.replace(ref, "")
        text = re.sub(r"(?<!\*)\*[^*\n]+\*(?!\*)", "", text)
        text = re.sub(r"\[[^\]]*\]\([^)]*\)", "", text)  # link titles name the other language's page
        assert not ENGLISH.findall(text), f"English in {name}: {cell.source[:80]!r}"


def _secrets() -> list[str]:
    """Model answers, marking notes and discussion notes, cut into 60-character pieces."""
    out = []
    for lesson in COURSE.lessons:
        notes, _ = read_notes(ROOT, lesson.data["module"])
        texts = [t for a in notes["activities"].values() for t in (a["model_answer"], a["marking"])]
        texts += notes["discussion"] + [notes["reflection"]]
        for text in texts:
            for lang in ("id", "en"):
                words = " ".join(text[lang].split())
                out += [words[i:i + 60] for i in range(0, max(1, len(words) - 60), 60)]
    return out


def test_model_answers_never_reach_students():
    """Not in a student notebook, not in any file of the package (coursekit/)."""
    secrets = _secrets()
    assert len(secrets) > 100
    files = list((ROOT / "notebooks").rglob("*.ipynb"))
    files += [p for p in (ROOT / "coursekit").rglob("*") if p.is_file() and p.suffix != ".pyc"]
    for path in files:
        text = " ".join(path.read_text(encoding="utf-8", errors="ignore").split())
        leaked = [s for s in secrets if s in text]
        assert leaked == [], f"{path.relative_to(ROOT)} holds lecturer notes: {leaked[0]!r}"


def test_every_activity_has_its_model_answer():
    for lesson in COURSE.lessons:
        assert lesson.blocks("activity"), lesson.path.name
        for block in lesson.blocks("activity"):
            answer = lesson.notes["activities"][block["id"]]
            for lang in ("id", "en"):
                assert _words(answer["model_answer"][lang]) >= 40
                assert _words(answer["marking"][lang]) >= 20
