"""lite/contents.py: the site's copies of the lessons open on the Pyodide kernel, the start page
in each language tells what offline means, and the repository's notebooks are never changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursekit.lite import contents
from coursekit.strings import say

ROOT = Path(__file__).resolve().parents[2]


def _lesson(title: str = "# Pelajaran — ä") -> dict:
    """A real lesson of the course (as JSON), its title cell replaced."""
    nb = json.loads((ROOT / "notebooks" / "id" / "01-komunitas.ipynb").read_text(encoding="utf-8"))
    nb["cells"][0]["source"] = title
    return nb


def test_a_site_copy_opens_on_pyodide_and_keeps_everything_else():
    nb = _lesson()
    before = json.dumps(nb)
    copy = contents.site_copy(nb, "id", start=False)
    assert json.dumps(nb) == before  # the given notebook is left as it was
    assert copy["metadata"]["kernelspec"] == contents.KERNELSPEC
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert copy["metadata"]["coursekit"] == nb["metadata"]["coursekit"]
    assert copy["cells"] == nb["cells"]
    copy["metadata"]["kernelspec"]["name"] = "changed"
    assert contents.KERNELSPEC["name"] == "python"  # each copy has its own kernelspec


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_start_page_gets_the_offline_note_after_its_title(lang):
    nb = _lesson()
    copy = contents.site_copy(nb, lang, start=True)
    assert copy["cells"][0] == nb["cells"][0] and copy["cells"][2:] == nb["cells"][1:]
    note = copy["cells"][1]
    assert note["cell_type"] == "markdown" and note["id"] == "coursekit-offline"
    assert note["source"] == say("lite.start.offline", lang)
    import nbformat  # its import alone takes seconds here: only where it is needed

    nbformat.validate(nbformat.from_dict(copy))  # still a valid notebook (cell ids are unique)


def _folder(tmp_path: Path, names: dict[str, list[str]]) -> Path:
    src = tmp_path / "notebooks"
    for lang, files in names.items():
        (src / lang).mkdir(parents=True)
        for name in files:
            (src / lang / name).write_text(json.dumps(_lesson(f"# {name} — ä")), encoding="utf-8")
    return src


def test_write_copies_each_languages_notebooks_and_only_notebooks(tmp_path):
    src = _folder(tmp_path, {"id": ["00-mulai.ipynb", "01-a.ipynb"], "en": ["00-start.ipynb"]})
    (src / "id" / "notes.md").write_text("x")
    written = contents.write(src, tmp_path / "site")
    assert [p.relative_to(tmp_path / "site").as_posix() for p in written] == [
        "id/00-mulai.ipynb", "id/01-a.ipynb", "en/00-start.ipynb"]
    text = (tmp_path / "site" / "id" / "01-a.ipynb").read_text(encoding="utf-8")
    assert "— ä" in text and text.endswith("}\n")  # UTF-8 as it is, not \u escapes
    notes = [json.loads(p.read_text(encoding="utf-8"))["cells"][1]["id"] == "coursekit-offline"
             for p in written]
    assert notes == [True, False, True]


@pytest.mark.parametrize("names, missing", [
    ({"id": ["00-mulai.ipynb"], "en": ["00-mulai.ipynb"]}, ["en/00-start.ipynb"]),
    ({"id": ["01-a.ipynb"]}, ["id/00-mulai.ipynb", "en/00-start.ipynb"]),
])
def test_write_without_a_start_page_names_the_folder_and_the_pages(tmp_path, names, missing):
    src = _folder(tmp_path, names)
    with pytest.raises(FileNotFoundError) as e:
        contents.write(src, tmp_path / "site")
    assert str(src) in str(e.value) and str(missing) in str(e.value)


def test_the_repositorys_start_pages_have_the_names_the_site_expects():
    for lang, name in contents.START.items():
        assert (ROOT / "notebooks" / lang / name).is_file()
