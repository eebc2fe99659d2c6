"""Reading a self-check data file against its schema: the authored files pass, and a broken one gets
every problem at once, each with the label, line, field, bad value and what is allowed."""

from __future__ import annotations

import pytest

from coursekit.selfcheck.build import LESSONS
from coursekit.selfcheck.validate import SCHEMAS, read

BROKEN = """\
vignettes:
  - id: Bad Id
    setting: mars
    title: {id: Banjir}
    text: {id: a, en: b}
    colour: red
    axes:
      conflict-consensus: {position: conflict, why: {id: a, en: b}}
"""


@pytest.mark.parametrize("name", ["indonesia", "elsewhere", "misconceptions"])
def test_the_authored_vignette_files_are_valid(name):
    schema = "misconceptions" if name == "misconceptions" else "vignettes"
    data, problems = read(LESSONS / "vignettes" / f"{name}.yaml", schema)
    assert problems == [] and data[schema]
    assert {p.stem for p in SCHEMAS.glob("*.json")} == {"vignettes", "misconceptions"}


def test_every_problem_of_a_broken_file_is_reported_with_line_and_field(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    data, problems = read(path, "vignettes", "lessons/vignettes/mine.yaml")
    assert data is None
    found = {(p.line, p.field): p.message for p in problems}
    assert all(p.file == "lessons/vignettes/mine.yaml" for p in problems)
    assert "'mars' is not allowed; allowed: elsewhere, indonesia" in found[(3, "vignettes[0].setting")]
    assert found[(6, "vignettes[0].colour")].startswith(
        "unknown key 'colour'; allowed: axes, id, setting, text, title")
    assert "'Bad Id' is not valid" in found[(2, "vignettes[0].id")]
    assert "missing the English text ('en')" in found[(4, "vignettes[0].title.en")]
    missing = [f for (_line, f), m in found.items() if "missing required field" in m]
    assert sorted(missing) == ["vignettes[0].axes.direct-organization-recruitment",
                               "vignettes[0].axes.single-multiple-issue"]


def test_a_yaml_syntax_error_is_one_problem_with_its_line_and_the_path_as_label(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("misconceptions:\n  conflict-consensus: [\n", encoding="utf-8")
    data, problems = read(path, "misconceptions")
    assert data is None and len(problems) == 1
    assert problems[0].file == str(path) and problems[0].line > 0
    assert "YAML syntax error" in problems[0].message


def test_a_misconception_table_may_not_leave_out_an_axis(tmp_path):
    path = tmp_path / "misconceptions.yaml"
    path.write_text("misconceptions:\n  conflict-consensus: {}\n  single-multiple-issue: {}\n",
                    encoding="utf-8")
    _data, problems = read(path, "misconceptions")
    assert [p.field for p in problems] == ["misconceptions.direct-organization-recruitment"]
    assert "missing required field" in problems[0].message and problems[0].line > 0
