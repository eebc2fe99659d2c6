"""What one student can reach of others' work on the hub, tried over HTTP from the student's own
server (a terminal, as a curious or hostile student would) after the class of test_class.py.
The attacker is even given the exact exchange paths (read by the test as root): the stock
exchange hides submissions and feedback only behind unguessable names (nbgrader #1225); the
course's set-up (deploy/GUIDE.md, "Security limits") makes them unreadable as well."""

from __future__ import annotations

import glob
import os
import shlex
import stat
from pathlib import Path

import pytest

from .flow import QUIZ

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub")]


def attacker(class_a):
    """The second student (all answers wrong) tries to get the first one's work."""
    names = class_a.course.students
    return class_a.students[names[1]], names[0]


def inbound(hub, course, student: str) -> Path:
    found = glob.glob(str(hub.exchange / course.id / "inbound" / f"{student}+{QUIZ}+*"))
    assert len(found) == 1, found
    return Path(found[0])


def try_read(client, path: Path) -> tuple[int, str]:
    return client.terminal(client.server, f"cat {shlex.quote(str(path))} > /dev/null")


def test_student_cannot_read_another_submission(hub, class_a):
    st, victim = attacker(class_a)
    sub = inbound(hub, class_a.course, victim)
    status, out = st.terminal(st.server, f"ls {shlex.quote(str(sub.parent))}")
    assert status != 0 and "Permission denied" in out
    for name in (f"{QUIZ}.ipynb", "submission_secret.txt", "timestamp.txt"):
        status, out = try_read(st, sub / name)
        assert status != 0 and "Permission denied" in out, name
    status, out = st.terminal(st.server, f"rm -rf {shlex.quote(str(sub))}")
    assert status != 0 and sub.exists()


def test_student_cannot_read_another_feedback(hub, class_a):
    st, victim = attacker(class_a)
    feedback = hub.exchange / class_a.course.id / "feedback"
    status, out = st.terminal(st.server, f"ls {shlex.quote(str(feedback))}")
    assert status != 0 and "Permission denied" in out
    theirs = [p for p in feedback.glob("*.html") if victim in p.read_text(errors="replace")]
    assert theirs, "the victim's feedback was released"
    for path in theirs:
        status, out = try_read(st, path)
        assert status != 0 and "Permission denied" in out, path


def test_student_cannot_read_another_home(hub, class_a):
    st, victim = attacker(class_a)
    status, out = try_read(st, Path("/home") / victim / class_a.course.id / QUIZ / f"{QUIZ}.ipynb")
    assert status != 0 and "Permission denied" in out


def test_student_cannot_read_instructor_source_or_gradebook(hub, class_a):
    st, _ = attacker(class_a)
    folder = class_a.course.folder
    for path in (folder / "source" / QUIZ / f"{QUIZ}.ipynb", folder / "keys" / f"{QUIZ}.json",
                 folder / "gradebook.db", folder / "nbgrader_config.py"):
        assert path.exists(), path
        status, out = try_read(st, path)
        assert status != 0 and "Permission denied" in out, path
    for api in ("formgrader/api/assignments", f"api/contents/source/{QUIZ}/{QUIZ}.ipynb",
                "api/contents/gradebook.db"):
        r = st.s.get(f"{st.service(class_a.course.id)}/{api}", timeout=30,
                     allow_redirects=False)
        assert r.status_code in (302, 403), (api, r.status_code)
        assert "jawaban" not in r.text


def test_student_cannot_release(hub, class_a):
    st, _ = attacker(class_a)
    cid = class_a.course.id
    r = st.s.post(f"{st.service(cid)}/formgrader/api/assignment/{QUIZ}/release", timeout=30,
                  allow_redirects=False)
    assert r.status_code in (302, 403)
    outbound = hub.exchange / cid / "outbound"
    before = sorted(str(p) for p in outbound.rglob("*"))
    # a fake course of their own, released into the real course's outbound
    fake = f"mkdir -p fake/source/{QUIZ} && cd fake && echo x > source/{QUIZ}/evil.txt && " \
           f"nbgrader release_assignment {QUIZ} --course {cid} --force"
    status, out = st.terminal(st.server, fake)
    assert status != 0, out
    assert sorted(str(p) for p in outbound.rglob("*")) == before
    assert not list(outbound.rglob("evil.txt"))


def test_student_cannot_collect(hub, class_a):
    st, victim = attacker(class_a)
    cid = class_a.course.id
    r = st.s.post(f"{st.service(cid)}/formgrader/api/assignment/{QUIZ}/collect", timeout=30,
                  allow_redirects=False)
    assert r.status_code in (302, 403)
    st.terminal(st.server, f"mkdir -p grab && cd grab && nbgrader collect {QUIZ} --course {cid}")
    _, out = st.terminal(st.server, f"ls -R grab/submitted/{victim} 2>&1 | head -5")
    assert f"{QUIZ}.ipynb" not in out
    assert not (Path("/home") / st.name / "grab" / "submitted" / victim).exists()


def test_submissions_are_not_world_readable(hub, class_a):
    """Every file a student submitted: no access for others, group = the grader's group."""
    course = class_a.course
    grader_gid = os.stat(class_a.course.folder).st_gid
    for student in course.students:
        sub = inbound(hub, course, student)
        assert stat.S_IMODE(sub.stat().st_mode) & 0o007 == 0
        for path in [sub, *sub.rglob("*")]:
            st = path.stat()
            assert stat.S_IMODE(st.st_mode) & 0o007 == 0, (path, oct(st.st_mode))
            assert st.st_gid == grader_gid, path
    for home in [Path("/home") / s for s in course.students] + [Path("/home") / course.grader]:
        assert stat.S_IMODE(home.stat().st_mode) == 0o700, home
