"""Graded quizzes (nbgrader): answer parsing, per-student variants, scoring of one question,
the quiz runtime students use in the notebook, and the `coursekit exercises` commands.

Shared with the kernel-free grader: answers.parse_answer, variant.slot/variant/student_for,
cells.find_cell, score.score_question, keys.item_key. Keys never live in this package: they
come from the instructor's bank (exercises/bank/) or from hidden tests.
"""
