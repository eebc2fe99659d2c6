"""Every learner- and lecturer-facing string: `say(key, lang, **fields)` and `pick(text, lang)`.

Strings live in `coursekit/<part>/strings.yaml` (and the content's UI labels in
content/data/ui.yaml), all in one form checked by strings.schema.json: key -> {id, en}, or
key -> a group of the same. A string's key is "<part>.<group>.<name>", e.g. "widgets.quiz.title",
"classgrader.flags.too_few", "content.concept". A missing key is an error naming it; there is no
fallback to another language. `coursekit build` validates every strings file and writes the
flattened table to strings.json, which the runtime loads (no YAML parsed or checked in a notebook
or a grading worker); `coursekit check` validates the files, and a test fails when it is stale.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
SCHEMA = HERE / "strings.schema.json"
COMPILED = HERE / "strings.json"
PARTS = ("classgrader", "figures", "gradedquiz", "lessons", "lite", "lms", "widgets")
UI = HERE / "content" / "data" / "ui.yaml"


def files() -> dict[str, Path]:
    """part -> its strings file."""
    return {**{p: HERE / p / "strings.yaml" for p in PARTS}, "content": UI}


def check() -> tuple[dict, list]:
    """(part -> data, every problem in every strings file, naming file, line and field)."""
    from .content import datafile
    from .content.parse import line_of, read_yaml
    from .content.problems import Problem, dotted

    found, problems = {}, []
    for part, path in files().items():
        label = str(path.relative_to(HERE.parent)) if path.is_relative_to(HERE.parent) else str(path)
        if part == "content":  # the content's UI labels: the same form, under 'labels'
            data, bad = read_yaml(path, label)
            data = data.get("labels") if isinstance(data, dict) else data
            bad = bad or [Problem(label, line_of(path, ["labels", *p]), dotted(["labels", *p]), m)
                          for p, m in datafile.schema_errors(SCHEMA, data)]
        else:
            data, bad = datafile.read(path, SCHEMA, label)
        problems += bad
        if not bad:
            found[part] = data
    return found, problems


def _flat(tree: dict, prefix: str, out: dict) -> dict:
    for name, value in tree.items():
        key = f"{prefix}.{name}"
        if set(value) == {"id", "en"} and all(isinstance(v, str) for v in value.values()):
            out[key] = value
        else:
            _flat(value, key, out)
    return out


_from_sources = False  # set by use_sources()


def use_sources() -> None:
    """From now on, read the strings files themselves, not strings.json: what `coursekit build`
    does, since it makes strings.json and, in the same run, everything that says something."""
    global _from_sources
    _from_sources = True
    table.cache_clear()


@cache
def table() -> dict[str, dict]:
    """key -> {id, en}: the table `coursekit build` compiled (strings.json), read once."""
    import json

    if _from_sources or not COMPILED.is_file():
        return compiled()
    with open(COMPILED, encoding="utf-8") as fh:
        return json.load(fh)


def compiled() -> dict[str, dict]:
    """key -> {id, en} from every strings file, validated (ContentError listing every problem)."""
    from .content.problems import ContentError

    found, problems = check()
    if problems:
        raise ContentError(problems)
    out: dict = {}
    for part, data in found.items():
        _flat(data, part, out)
    return out


def outputs() -> dict[Path, str]:
    """strings.json, for `coursekit build`."""
    import json

    return {COMPILED: json.dumps(compiled(), ensure_ascii=False, sort_keys=True, indent=0) + "\n"}


class UnknownString(KeyError):
    def __init__(self, key: str):
        from .content.problems import did_you_mean

        self.key = key
        super().__init__(f"no string {key!r}{did_you_mean(key, table())}")

    def __str__(self) -> str:
        return self.args[0]


def say(key: str, lang: str, **fields) -> str:
    """The string `key` in `lang` ('id' or 'en'; 'both': Indonesian, a new line, English),
    with its {fields} filled in."""
    if lang == "both":
        return "\n".join(say(key, x, **fields) for x in ("id", "en"))
    return entry(key)[lang].format(**fields)  # '{{' and '}}' write a brace


def entry(key: str) -> dict:
    """The string `key` in both languages, {id, en}, unfilled: for outputs that carry both
    (an LMS export's Moodle multilang text)."""
    found = table().get(key)
    if found is None:
        raise UnknownString(key)
    return found


def pick(text: dict | str | None, lang: str) -> str:
    """A bilingual value {id, en} in lang; a plain string as it is; None as ''."""
    if text is None:
        return ""
    if isinstance(text, dict):
        return text[lang]
    return text
