"""A cache of the parsed YAML of the built-in content.

Parsing is the slow part of loading (PyYAML builds its objects in Python). Each file's parse is
kept with the file's modification time and size, in the user's cache folder; a changed file is
parsed again. Validation and the checks across files still run on every load.
Set COURSEKIT_PARSE_CACHE=0 to turn the cache off.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

VERSION = 1


def cache_file() -> Path | None:
    if os.environ.get("COURSEKIT_PARSE_CACHE", "1") == "0":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "coursekit" / f"parsed-v{VERSION}.marshal"


class ParseCache:
    def __init__(self):
        self.file = cache_file()
        self.entries: dict = self._read()
        self.changed = False

    def _read(self) -> dict:
        if self.file is None:
            return {}
        try:
            with open(self.file, "rb") as fh:
                entries = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int]:
        stat = path.stat()
        return stat.st_mtime_ns, stat.st_size

    def get(self, path: Path):
        """(True, data) when path is unchanged since it was cached, else (False, None)."""
        entry = self.entries.get(str(path))
        if entry and entry[0] == self._stamp(path):
            return True, entry[1]
        return False, None

    def put(self, path: Path, data) -> None:
        try:
            marshal.dumps(data)
        except ValueError:  # e.g. a YAML date; such a file is simply parsed each time
            return
        self.entries[str(path)] = (self._stamp(path), data)
        self.changed = True

    def save(self) -> None:
        if not (self.file and self.changed):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(self.entries))
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only home: no cache, no harm
