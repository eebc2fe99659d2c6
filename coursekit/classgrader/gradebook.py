"""The one writer to nbgrader's gradebook: what nbgrader's Autograde.init_assignment,
SaveAutoGrades and AssignLatePenalties write, for many students per transaction, on nbgrader's
own tables (its ORM classes' tables, nbgrader's uuid ids), with set-based statements: one
query per table and batch instead of nbgrader's per-cell look-ups.

Per student, as stock autograde:
- the student and the submission are created when missing (the submission mirrors the
  assignment: a submitted notebook per notebook, a grade per grade or task cell, a comment per
  solution or task cell, as Gradebook.add_submission), and the timestamp is updated;
- a notebook that was not handed in scores 0 on every grade, needs_manual_grade false;
- each graded notebook's grades get the auto score; needs_manual_grade is true when there is a
  manual score or no auto score (SaveAutoGrades._add_score); comments get "No response." for an
  unchanged solution cell, else none (SaveAutoGrades._add_comment);
- the late penalty is reset, and set by the configured late-submission plugin when late;
- a student whose grading failed keeps the submission row and its previous grades.
"""

from __future__ import annotations

from .nbgrader_compat import late_penalty
from .nbgrader_compat import tables as _tables
from .stock import parse_timestamp
from .worker import Outcome


class Writer:
    def __init__(self, course, assignment: str):
        from nbgrader.api import Assignment, Gradebook, Student
        from nbgrader.preprocessors import AssignLatePenalties

        self.course, self.assignment = course, assignment
        self.gb = Gradebook(course.db_url, course.coursedir.course_id)
        db = self.gb.db
        self.a = db.query(Assignment).filter(Assignment.name == assignment).one()
        self.students = {sid for (sid,) in db.query(Student.id)}
        self.notebooks = {nb.id: nb.name for nb in self.a.notebooks}
        self.layout = [(nb.id, [c.id for c in [*nb.grade_cells, *nb.task_cells]],
                        [c.id for c in [*nb.solution_cells, *nb.task_cells]])
                       for nb in self.a.notebooks]
        self.cell_names = {c.id: c.name for nb in self.a.notebooks
                           for c in [*nb.grade_cells, *nb.task_cells, *nb.solution_cells]}
        self.late = AssignLatePenalties(config=course.config)
        self.late.init_plugin()

    def close(self) -> None:
        self.gb.close()

    def write(self, outcomes: list[Outcome]) -> None:
        """Add or update the students' submissions, grades and comments; one commit."""
        from nbgrader.api import SubmittedAssignment, new_uuid
        from sqlalchemy import bindparam, insert, update

        db = self.gb.db
        t = _tables()
        ids = sorted({o.student for o in outcomes})
        new_students = [{"id": sid} for sid in ids if sid not in self.students]
        if new_students:
            db.execute(insert(t.student), new_students)
            self.students.update(s["id"] for s in new_students)

        subs = dict(db.query(SubmittedAssignment.student_id, SubmittedAssignment.id).filter(
            SubmittedAssignment.assignment_id == self.a.id,
            SubmittedAssignment.student_id.in_(ids)))
        rows = {"sub": [], "nb": [], "grade": [], "comment": []}
        for sid in ids:
            if sid in subs:
                continue
            subs[sid] = new_uuid()
            rows["sub"].append({"id": subs[sid], "assignment_id": self.a.id, "student_id": sid,
                                "timestamp": None, "extension": None})
            for nb_id, grade_cells, comment_cells in self.layout:
                snb = new_uuid()
                rows["nb"].append({"id": snb, "assignment_id": subs[sid], "notebook_id": nb_id,
                                   "flagged": False, "late_submission_penalty": None})
                rows["grade"] += [{"id": new_uuid(), "notebook_id": snb, "cell_id": c,
                                   "auto_score": None, "manual_score": None,
                                   "extra_credit": None, "needs_manual_grade": True}
                                  for c in grade_cells]
                rows["comment"] += [{"id": new_uuid(), "notebook_id": snb, "cell_id": c,
                                     "auto_comment": None, "manual_comment": None}
                                    for c in comment_cells]
        for key, table in (("sub", t.sub), ("nb", t.nb), ("grade", t.grade),
                           ("comment", t.comment)):
            if rows[key]:
                db.execute(insert(table), rows[key])

        stamps = [{"_id": subs[o.student], "_ts": parse_timestamp(o.timestamp)}
                  for o in outcomes if o.timestamp]
        if stamps:
            db.execute(update(t.sub).where(t.sub.c.id == bindparam("_id"))
                       .values(timestamp=bindparam("_ts")), stamps)

        done = {o.student: o for o in outcomes if o.state == "ok"}
        grades, comments, penalties = [], [], []
        for sid, nb_name, gid, cell_id, manual in self._grades(ids):
            o = done.get(sid)
            if o is None:
                continue
            if nb_name in o.missing:
                grades.append({"_id": gid, "_auto": 0, "_manual": False})
                continue
            result = o.notebooks.get(nb_name)
            name = self.cell_names.get(cell_id)
            if result is not None and name in result["grades"]:
                auto = result["grades"][name]
                grades.append({"_id": gid, "_auto": auto,
                               "_manual": manual is not None or auto is None})
        for sid, nb_name, cid, cell_id in self._comments(ids):
            o = done.get(sid)
            result = o.notebooks.get(nb_name) if o is not None else None
            name = self.cell_names.get(cell_id)
            if result is not None and name in result["comments"]:
                comments.append({"_id": cid, "_text": result["comments"][name]})
        if grades:
            db.execute(update(t.grade).where(t.grade.c.id == bindparam("_id"))
                       .values(auto_score=bindparam("_auto"),
                               needs_manual_grade=bindparam("_manual")), grades)
        if comments:
            db.execute(update(t.comment).where(t.comment.c.id == bindparam("_id"))
                       .values(auto_comment=bindparam("_text")), comments)
        for sid, snb, nb_name in self._submitted_notebooks(ids):
            o = done.get(sid)
            if o is not None and nb_name in o.notebooks:
                penalties.append({"_id": snb})
        if penalties:  # AssignLatePenalties: reset, then the plugin decides for late ones
            db.execute(update(t.nb).where(t.nb.c.id == bindparam("_id"))
                       .values(late_submission_penalty=None), penalties)
        db.flush()
        self._late(done)
        db.commit()

    def _grades(self, ids):
        t = _tables()
        from sqlalchemy import select

        q = (select(t.sub.c.student_id, t.nb.c.notebook_id, t.grade.c.id, t.grade.c.cell_id,
                    t.grade.c.manual_score)
             .join(t.nb, t.nb.c.assignment_id == t.sub.c.id)
             .join(t.grade, t.grade.c.notebook_id == t.nb.c.id)
             .where(t.sub.c.assignment_id == self.a.id, t.sub.c.student_id.in_(ids)))
        for sid, nb_id, gid, cell_id, manual in self.gb.db.execute(q):
            yield sid, self.notebooks.get(nb_id), gid, cell_id, manual

    def _comments(self, ids):
        t = _tables()
        from sqlalchemy import select

        q = (select(t.sub.c.student_id, t.nb.c.notebook_id, t.comment.c.id, t.comment.c.cell_id)
             .join(t.nb, t.nb.c.assignment_id == t.sub.c.id)
             .join(t.comment, t.comment.c.notebook_id == t.nb.c.id)
             .where(t.sub.c.assignment_id == self.a.id, t.sub.c.student_id.in_(ids)))
        for sid, nb_id, cid, cell_id in self.gb.db.execute(q):
            yield sid, self.notebooks.get(nb_id), cid, cell_id

    def _submitted_notebooks(self, ids):
        t = _tables()
        from sqlalchemy import select

        q = (select(t.sub.c.student_id, t.nb.c.id, t.nb.c.notebook_id)
             .join(t.nb, t.nb.c.assignment_id == t.sub.c.id)
             .where(t.sub.c.assignment_id == self.a.id, t.sub.c.student_id.in_(ids)))
        for sid, snb, nb_id in self.gb.db.execute(q):
            yield sid, snb, self.notebooks.get(nb_id)

    def _late(self, done: dict) -> None:
        """AssignLatePenalties for the late ones (rare): nbgrader's plugin and its checks."""
        from nbgrader.api import SubmittedAssignment

        if self.a.duedate is None or not done:  # no due date: nobody is late
            return
        db = self.gb.db
        db.expire_all()
        for sub in db.query(SubmittedAssignment).filter(
                SubmittedAssignment.assignment_id == self.a.id,
                SubmittedAssignment.student_id.in_(list(done))):
            late = sub.total_seconds_late
            if late <= 0:
                continue
            for nb in sub.notebooks:
                if nb.notebook.name not in done[sub.student_id].notebooks:
                    continue
                penalty = self.late.plugin_inst.late_submission_penalty(sub.student_id,
                                                                        nb.score, late)
                if penalty is not None:

                    nb.late_submission_penalty = late_penalty(self.late, nb, penalty)
            db.flush()

