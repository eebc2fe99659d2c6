"""The wheels the browser kernel loads: downloaded once from PyPI into a cache folder, C speed-ups
stripped where the package works without them, and coursekit's own browser-side wheel."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from . import pins

BROWSER_PYTHON = "3.14"  # Pyodide 314's Python
PACKAGE_DATA = (".py", ".yaml", ".json", ".j2", ".css", ".png")
SKIP_PARTS = ("__pycache__", "lite")  # the build tooling stays out of the browser (its strings
# are in coursekit/strings.json, with every part's)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _find(folder: Path, requirement: str) -> Path | None:
    name, version = requirement.split("==")
    for whl in folder.glob("*.whl"):
        parts = whl.name.split("-")
        if canonical(parts[0]) == canonical(name) and parts[1] == version:
            return whl
    return None


def download(cache: Path, requirements: tuple[str, ...]) -> list[Path]:
    """Each requirement's wheel from PyPI (pip, no dependencies), reused from cache when there."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = [r for r in requirements if _find(cache, r) is None]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "--only-binary=:all:", "--python-version", BROWSER_PYTHON, "--dest", str(cache),
                        *missing], check=True)
    found = [_find(cache, r) for r in requirements]
    if None in found:
        raise RuntimeError(f"pip gave no wheel for {requirements[found.index(None)]}")
    return found


def write_wheel(path: Path, files: dict[str, bytes], dist_info: str) -> Path:
    """A wheel from its files (dist-info METADATA and WHEEL included); RECORD is added here."""
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{dist_info}/RECORD,,")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(files):
            zf.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), files[name], zipfile.ZIP_DEFLATED)
        zf.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", (2020, 1, 1, 0, 0, 0)),
                    "\n".join(record) + "\n")
    return path


WHEEL_FILE = "Wheel-Version: 1.0\nGenerator: coursekit.lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def strip_native(wheel: Path, out: Path) -> Path:
    """The wheel without its compiled modules, tagged pure Python (py3-none-any)."""
    name, version = wheel.name.split("-")[:2]
    files = {}
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            if info.filename.endswith((".so", "/RECORD")) or info.is_dir():
                continue
            data = zf.read(info)
            if info.filename.endswith(".dist-info/WHEEL"):
                data = WHEEL_FILE.encode()
            files[info.filename] = data
    dist_info = next(n.split("/")[0] for n in files if n.endswith(".dist-info/METADATA"))
    return write_wheel(out / f"{name}-{version}-py3-none-any.whl", files, dist_info)


def coursekit_wheel(package: Path, images: Path, out: Path, version: str) -> Path:
    """coursekit for the browser: its modules and data, the drawn figures, and only the
    requirements that run there (pins.BROWSER_REQUIRES)."""
    files = {}
    for path in sorted(package.rglob("*")):
        rel = path.relative_to(package)
        if path.is_file() and path.suffix in PACKAGE_DATA \
                and rel.parts[0] not in SKIP_PARTS \
                and "__pycache__" not in rel.parts and rel.parts[:2] != ("figures", "images"):
            files[f"coursekit/{rel.as_posix()}"] = path.read_bytes()
    for path in sorted(images.iterdir()):
        files[f"coursekit/figures/images/{path.name}"] = path.read_bytes()
    dist_info = f"coursekit-{version}.dist-info"
    meta = ["Metadata-Version: 2.1", "Name: coursekit", f"Version: {version}",
            "Summary: coursekit in the browser (offline site)",
            *(f"Requires-Dist: {r}" for r in pins.BROWSER_REQUIRES)]
    files[f"{dist_info}/METADATA"] = ("\n".join(meta) + "\n").encode()
    files[f"{dist_info}/WHEEL"] = WHEEL_FILE.encode()
    files[f"{dist_info}/top_level.txt"] = b"coursekit\n"
    return write_wheel(out / f"coursekit-{version}-py3-none-any.whl", files, dist_info)
