"""Build the offline site: lessons, Pyodide runtime, local wheels and their lock, then
`jupyter lite build`, then a zip of the folder. Needs the `lite` extra and npm (build time only)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import __version__
from ..figures import images
from . import contents, lock, pins, wheels

PACKAGE = Path(__file__).resolve().parents[1]  # coursekit/, as the browser's wheel
ROOT = PACKAGE.parent  # the repository (lessons in notebooks/) when run from a checkout
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide.js", "package.json")
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
DISABLED = ["@jupyter/nbgrader"]  # needs a server: no use in the browser


def npm_pyodide(cache: Path) -> Path:
    """The npm package pyodide@<pin>, installed into the cache folder when missing."""
    folder = cache / "npm" / "node_modules" / "pyodide"
    meta = folder / "package.json"
    if not meta.exists() or json.loads(meta.read_text())["version"] != pins.PYODIDE:
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                        str(cache / "npm"), f"pyodide@{pins.PYODIDE}"], check=True)
    return folder


def kernel_wheels() -> list[Path]:
    import jupyterlite_pyodide_kernel  # noqa: F401 (the lite extra is installed)

    share = Path(sys.prefix) / "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension"
    found = [w for w in sorted((share / "static/pypi").glob("*.whl"))
             if w.name.startswith(pins.KERNEL_WHEELS)]
    if len(found) != len(pins.KERNEL_WHEELS):
        raise RuntimeError(f"jupyterlite-pyodide-kernel's wheels not found in {share}")
    return found


def browser_wheels(cache: Path, figures: Path) -> list[Path]:
    pure = cache / "pure"
    stripped = [wheels.strip_native(w, pure) for w in wheels.download(cache / "host", pins.STRIPPED)]
    return [*wheels.download(cache / "pypi", pins.WHEELS), *stripped, *kernel_wheels(),
            wheels.coursekit_wheel(PACKAGE, figures, cache / "coursekit", __version__)]


def config(packages: list[str]) -> dict:
    settings = {"disablePyPIFallback": True, "loadPyodideOptions": {"packages": packages}}
    return {"jupyter-lite-schema-version": 0,
            "jupyter-config-data": {"disabledExtensions": DISABLED,
                                    "litePluginSettings": {KERNEL_PLUGIN: settings}}}


def build(out: Path, notebooks: Path | None = None, cache: Path | None = None) -> tuple[Path, Path]:
    """Build the site into out (replaced) and out.zip; (folder, zip)."""
    out, cache = Path(out).resolve(), Path(cache or ROOT / ".cache" / "lite").resolve()
    with tempfile.TemporaryDirectory(prefix="coursekit-lite-") as tmp:
        work = Path(tmp)
        contents.write(notebooks or ROOT / "notebooks", work / "contents")
        images.write(work / "figures")
        static = work / "lite" / "static" / "pyodide"
        static.mkdir(parents=True)
        runtime = npm_pyodide(cache)
        for name in PYODIDE_FILES:
            shutil.copy2(runtime / name, static / name)
        local = browser_wheels(cache, work / "figures")
        for wheel in local:
            shutil.copy2(wheel, static / wheel.name)
        packages = lock.write([static / w.name for w in local], runtime / "pyodide-lock.json",
                              static / "pyodide-lock.json")
        (work / "lite" / "jupyter-lite.json").write_text(json.dumps(config(packages), indent=1))
        if out.exists():
            shutil.rmtree(out)
        subprocess.run([sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir",
                        str(work / "lite"), "--contents", str(work / "contents"), "--output-dir",
                        str(out), "--no-sourcemaps"], check=True, cwd=work)
    archive = Path(shutil.make_archive(str(out), "zip", root_dir=out))
    return out, archive


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
