"""Read YAML content files; map a field path back to its line."""

from __future__ import annotations

from .problems import Problem


def read_yaml(path, label: str) -> tuple[object, list[Problem]]:
    """Parse one file; a syntax error becomes a Problem with its line."""
    import yaml  # here, not at the top: a load served from the parse cache never needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader), []
    except UnicodeDecodeError as err:
        return None, [Problem(label, 0, "", f"not UTF-8 text ({err.reason})")]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        start = getattr(err, "context_mark", None)
        if start is not None and ("end of stream" in str(getattr(err, "problem", ""))
                                  or (mark is not None and mark.line >= _lines(path))):
            mark = start  # e.g. an unclosed quote or bracket: where it opens, not the file's end
        line = mark.line + 1 if mark else 0
        what = getattr(err, "problem", None) or str(err)
        context = getattr(err, "context", None)
        detail = f"{what} ({context})" if context else what
        return None, [Problem(label, line, "", f"YAML syntax error: {detail}")]


def _lines(path) -> int:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return sum(1 for _ in fh)
    except OSError:
        return 0


def line_of(path, field_path) -> int:
    """Line (1-based) of the deepest node along field_path, 0 if unknown."""
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            node = yaml.compose(fh, Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return 0
    line = node.start_mark.line + 1 if node else 0
    for part in field_path:
        node = _child(node, part)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _child(node, part):
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part]
    return None
