"""A pyodide-lock.json that lists exactly the local wheels (and nothing Pyodide would fetch)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

from .wheels import canonical

# Pyodide's platform, for the requirements' markers.
BROWSER = {"python_version": "3.14", "python_full_version": "3.14.2", "sys_platform": "emscripten",
           "platform_system": "Emscripten", "platform_machine": "wasm32", "os_name": "posix",
           "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}


def _metadata(wheel: Path) -> tuple[dict, list[str]]:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = next(n for n in names if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        return Parser().parsestr(zf.read(meta).decode("utf-8")), names


def _imports(names: list[str]) -> list[str]:
    tops = set()
    for n in names:
        first = n.split("/")[0]
        if first.endswith((".dist-info", ".data")):
            continue
        if "/" in n and n.endswith("/__init__.py") and n.count("/") == 1:
            tops.add(first)
        elif "/" not in n and n.endswith(".py"):
            tops.add(n[:-3])
    return sorted(tops)


def entry(wheel: Path, known: set[str]) -> dict:
    meta, names = _metadata(wheel)
    depends = set()
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is not None and not Marker(str(req.marker)).evaluate(BROWSER):
            continue
        if canonical(req.name) in known:
            depends.add(canonical(req.name))
    return {"name": meta["Name"], "version": meta["Version"], "file_name": wheel.name,
            "install_dir": "site", "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "package_type": "package", "imports": _imports(names), "depends": sorted(depends),
            "unvendored_tests": False, "shared_library": False}


def write(wheels: list[Path], pyodide_lock: Path, out: Path) -> list[str]:
    """Write out (Pyodide's own `info`, our packages); the package names, to preload."""
    info = json.loads(pyodide_lock.read_text(encoding="utf-8"))["info"]
    known = {canonical(_metadata(w)[0]["Name"]) for w in wheels}
    packages = {canonical(e["name"]): e for e in (entry(w, known) for w in wheels)}
    out.write_text(json.dumps({"info": info, "packages": dict(sorted(packages.items()))}, indent=1)
                   + "\n", encoding="utf-8")
    return sorted(packages)
