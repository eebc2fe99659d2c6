"""The built-in content compiled into one file, which the runtime loads.

`coursekit build` reads and validates the YAML sources in data/ (see loader.py) and writes
compiled.json beside this module; notebooks then load that file without parsing or validating
YAML. `coursekit check` still validates the sources, and a test fails when the file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .store import Content

FILE = Path(__file__).parent / "compiled.json"
FORMAT = 1


def outputs() -> dict[Path, str]:
    """compiled.json from the validated sources (raises ContentError on a bad source)."""
    from .loader import load

    items = load()._items
    return {FILE: json.dumps({"format": FORMAT, "items": items}, ensure_ascii=False,
                             separators=(",", ":")) + "\n"}


def read() -> Content:
    with open(FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    if data.get("format") != FORMAT:
        raise RuntimeError(f"{FILE}: format {data.get('format')!r}, expected {FORMAT}; run `coursekit build`")
    return Content(data["items"])
