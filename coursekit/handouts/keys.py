"""Answer keys for the lecturer pack, read from the instructor-only sources: the self-check
sources (lessons/selfcheck/*.yaml) and the question bank (exercises/bank/*.yaml). Never packaged."""

from __future__ import annotations

from pathlib import Path

from ..content.parse import read_yaml
from ..content.problems import ContentError


def _yaml(path: Path) -> dict:
    """A key source as data; {} when the module has none. A broken source is an error (the pack
    must never quietly lack a module's keys); `coursekit check` and the build say the same."""
    if not path.is_file():
        return {}
    data, problems = read_yaml(path, str(path))
    if problems:
        raise ContentError(problems)
    return data if isinstance(data, dict) else {}


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang, value.get("id", "")))
    return str(value)


def key_of(item: dict, lang: str) -> list[str]:
    """The right answer of a question of the one model (self-check or bank), as lines of text."""
    kind = item.get("type")
    if kind in ("single", "multiple"):
        return [_text(o.get("text"), lang) for o in item.get("options", []) if o.get("correct")]
    if kind == "true-false":
        from ..strings import say

        return [say("lessons.true" if item.get("answer") else "lessons.false", lang)]
    if kind == "short":
        shown = [_text(item["model"], lang)] if "model" in item else []
        return shown + [", ".join(map(str, item.get("accepted", [])))]
    if kind == "matching":
        right = {r["id"]: _text(r["text"], lang) for r in item.get("right", [])}
        return [f"{_text(x['text'], lang)} → {right.get(x['match'], x['match'])}"
                for x in item.get("left", [])]
    if kind == "essay":
        lines = [_text(item.get("model", ""), lang)]
        return lines + [f"({s.get('points')}) {_text(s.get('text'), lang)}" for s in item.get("scheme", [])]
    return []


def selfcheck_keys(root: Path, module: str, lang: str) -> list[dict]:
    data = _yaml(Path(root) / "lessons" / "selfcheck" / f"{module}.yaml")
    return [{"id": q.get("id"), "prompt": _text(q.get("stem", ""), lang), "key": key_of(q, lang)}
            for q in data.get("questions", [])]


def bank_keys(root: Path, module: str, lang: str) -> list[dict]:
    data = _yaml(Path(root) / "exercises" / "bank" / f"{module}.yaml")
    return [{"id": x.get("id"), "prompt": _text(x.get("stem", ""), lang), "key": key_of(x, lang)}
            for x in data.get("items", [])]
