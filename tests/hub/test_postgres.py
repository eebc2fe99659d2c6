"""The gradebook in a real PostgreSQL (nbgrader's db_url): `coursekit grade`, generate_feedback
and both exports give the same results as SQLite on the same class; two graders grading two
assignments of one course at once lose nothing. Commands run in the hub environment (psycopg,
soupsieve < 4); the formgrader against PostgreSQL is driven in test_two_courses.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from coursekit.grading import classroom

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub")]

REPO = Path(__file__).resolve().parents[2]
N = 24  # students: the 19 hostile cases of the graded-quiz issue, then realistic ones


def env(hub_env: Path) -> dict:
    return {**os.environ, "PATH": f"{hub_env / 'bin'}:{os.environ.get('PATH', '')}",
            "USER": "instructor", "LOGNAME": "instructor"}


def run(hub_env: Path, course: Path, *cmd: str) -> subprocess.CompletedProcess:
    """A command of the hub env; `coursekit grade` exits 3 when a (hostile) submission failed."""
    proc = subprocess.run([str(hub_env / "bin" / cmd[0]), *cmd[1:]], cwd=course, text=True,
                          capture_output=True, env=env(hub_env), timeout=900)
    ok = (0, 3) if cmd[:2] == ("coursekit", "grade") else (0,)
    assert proc.returncode in ok, (cmd, proc.stdout[-2000:], proc.stderr[-3000:])
    return proc


def make(folder: Path, hub_env: Path, quizzes: tuple, db_url: str = "") -> Path:
    folder.mkdir(parents=True)
    shutil.copy(REPO / "exercises" / "nbgrader_config.py", folder)
    for q in quizzes:
        shutil.copytree(REPO / "exercises" / "source" / q, folder / "source" / q)
        (folder / "keys").mkdir(exist_ok=True)
        shutil.copy(REPO / "exercises" / "keys" / f"{q}.json", folder / "keys")
    with open(folder / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f"\nc.Exchange.root = {str(folder / 'exchange')!r}\n")
        if db_url:
            fh.write(f"c.CourseDirectory.db_url = {db_url!r}\n")
    for q in quizzes:
        run(hub_env, folder, "nbgrader", "generate_assignment", q, "--force")
        classroom.hand_in(folder, q, N, hostile=True)
    return folder


def scores(hub_env: Path, course: Path, quiz: str) -> dict:
    """classroom.cell_scores read in the hub env (it has the PostgreSQL driver)."""
    code = textwrap.dedent(f"""
        import json, sys
        from coursekit.grading.classroom import cell_scores
        got = cell_scores({str(course)!r}, {quiz!r})
        json.dump([[list(k), v] for k, v in got.items()], sys.stdout)
    """)
    out = subprocess.run([str(hub_env / "bin" / "python"), "-c", code], capture_output=True,
                         text=True, env=env(hub_env), timeout=300, check=True).stdout
    return {tuple(k): tuple(_norm(x) for x in v) for k, v in json.loads(out)}


def _norm(value):
    """Totals are SQL SUMs of float cells: the two engines add in different orders, so the last
    bits may differ (14.6667 vs 14.666699999999999); compare to 9 decimals."""
    return round(value, 9) if isinstance(value, float) else value


def _csv(text: str) -> list:
    import csv
    import io

    return [[_norm(_num(c)) for c in row] for row in csv.reader(io.StringIO(text))]


def _num(cell: str):
    try:
        return float(cell)
    except ValueError:
        return cell


@pytest.fixture(scope="module")
def pair(hub_env, postgres, tmp_path_factory):
    """The same class graded into SQLite and into PostgreSQL."""
    tmp = tmp_path_factory.mktemp("pg")
    lite = make(tmp / "sqlite", hub_env, ("kuis-1",))
    url = postgres.createdb(f"pair_{os.getpid()}")
    pg = make(tmp / "postgres", hub_env, ("kuis-1",), url)
    for course in (lite, pg):
        run(hub_env, course, "coursekit", "grade", "kuis-1", "--quiet", "--lang", "en")
    return lite, pg


def test_grade_identical_to_sqlite(hub_env, pair):
    lite, pg = pair
    a, b = scores(hub_env, lite, "kuis-1"), scores(hub_env, pg, "kuis-1")
    assert len(a) > N * 10
    assert classroom.differences(a, b) == []


def test_exports_identical_to_sqlite(hub_env, pair):
    out = {}
    for course in pair:
        run(hub_env, course, "coursekit", "export-items", "kuis-1", "-o", "items.csv")
        run(hub_env, course, "nbgrader", "export", "--to", "grades.csv")
        out[course] = [(course / f).read_text(encoding="utf-8") for f in ("items.csv", "grades.csv")]
    lite, pg = pair
    assert _csv(out[lite][0]) == _csv(out[pg][0])
    assert _csv(out[lite][1]) == _csv(out[pg][1])
    assert out[pg][0].count("\n") > N


def test_generate_feedback_identical_to_sqlite(hub_env, pair):
    pages = {}
    for course in pair:
        run(hub_env, course, "nbgrader", "generate_feedback", "kuis-1")
        found = sorted((course / "feedback").glob("*/kuis-1/kuis-1.html"))
        assert len(found) >= N - 5, len(found)  # a few hostile notebooks fail, on both sides
        pages[course] = {p.parts[-3]: p.read_text(encoding="utf-8") for p in found}
    lite, pg = pair
    assert pages[lite].keys() == pages[pg].keys()
    for student in pages[lite]:
        assert _score_line(pages[lite][student]) == _score_line(pages[pg][student]), student


def _score_line(html: str) -> str:
    i = html.find("Score:")
    assert i >= 0
    return html[i:i + 40]


def test_two_graders_two_assignments_at_once(hub_env, postgres, tmp_path):
    """Two lecturers grade kuis-1 and kuis-2 of one PostgreSQL course at the same moment
    (`--wait`: the course lock queues the second write phase) and nothing is lost: every
    cell equals a SQLite course graded one assignment after the other."""
    quizzes = ("kuis-1", "kuis-2")
    lite = make(tmp_path / "sqlite", hub_env, quizzes)
    pg = make(tmp_path / "postgres", hub_env, quizzes, postgres.createdb(f"two_{os.getpid()}"))
    for q in quizzes:
        run(hub_env, lite, "coursekit", "grade", q, "--quiet")
    procs = [subprocess.Popen([str(hub_env / "bin" / "coursekit"), "grade", q, "--wait",
                               "--quiet", "--jobs", "1"], cwd=pg, env=env(hub_env), text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for q in quizzes]
    for p in procs:
        out, err = p.communicate(timeout=900)
        assert p.returncode in (0, 3), (out[-2000:], err[-2000:])
    for q in quizzes:
        assert classroom.differences(scores(hub_env, lite, q), scores(hub_env, pg, q)) == [], q

