"""nbgrader configuration of the coursekit graded quizzes (run nbgrader from this folder).

Generated quizzes live in source/<quiz>/ (run `coursekit build`, never edit by hand).
Keys live in bank/ (this folder, instructor-only); see README.md.
"""

import os
from pathlib import Path

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ComputeChecksums,
    DeduplicateIds,
    GetGrades,
    IncludeHeaderFooter,
    InstantiateTests,
    LockCells,
    OverwriteCells,
    OverwriteKernelspec,
    SaveCells,
)

from coursekit.classgrader.stock import harden
from coursekit.gradedquiz.preprocess import ClearAnswers, ForgetDuplicates, GuardSubmission, RestoreMetadata

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

HERE = Path(__file__).resolve().parent
c.CourseDirectory.course_id = "coursekit"
c.CourseDirectory.root = str(HERE)

# The exchange (release/submit inbox). nbgrader's default /usr/local/share/nbgrader/exchange must
# pre-exist and be writable by all; by default use a course-local folder (set COURSEKIT_EXCHANGE,
# or Exchange.root in a system-wide config, for a shared JupyterHub).
EXCHANGE = Path(os.environ.get("COURSEKIT_EXCHANGE") or HERE / "exchange")
EXCHANGE.mkdir(parents=True, exist_ok=True)
c.Exchange.root = str(EXCHANGE)

# Released answer cells read `jawaban = ""` with a bilingual hint; essays get a bilingual stub.
c.ClearSolutions.code_stub = {
    "python": 'jawaban = ""  # tulis jawaban di antara tanda kutip / write your answer between the quotes'
}
c.ClearSolutions.text_stub = ("Tulis jawaban Anda di sini (klik dua kali untuk menyunting). / "
                              "Write your answer here (double-click to edit).")

# generate_assignment: nbgrader's pipeline with ClearAnswers in place of ClearSolutions (keeps
# the identity cell's `NIM = ""` / `BAHASA = "id"`).
c.GenerateAssignment.preprocessors = [
    IncludeHeaderFooter, InstantiateTests, LockCells, ClearAnswers, ClearOutput, CheckCellMetadata,
    ComputeChecksums, SaveCells, ClearHiddenTests, ClearMarkScheme, ComputeChecksums, CheckCellMetadata,
]

# autograde: GuardSubmission after OverwriteCells, so student code is never executed, deleted test
# cells come back (add_missing_cells) and each answer sits right before its test cell.
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, ForgetDuplicates, RestoreMetadata, OverwriteKernelspec, OverwriteCells,
    GuardSubmission,
    CheckCellMetadata,
]
c.OverwriteCells.add_missing_cells = True

# Limits: a cell may run 30 s (a notebook is killed after that), outputs are capped (lines;
# nbgrader 0.9.6 has no length limit).
c.Execute.timeout = 30
c.Execute.startup_timeout = 60
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50

# Feedback (released to students): no hidden-test code, even though the hidden tests hold no keys
# (they read them from keys/<quiz>.json, instructor-only, never copied into a student's folder).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]

# Hostile submissions, for stock nbgrader too (coursekit/classgrader/stock.py): `nbgrader autograde`
# takes the course's grading lock (shared with `coursekit grade`, refuses clearly when busy);
# a bad timestamp.txt is logged and ignored for that student; symlinks and special files in a
# submission are never followed or copied; the hidden tests find keys/ through COURSEKIT_KEYS.
harden(c, HERE)
