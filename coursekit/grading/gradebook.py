"""The one writer to nbgrader's gradebook: what nbgrader's Autograde.init_assignment,
SaveAutoGrades and AssignLatePenalties write, through nbgrader's own API (its Gradebook and ORM
classes), for many students in one transaction."""

from __future__ import annotations

from .worker import Outcome


class Writer:
    def __init__(self, course, assignment: str):
        from nbgrader.api import Gradebook

        self.course, self.assignment = course, assignment
        self.gb = Gradebook(course.db_url, course.coursedir.course_id)
        from nbgrader.api import Assignment, Student

        db = self.gb.db
        self.a = db.query(Assignment).filter(Assignment.name == assignment).one()
        self.students = {s.id for s in db.query(Student.id)}
        self.penalty = course.config.get("LateSubmissionPlugin", {}).get("penalty_method", "none")

    def close(self) -> None:
        self.gb.close()

    def write(self, outcomes: list[Outcome]) -> None:
        """Add or update the students' submissions, grades and comments; one commit."""
        from nbgrader import utils
        from nbgrader.api import (
            Comment,
            Grade,
            Student,
            SubmittedAssignment,
            SubmittedNotebook,
        )

        db = self.gb.db
        ids = [o.student for o in outcomes]
        for sid in ids:
            if sid not in self.students:
                db.add(Student(id=sid))
                self.students.add(sid)
        db.flush()
        existing = {s.student_id: s for s in db.query(SubmittedAssignment).filter(
            SubmittedAssignment.assignment_id == self.a.id,
            SubmittedAssignment.student_id.in_(ids))}
        for o in outcomes:
            sub = existing.get(o.student)
            if sub is None:  # as Gradebook.add_submission: mirror the assignment's structure
                sub = SubmittedAssignment(assignment_id=self.a.id, student_id=o.student)
                for notebook in self.a.notebooks:
                    nb = SubmittedNotebook(notebook_id=notebook.id, assignment=sub)
                    for cell in notebook.grade_cells:
                        Grade(cell_id=cell.id, notebook=nb)
                    for cell in notebook.solution_cells:
                        Comment(cell_id=cell.id, notebook=nb)
                    for cell in notebook.task_cells:
                        Comment(cell_id=cell.id, notebook=nb)
                        Grade(cell_id=cell.id, notebook=nb)
                db.add(sub)
            if o.timestamp:
                sub.timestamp = utils.parse_utc(o.timestamp)
        db.flush()
        db.expire_all()
        existing = {s.student_id: s for s in db.query(SubmittedAssignment).filter(
            SubmittedAssignment.assignment_id == self.a.id,
            SubmittedAssignment.student_id.in_(ids))}
        for o in outcomes:
            if o.state != "ok":
                continue
            sub = existing[o.student]
            for nb in sub.notebooks:
                name = nb.notebook.name
                if name in o.missing:  # as init_assignment: a missing notebook scores zero
                    for grade in nb.grades:
                        grade.auto_score = 0
                        grade.needs_manual_grade = False
                    continue
                result = o.notebooks.get(name)
                if result is None:
                    continue
                for grade in nb.grades:  # as SaveAutoGrades._add_score
                    if grade.cell.name in result["grades"]:
                        grade.auto_score = result["grades"][grade.cell.name]
                        grade.needs_manual_grade = (grade.manual_score is not None
                                                    or grade.auto_score is None)
                for comment in nb.comments:  # as SaveAutoGrades._add_comment
                    if comment.cell.name in result["comments"]:
                        comment.auto_comment = result["comments"][comment.cell.name]
        db.flush()
        for o in outcomes:  # as AssignLatePenalties
            if o.state != "ok":
                continue
            sub = self.gb.find_submission(self.assignment, o.student)
            for nb in sub.notebooks:
                if nb.notebook.name not in o.notebooks:
                    continue
                nb.late_submission_penalty = None
                if sub.total_seconds_late > 0 and self.penalty == "zero":
                    nb.late_submission_penalty = nb.score
        db.commit()
