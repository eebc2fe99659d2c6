"""Memory per user on the hub, measured: a student's server (jupyterhub-singleuser) plus a
running Python kernel that has loaded the quiz (coursekit's graded-quiz runtime), summed over
the processes of the student's unix account. The deployment files must leave room for it:
the Zero to JupyterHub memory guarantee is at least the measured figure (deploy/GUIDE.md)."""

from __future__ import annotations

import json
import os
import pwd
import shlex
import time
from pathlib import Path

import pytest
import yaml

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub")]

REPO = Path(__file__).resolve().parents[2]
LOAD = ("import coursekit; from coursekit.gradedquiz.quiz import kuis; k = kuis(); import resource; "
        "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


def rss_mb(uid: int) -> float:
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields["Uid"].split()[0]) == uid and "VmRSS" in fields:
            total += int(fields["VmRSS"].split()[0])
    return total / 1024


def megabytes(text: str) -> float:
    number, unit = float(text[:-1]), text[-1].upper()
    return number * {"M": 1, "G": 1024}[unit]


def test_exchange_storage_per_student(hub, class_a):
    """What one student's quiz leaves in the exchange: the submission and the feedback page."""
    course = hub.exchange / class_a.course.id
    inbound = sum(p.stat().st_size for p in (course / "inbound").rglob("*") if p.is_file())
    feedback = sum(p.stat().st_size for p in (course / "feedback").glob("*.html"))
    n = len(class_a.course.students)
    report = {"submission_kb": round(inbound / n / 1024), "feedback_kb": round(feedback / n / 1024)}
    print("exchange per student and quiz:", report)
    assert 0 < inbound / n < 1024 * 1024 and 0 < feedback / n < 2 * 1024 * 1024, report


def test_memory_per_user_fits_the_deployment(class_a):
    name = class_a.course.students[0]
    st = class_a.students[name]
    uid = pwd.getpwnam(name).pw_uid
    server = rss_mb(uid)
    r = st.s.post(f"{st.server}/api/kernels", json={"name": "python3"}, timeout=60)
    r.raise_for_status()
    kid = r.json()["id"]
    try:
        time.sleep(3)  # the kernel process is up and idle
        with_kernel = rss_mb(uid)
        folder = f"{class_a.course.id}/kuis-1"  # where the student works on the quiz
        status, out = st.terminal(st.server, f"cd {folder} && python3 -c {shlex.quote(LOAD)}")
        assert status == 0, out
        quiz_kb = int(out.split("MAXRSS")[-1].split()[0])
    finally:
        st.s.delete(f"{st.server}/api/kernels/{kid}", timeout=60)
    # the kernel's own import of the quiz runtime, on top of an idle kernel
    per_user = with_kernel + quiz_kb / 1024 - 20  # minus the bare interpreter counted twice
    report = {"server_mb": round(server), "server_and_idle_kernel_mb": round(with_kernel),
              "quiz_runtime_process_mb": round(quiz_kb / 1024), "per_user_mb": round(per_user)}
    out_dir = REPO / "test-artifacts"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "hub-memory.json").write_text(json.dumps(report, indent=1))
    print("hub memory per user:", report)
    values = yaml.safe_load((REPO / "deploy" / "z2jh" / "values.yaml").read_text())
    assert megabytes(values["singleuser"]["memory"]["guarantee"]) >= per_user, report
