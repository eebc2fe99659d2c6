"""nbgrader preprocessors used by exercises/nbgrader_config.py.

- ClearAnswers: nbgrader's ClearSolutions, except the identity cell keeps ``NIM = ""`` and
  ``BAHASA = "id"`` (ClearSolutions would replace a solution cell without delimiters by the stub).
- GuardSubmission: runs in autograde's sanitizing pass, after OverwriteCells, so that stock
  `nbgrader autograde` never executes student code: answer cells that are not one plain literal
  are replaced by a marked comment (the hidden test reads the reason), the identity cell is
  rewritten to its two literals, code cells the student added become raw cells, a deleted
  answer cell becomes a marked placeholder, and each answer cell is moved right before its test
  cell (the hidden test reads the answer as the previous input, In[-2]).
"""

from __future__ import annotations

import nbformat
from nbgrader.preprocessors import ClearSolutions, NbGraderPreprocessor

from .answers import Answer, canonical_source, parse_answer, parse_identity
from .cells import IDENTITY, grade_id, source_of


class ClearAnswers(ClearSolutions):
    def preprocess_cell(self, cell, resources, cell_index):
        if grade_id(cell) == IDENTITY:
            return cell, resources
        return super().preprocess_cell(cell, resources, cell_index)


class ForgetDuplicates(NbGraderPreprocessor):
    """After DeduplicateIds: drop the empty nbgrader metadata it leaves on duplicated cells.

    nbgrader 0.9.6 leaves ``nbgrader: {}`` there, which makes OverwriteCells (add_missing_cells)
    fail with KeyError 'grade_id' and stops the student's autograde; without metadata the copy is
    an ordinary cell (a code copy then becomes a raw cell in GuardSubmission).
    """

    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if "nbgrader" in cell.metadata and not cell.metadata["nbgrader"]:
                del cell.metadata["nbgrader"]
        return nb, resources


class GuardSubmission(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        cells, answers = [], {}
        for cell in nb.cells:
            gid = grade_id(cell)
            if gid is None:
                if cell.cell_type == "code":
                    self.log.warning("coursekit: a code cell added by the student is kept as a raw cell")
                    cell = nbformat.v4.new_raw_cell(source_of(cell))
                cells.append(cell)
            elif gid == IDENTITY:
                cell.source = _identity_source(source_of(cell))
                cells.append(cell)
            elif gid.startswith("jawaban-") and cell.cell_type == "code":
                answer = parse_answer(source_of(cell))
                if not answer.ok:
                    self.log.warning("coursekit: answer cell %s is not a plain value (%s); not executed",
                                     gid, answer.invalid)
                    cell.source = canonical_source(answer, source_of(cell))
                answers[gid[len("jawaban-"):]] = cell
            else:
                cells.append(cell)
        out = []
        for cell in cells:
            gid = grade_id(cell) or ""
            if gid.startswith("nilai-"):
                qid = gid[len("nilai-"):]
                out.append(answers.pop(qid, None) or _placeholder())
            out.append(cell)
        out.extend(answers.values())  # answers without a test cell (should not happen) stay last
        nb.cells = out
        return nb, resources


def _identity_source(source: str | None) -> str:
    ident = parse_identity(source)
    lang = ident["BAHASA"] if ident["BAHASA"] in ("id", "en") else "id"
    comments = [line for line in (source or "").splitlines() if line.lstrip().startswith("#")]
    return "\n".join([*comments, f"NIM = {ident['NIM']!r}", f"BAHASA = {lang!r}"])


def _placeholder():
    cell = nbformat.v4.new_code_cell(canonical_source(Answer(invalid="answer-cell-missing")))
    cell.metadata["coursekit"] = {"placeholder": True}
    return cell
