"""Old module names (before the rename of issue 11) still import, as the same module objects."""

from __future__ import annotations

import subprocess
import sys

from coursekit.renamed import current


def test_old_names_map_to_the_new():
    assert current("coursekit.graded.quiz") == "coursekit.gradedquiz.quiz"
    assert current("coursekit.grading") == "coursekit.classgrader"
    assert current("coursekit.gradedquiz.quiz") == "coursekit.gradedquiz.quiz"
    assert current("coursekit.gradingx") == "coursekit.gradingx"


def test_old_imports_of_released_quizzes_and_old_course_configs():
    code = "\n".join([
        "from coursekit.graded.quiz import kuis",
        "from coursekit.graded.hidden import nilai",
        "from coursekit.graded.preprocess import GuardSubmission",
        "from coursekit.grading.stock import harden",
        "import coursekit.gradedquiz.quiz as q, coursekit.gradedquiz.preprocess as p",
        "import coursekit.classgrader.stock as s",
        "assert kuis is q.kuis and GuardSubmission is p.GuardSubmission and harden is s.harden",
        "import sys; assert sys.modules['coursekit.graded.quiz'] is q",
    ])
    subprocess.run([sys.executable, "-c", code], check=True)
