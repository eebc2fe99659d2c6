"""`coursekit handouts` writes every lesson as HTML and PDF with every widget's static content, the
syllabus, the project, the references and the glossary; the lecturer pack goes elsewhere and
nothing of it reaches the students' folder. Lessons run in a real kernel; PDFs by Debian chromium."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.api import content
from coursekit.lessons.source import load, read_notes
from coursekit.strings import say

ROOT = Path(__file__).resolve().parents[2]
COURSE = load(ROOT)
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    cmd = [sys.executable, "-m", "coursekit.cli", "handouts", "-o", str(out / "students"),
           "--lecturer-dir", str(out / "lecturer"), "--root", str(ROOT)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _html(path: Path) -> str:
    import html

    return _flat(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))


def _pdf(path: Path) -> str:
    import unicodedata

    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return _flat(unicodedata.normalize("NFKC", text))  # the PDF's ligatures (fi, fl) as letters


def _shown_comparisons(lesson) -> list[tuple[str, str | None]]:
    """(comparison, dimension or None for all) of every comparison a lesson shows."""
    code = "\n".join(c.get("code", "") for b in lesson.data["blocks"] for c in b.get("cells", []))
    cards = re.findall(r'ck\.compare\("([^"]+)"(?:, "([^"]+)")?\)', code)
    shown = [(slug, dim or None) for slug, dim in cards]
    if "ck.explore_comparisons(" in code:  # the explorer's picker offers every comparison
        shown += [(c["slug"], None) for c in content().all("comparison")]
    return list(dict.fromkeys(shown))


def _uses(lesson, call: str) -> bool:
    return any(call in c.get("code", "") for b in lesson.data["blocks"] for c in b.get("cells", []))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_lesson_has_html_and_pdf_with_the_widgets_static_content(built, lang):
    for lesson in COURSE.lessons:
        stem = built / "students" / lang / lesson.file(lang).removesuffix(".ipynb")
        html, pdf = _html(stem.with_suffix(".html")), _pdf(stem.with_suffix(".pdf"))
        assert _flat(lesson.title(lang)) in html and _flat(lesson.title(lang)) in pdf
        for slug, only in _shown_comparisons(lesson):
            item = content().get("comparison", slug)
            for dim in [only] if only else item["dimensions"]:
                name = _flat(say(f"content.dimension.{dim}", lang))
                assert name in html and name in pdf, f"{stem.name}: {slug} lacks dimension {dim}"
                for approach in item["approaches"]:
                    for point in approach["points"].get(dim, []):
                        assert _flat(point[lang])[:60] in html, f"{stem.name}: {slug}/{dim} point missing"
        if _uses(lesson, "ck.explore_cases("):
            for case in content().all("case"):
                name = _flat(case["name"][lang])
                assert name in html and name in pdf, f"{stem.name}: case {case['slug']} missing"
        if _uses(lesson, "ck.classify("):
            from coursekit.selfcheck.bank import load as load_data

            for v in load_data("vignettes")["vignettes"]:
                assert _flat(v["title"][lang]) in html and _flat(v["title"][lang]) in pdf


def test_classifier_vignettes_are_printed_without_their_answers(built):
    import yaml

    whys = []
    for path in (ROOT / "lessons" / "vignettes").glob("*.yaml"):
        for v in yaml.safe_load(path.read_text(encoding="utf-8")).get("vignettes", []):
            whys += [_flat(a["why"][lang])[:50] for a in v["axes"].values() for lang in ("id", "en")]
    for page in (built / "students").rglob("*.html"):
        text = _html(page)
        assert not [w for w in whys if w in text], f"{page.name} shows a vignette's answer"


def test_syllabus_project_references_glossary_are_printable(built):
    for lang, names in {"id": ["rps", "proyek-lapangan", "daftar-rujukan", "glosarium"],
                        "en": ["syllabus", "fieldwork-project", "references", "glossary"]}.items():
        for name in names:
            for suffix in (".html", ".pdf"):
                assert (built / "students" / lang / f"{name}{suffix}").stat().st_size > 1000
        refs = _html(built / "students" / lang / f"{names[2]}.html")
        for src in content().all("source"):
            assert _flat(src["citation"])[:40] in refs


def test_lecturer_pack_is_apart_and_students_get_none_of_it(built):
    secrets = []
    for lesson in COURSE.lessons:
        notes, _ = read_notes(ROOT, lesson.data["module"])
        secrets += [_flat(a["model_answer"][lang])[:80]
                    for a in notes["activities"].values() for lang in ("id", "en")]
    pack = (_html(built / "lecturer" / "id" / "paket-dosen.html")
            + _html(built / "lecturer" / "en" / "lecturer-pack.html"))
    assert all(s in pack for s in secrets)
    assert (built / "lecturer" / "en" / "lecturer-pack.pdf").stat().st_size > 5000
    for page in (built / "students").rglob("*.html"):
        text = _html(page)
        assert not [s for s in secrets if s in text], f"{page.name} holds a model answer"
