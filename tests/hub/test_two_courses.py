"""Two courses on one hub, as nbgrader's demos/demo_multiple_classes: one grader service and
one group pair (formgrade-<course>, nbgrader-<course>) per course. Course B keeps its gradebook
in PostgreSQL, so its run also drives formgrader, `coursekit grade`, generate_feedback and the
export against a real PostgreSQL."""

from __future__ import annotations

import pytest

from .flow import QUIZ

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub")]


def courses_of(client) -> set:
    r = client.s.get(f"{client.server}/courses", timeout=60)
    r.raise_for_status()
    return set(r.json()["value"])


def test_course_b_runs_on_postgresql(class_b):
    assert class_b.course.db_url.startswith("postgresql://")
    assert class_b.items_csv and class_b.misgraded() == []
    assert set(class_b.feedback) == set(class_b.students)


def test_student_sees_only_own_courses(hub, class_a, class_b):
    a, b = hub.courses
    both, only_b = class_b.students[b.students[0]], class_b.students[b.students[1]]
    only_a = class_a.students[a.students[1]]
    assert courses_of(both) == {a.id, b.id}
    assert courses_of(only_b) == {b.id}
    assert courses_of(only_a) == {a.id}
    assert only_b.assignments(a.id) == []
    only_b.s.post(f"{only_b.server}/assignments/fetch", timeout=60,
                  data={"course_id": a.id, "assignment_id": QUIZ})
    r = only_b.s.get(f"{only_b.server}/api/contents/{a.id}", timeout=30)
    assert r.status_code == 404, "a student of course B fetched course A's quiz"
    assert all(x["course_id"] == b.id for x in only_b.assignments(b.id))


def test_lecturer_reaches_only_own_grader_service(hub, class_a, class_b):
    a, b = hub.courses
    for client, own, other in ((class_a.lecturer, a.id, b.id), (class_b.lecturer, b.id, a.id)):
        assert client.formgrader(own, "GET", "assignments").ok
        r = client.formgrader(other, "GET", "assignments", allow_redirects=False)
        assert r.status_code in (302, 403), (client.name, other, r.status_code)
