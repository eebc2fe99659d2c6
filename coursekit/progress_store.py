"""The learner's progress: a small JSON file in the working directory that survives kernel restarts
and closed browsers (on Binder the student can download it).

File: coursekit-progress.json in the working folder (the folder holding id/ and en/ for lessons
run there: the student's copy my-course/, notebooks/, or the offline site's top folder), or the
path in $COURSEKIT_PROGRESS (set by the open command). The latest answer of each self-check
question is kept with its score, so a reopened lesson, or the same lesson in the other language,
shows it again.
A file that cannot be read is moved aside (never deleted) and a fresh one started; the progress view says so.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .lang import LANGS

ENV, NAME, VERSION = "COURSEKIT_PROGRESS", "coursekit-progress.json", 1
_notices: list[tuple[str, dict]] = []  # (string key, fields) to show in the progress view


def path() -> Path:
    """$COURSEKIT_PROGRESS, else the course folder: lessons run in <course>/id or <course>/en
    (notebooks/ here, the site's root in the offline site) and both languages share one file there."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    here = Path.cwd()
    if here.name in LANGS and (here.parent.name == "notebooks" or _sibling_language(here)):
        here = here.parent  # notebooks/, my-course/ or the offline site's folder
    return here / NAME


def _sibling_language(here: Path) -> bool:
    """A folder for another language beside this one: here is a language folder of a course."""
    return any((here.parent / other).is_dir() for other in LANGS if other != here.name)


def _empty() -> dict:
    return {"version": VERSION, "quizzes": {}, "classifier": {}}


def _valid(data) -> bool:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return False
    quizzes, classifier = data.get("quizzes"), data.get("classifier")
    if not isinstance(quizzes, dict) or not isinstance(classifier, dict):
        return False
    for answers in [*quizzes.values(), classifier]:
        if not isinstance(answers, dict):
            return False
        for row in answers.values():
            if not isinstance(row, dict) or not all(
                isinstance(row.get(k), (int, float)) and not isinstance(row.get(k), bool)
                for k in ("points", "max", "tries")
            ):
                return False
    return True


def load() -> dict:
    """The saved progress; an unreadable file is moved aside and an empty record returned."""
    file = path()
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except OSError as err:
        _notice("widgets.progress.unreadable", path=str(file), error=err.strerror or str(err))
        return _empty()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if _valid(data):
        return data
    aside = file.with_name(f"{file.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(file, aside)
        _notice("widgets.progress.corrupt", path=str(file), aside=str(aside))
    except OSError as err:
        _notice("widgets.progress.unreadable", path=str(file), error=err.strerror or str(err))
    return _empty()


def save(data: dict) -> bool:
    file = path()
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, file)
        return True
    except OSError as err:
        _notice("widgets.progress.unwritable", path=str(file), error=err.strerror or str(err))
        return False


def _notice(key: str, **fields) -> None:
    if (key, fields) not in _notices:
        _notices.append((key, fields))


def _record(section: str, group: str | None, item: str, points: float, max_points: float,
            **extra) -> None:
    data = load()
    rows = data[section].setdefault(group, {}) if group else data[section]
    old = rows.get(item, {})
    rows[item] = {
        **extra,
        "points": points,
        "max": max_points,
        "tries": old.get("tries", 0) + 1,
        "best": max(points, old.get("best", 0)),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    save(data)


def record_answer(module: str, qid: str, points: float, max_points: float, answer=None) -> None:
    """Remember the latest checked answer of a self-check question (and the answer itself)."""
    _record("quizzes", module, qid, points, max_points,
            **({} if answer is None else {"answer": _plain(answer)}))


def saved_answers(module: str) -> dict:
    """The latest checked answer of each question of a module's quiz: qid -> answer."""
    rows = load()["quizzes"].get(module, {})
    return {qid: row["answer"] for qid, row in rows.items() if _plain(row.get("answer")) is not None}


def _plain(value):
    """An answer as JSON keeps it (text, true/false, list of texts, text -> text), else None."""
    if isinstance(value, (str, bool)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return dict(value)
    return None


def record_vignette(vid: str, right_axes: int, axes: int = 3) -> None:
    """Remember a checked strategy-classifier vignette (axes placed right out of three)."""
    _record("classifier", None, vid, right_axes, axes)

