"""Class-scale grading of the graded quizzes: kernel-free autograding into nbgrader's gradebook,
per-question export, and item analysis (facility, discrimination, distractors, reliability).

Command line: `coursekit grade`, `coursekit export-items`, `coursekit report` (see cli.py).
In a notebook: `ck.item_report("kuis-1")` (see report.item_report).
"""
