"""The old name of coursekit.gradedquiz. Quiz notebooks released before the rename (issue 11)
import `coursekit.graded.quiz` and `coursekit.graded.hidden`; these names keep them running (the
kernel-free grader maps them too: gradedquiz/protocol.OLD_MODULES). Nothing else uses them."""

import sys

from ..gradedquiz import hidden, quiz

sys.modules[__name__ + ".quiz"] = quiz
sys.modules[__name__ + ".hidden"] = hidden
