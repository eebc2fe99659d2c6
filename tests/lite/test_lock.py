"""lite/lock.py: the Pyodide lock lists exactly the local wheels: each one's name, version, hash,
top-level imports and the dependencies that apply in the browser and are among the wheels."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from coursekit.lite import lock, wheels


def _wheel(folder: Path, name: str, version: str, files: tuple[str, ...] = (),
           requires: tuple[str, ...] = ()) -> Path:
    """A pure-Python wheel with these files and Requires-Dist lines."""
    dist = f"{name.replace('-', '_')}-{version}.dist-info"
    meta = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
            *(f"Requires-Dist: {r}" for r in requires)]
    data = {f: b"" for f in files}
    data[f"{dist}/METADATA"] = ("\n".join(meta) + "\n").encode()
    data[f"{dist}/WHEEL"] = wheels.WHEEL_FILE.encode()
    return wheels.write_wheel(folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl", data, dist)


def test_imports_are_top_level_packages_and_modules():
    names = ["pkg/__init__.py", "pkg/sub/__init__.py", "six.py", "pkg/x.py", "ns/only.py",
             "pkg-1.dist-info/METADATA", "pkg-1.data/scripts/tool.py", "README.txt", "_cffi.py"]
    assert lock._imports(names) == ["_cffi", "pkg", "six"]


def test_dependencies_are_the_local_ones_that_apply_in_the_browser(tmp_path):
    whl = _wheel(tmp_path, "Stack_Data", "0.6.3", ("stack_data/__init__.py",), requires=(
        "executing>=1.2", "Pure-Eval", "asttokens (>=2.1)",
        "colorama; sys_platform == 'win32'",
        "typing-extensions; python_version < '3.10'",
        "six; platform_system == 'Emscripten'",
        "pytest; extra == 'tests'",
        "numpy",  # not among the local wheels: Pyodide would fetch it, so it is left out
    ))
    known = {"executing", "pure-eval", "asttokens", "colorama", "typing-extensions", "six", "pytest"}
    entry = lock.entry(whl, known)
    assert entry["depends"] == ["asttokens", "executing", "pure-eval", "six"]
    assert (entry["name"], entry["version"], entry["file_name"]) == ("Stack_Data", "0.6.3", whl.name)
    assert entry["sha256"] == hashlib.sha256(whl.read_bytes()).hexdigest()
    assert entry["imports"] == ["stack_data"]
    assert entry["install_dir"] == "site" and entry["package_type"] == "package"


def test_write_keeps_pyodides_info_and_lists_the_wheels_by_canonical_name(tmp_path):
    a = _wheel(tmp_path, "Jinja2", "3.1.6", ("jinja2/__init__.py",), requires=("MarkupSafe>=2.0",))
    b = _wheel(tmp_path, "MarkupSafe", "3.0.3", ("markupsafe/__init__.py",))
    c = _wheel(tmp_path, "typing_extensions", "4.15.0", ("typing_extensions.py",))
    pyodide = tmp_path / "pyodide-lock.json"
    info = {"arch": "wasm32", "platform": "emscripten_4_0_9", "version": "0.0.0", "python": "3.14.2"}
    pyodide.write_text(json.dumps({"info": info, "packages": {"numpy": {"name": "numpy"}}}))
    out = tmp_path / "static" / "pyodide-lock.json"
    out.parent.mkdir()
    assert lock.write([c, a, b], pyodide, out) == ["jinja2", "markupsafe", "typing-extensions"]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["info"] == info
    assert list(written["packages"]) == ["jinja2", "markupsafe", "typing-extensions"]  # nothing of Pyodide's
    assert written["packages"]["jinja2"]["depends"] == ["markupsafe"]
    assert written["packages"]["typing-extensions"]["imports"] == ["typing_extensions"]


def test_the_browser_platform_is_the_browsers_python():
    assert lock.BROWSER["python_version"] == wheels.BROWSER_PYTHON
    assert lock.BROWSER["python_full_version"].startswith(wheels.BROWSER_PYTHON + ".")
