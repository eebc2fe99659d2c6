"""nbgrader preprocessors used by exercises/nbgrader_config.py.

- ClearAnswers: nbgrader's ClearSolutions, except the identity cell keeps ``NIM = ""`` and
  ``BAHASA = "id"`` (ClearSolutions would replace a solution cell without delimiters by the stub).
- RestoreMetadata: runs before OverwriteCells. Graded cells are the master's: a cell whose
  nbgrader grade_id the master does not have (e.g. an added cell with ``grade: true, points:
  100``) loses its nbgrader metadata (an ordinary cell; a code one is then not run), and a
  master cell whose nbgrader flags were changed (a test cell turned ``solution: true``, points
  edited) gets the master's flags back. nbgrader alone would stop the whole submission there
  (KeyError 'grade_id', inconsistent checksums).
- GuardSubmission: runs in autograde's sanitizing pass, after OverwriteCells, so that stock
  `nbgrader autograde` never executes student code. Every code cell that will run is text this
  guard wrote itself: an answer cell becomes the master's comment lines plus ``jawaban = <the
  parsed literal>`` (or a marked comment with the reason, which the hidden test reads), the
  identity cell the master's comments plus its two literals, every other graded code cell the
  master's source; code cells the student added become raw cells, a deleted answer cell becomes
  a marked placeholder, and each answer cell is moved right before its test cell (the hidden
  test reads the answer as the previous input, In[-2]). Nothing of the student's cell text is
  ever kept in a code cell.

The master cells come from the gradebook (stock nbgrader), or from the snapshot the kernel-free
grader puts in ``resources["coursekit_gradebook"]`` (same methods).
"""

from __future__ import annotations

import weakref

import nbformat
from nbgrader.preprocessors import ClearSolutions, NbGraderPreprocessor

from .answers import Answer, canonical_source, parse_answer, parse_identity
from .protocol import ANSWER, IDENTITY, TEST, grade_id, qid_of, source_of

TAMPER_KEY = "coursekit_tampered"  # resources[...]: grade_ids dropped or restored (for the log)
_MASTERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # snapshot view -> its masters


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


class Master:
    """The master cells of one notebook: {grade_id: nbgrader flags}, sources, cell types."""

    def __init__(self, gb, notebook: str, assignment: str):
        nb = gb.find_notebook(notebook, assignment)
        grades = {c.name: float(c.max_score) for c in nb.grade_cells}
        solutions = {c.name for c in nb.solution_cells}
        tasks = {c.name for c in nb.task_cells}
        self.source = {c.name: c.source for c in nb.source_cells}
        self.cell_type = {c.name: c.cell_type for c in nb.source_cells}
        self.flags = {}
        for c in nb.source_cells:
            flags = {"grade": c.name in grades, "grade_id": c.name, "locked": bool(c.locked),
                     "schema_version": 3, "solution": c.name in solutions, "task": c.name in tasks}
            if c.name in grades:
                flags["points"] = grades[c.name]
            self.flags[c.name] = flags


def master(resources) -> Master:
    info = resources["nbgrader"]
    view = resources.get("coursekit_gradebook")
    if view is not None:  # the kernel-free grader's snapshot of the gradebook: read-only, so its
        known = _MASTERS.setdefault(view, {})  # masters are made once, not for every student
        key = (info["notebook"], info["assignment"])
        if key not in known:
            known[key] = Master(view, *key)
        return known[key]
    from nbgrader.api import Gradebook

    with Gradebook(info["db_url"]) as gb:
        return Master(gb, info["notebook"], info["assignment"])


class RestoreMetadata(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        m = master(resources)
        tampered = resources.setdefault(TAMPER_KEY, [])
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta is None:
                continue
            gid = meta.get("grade_id") if isinstance(meta, dict) else None
            if gid not in m.flags:
                self.log.warning("coursekit: cell with unknown nbgrader metadata %r dropped from grading",
                                 gid)
                del cell.metadata["nbgrader"]
                tampered.append(str(gid))
                continue
            want = m.flags[gid]
            if _changed(meta, want):
                self.log.warning("coursekit: nbgrader metadata of cell %s changed; restored", gid)
                tampered.append(gid)
                keep = {k: meta[k] for k in ("checksum", "cell_type") if k in meta}
                cell.metadata["nbgrader"] = {**keep, **want}
        return nb, resources


def _changed(meta: dict, want: dict) -> bool:
    for k in ("grade", "solution", "locked", "task"):
        if bool(meta.get(k, False)) != want[k]:
            return True
    if want["grade"]:
        try:
            return float(meta.get("points")) != want["points"]
        except (TypeError, ValueError):
            return True
    return False


class GuardSubmission(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        m = master(resources)
        cells, answers = [], {}
        for cell in nb.cells:
            gid = grade_id(cell)
            if gid is None or gid not in m.flags:
                if cell.cell_type == "code":
                    self.log.warning("coursekit: a code cell added by the student is kept as a raw cell")
                    cell = _new_cell("raw", source_of(cell))
                cells.append(cell)
            elif cell.cell_type != "code":
                cells.append(cell)  # markdown/raw: never run (an essay answer is markdown)
            elif gid == IDENTITY:
                cell.source = _identity_source(source_of(cell), m.source.get(gid, ""))
                cells.append(cell)
            elif gid.startswith(ANSWER):
                answer = parse_answer(source_of(cell))
                if not answer.ok:
                    self.log.warning("coursekit: answer cell %s is not a plain value (%s); not executed",
                                     gid, answer.invalid)
                cell.source = _answer_source(answer, m.source.get(gid, ""))
                answers[qid_of(gid, ANSWER)] = cell
            else:  # any other graded code cell runs the master's code, whatever was submitted
                cell.source = m.source.get(gid, "")
                cells.append(cell)
        out = []
        for cell in cells:
            gid = grade_id(cell) or ""
            qid = qid_of(gid, TEST)
            if qid is not None:
                out.append(answers.pop(qid, None) or _placeholder())
            out.append(cell)
        out.extend(answers.values())  # answers without a test cell (should not happen) stay last
        nb.cells = out
        return nb, resources


def _answer_source(answer: Answer, master_source: str) -> str:
    """The master's text when the answer reads the same as the master's (an untouched cell keeps
    its checksum, so nbgrader still says "No response."), else the master's comments and the
    literal (or the marker)."""
    if answer.ok and parse_answer(master_source) == answer:
        return master_source
    return canonical_source(answer, master_source)


def _identity_source(source: str | None, master_source: str) -> str:
    ident = parse_identity(source)
    lang = ident["BAHASA"] if ident["BAHASA"] in ("id", "en") else "id"
    ident = {"NIM": ident["NIM"], "BAHASA": lang}
    if parse_identity(master_source) == ident:
        return master_source
    comments = [line for line in master_source.splitlines() if line.lstrip().startswith("#")]
    return "\n".join([*comments, f"NIM = {ident['NIM']!r}", f"BAHASA = {lang!r}"])


def _placeholder():
    cell = _new_cell("code", canonical_source(Answer(invalid="answer-cell-missing")))
    cell.metadata["coursekit"] = {"placeholder": True}
    return cell


def _new_cell(cell_type: str, source: str):
    """nbformat.v4.new_raw_cell / new_code_cell (the same fields) without their schema check,
    which compiles nbformat's validator on first use (60 ms in each grading worker); the
    fields are valid by construction (source is text)."""
    from nbformat.v4.nbbase import random_cell_id

    cell = nbformat.NotebookNode(id=random_cell_id(), cell_type=cell_type,
                                 metadata=nbformat.NotebookNode(), source=source)
    if cell_type == "code":
        cell.update(execution_count=None, outputs=[])
    return cell
