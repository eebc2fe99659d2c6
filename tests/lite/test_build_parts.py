"""The offline site's parts, without building it: the lessons' site copies, the browser-side
coursekit wheel and the Pyodide lock written for exactly the local wheels."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from coursekit.lite import contents, lock, pins, wheels
from coursekit.strings import entry

ROOT = Path(__file__).resolve().parents[2]
SERVER_ONLY = ("jupyterlab", "nbgrader", "nbclient", "nbformat", "matplotlib", "jsonschema")


def test_site_copies_open_on_pyodide_and_start_pages_say_what_offline_means(tmp_path):
    src = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", src)
    for lang in ("id", "en"):  # lessons are renumbered freely: any other name works
        lesson = next(p for p in sorted((src / lang).glob("*.ipynb")) if p.name != contents.START[lang])
        lesson.rename(lesson.with_name(f"99-{lesson.name}"))
    before = {p: p.read_bytes() for p in src.rglob("*.ipynb")}
    written = contents.write(src, tmp_path / "site")
    assert len(written) == len(before)
    assert all(p.read_bytes() == data for p, data in before.items())  # the repo's files untouched
    for path in written:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert nb["metadata"]["kernelspec"]["name"] == "python"
        notes = [c for c in nb["cells"] if c.get("id") == "coursekit-offline"]
        assert len(notes) == (1 if path.name == contents.START[path.parent.name] else 0)
    labels = entry("lite.start.offline")
    assert "nbgrader" in labels["id"] and "nbgrader" in labels["en"]
    assert "coursekit-progress.json" in labels["id"] and "Download" in labels["en"]


def _wheel(tmp_path):
    images = tmp_path / "images"
    images.mkdir()
    (images / "figures.json").write_text("{}")
    return wheels.coursekit_wheel(ROOT / "coursekit", images, tmp_path / "out", "0.1.0")


def test_browser_wheel_needs_no_server_side_packages(tmp_path):
    whl = _wheel(tmp_path)
    with zipfile.ZipFile(whl) as zf:
        names = zf.namelist()
        meta = zf.read("coursekit-0.1.0.dist-info/METADATA").decode()
    requires = [line.split(":", 1)[1].strip().lower() for line in meta.splitlines()
                if line.startswith("Requires-Dist")]
    assert requires and not [r for r in requires if r.startswith(SERVER_ONLY)]
    assert "coursekit/figures/images/figures.json" in names
    # the compiled strings (every part's, the build tooling's too), no build tooling
    assert "coursekit/strings.json" in names
    assert not [n for n in names if n.startswith("coursekit/lite/") or "__pycache__" in n]


def test_lock_lists_the_wheels_with_their_local_dependencies(tmp_path):
    whl = _wheel(tmp_path)
    entry = lock.entry(whl, {"jinja2", "pyyaml"})
    assert entry["depends"] == ["jinja2", "pyyaml"] and entry["imports"] == ["coursekit"]
    assert entry["file_name"] == whl.name and len(entry["sha256"]) == 64


def test_strip_native_leaves_pure_python(tmp_path):
    files = {"pkg/__init__.py": b"", "pkg/_speed.cpython-314-x86_64-linux-gnu.so": b"\0",
             "pkg-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: pkg\nVersion: 1.0\n",
             "pkg-1.0.dist-info/WHEEL": b"Tag: cp314-cp314-manylinux_2_17_x86_64\n"}
    native = wheels.write_wheel(tmp_path / "pkg-1.0-cp314-cp314-manylinux_2_17_x86_64.whl", files,
                                "pkg-1.0.dist-info")
    pure = wheels.strip_native(native, tmp_path / "pure")
    assert pure.name == "pkg-1.0-py3-none-any.whl"
    with zipfile.ZipFile(pure) as zf:
        assert not [n for n in zf.namelist() if n.endswith(".so")]
        assert "Tag: py3-none-any" in zf.read("pkg-1.0.dist-info/WHEEL").decode()


BROWSER_RUN = """
import sys
class Missing:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r} or name == "yaml._yaml":
            raise ImportError(name + " is not in the browser")
sys.meta_path.insert(0, Missing())
import coursekit as ck
from coursekit.figures import images
images.IMAGES = __import__("pathlib").Path({folder!r})
quiz = ck.quiz("m4")
fig = ck.figure("strategy-space", "en")
assert fig.figure is None and fig._repr_html_().count("data:image/png") == 1
ck.progress()._repr_html_()
print("ok")
"""


def test_lesson_code_runs_with_only_the_browser_side_packages(tmp_path):
    """What the lessons call works with the server-only packages (and libyaml) missing."""
    folder = tmp_path / "figures"
    images_written = __import__("coursekit.figures.images", fromlist=["write"]).write(
        folder, ("strategy-space",))
    assert images_written.exists()
    code = BROWSER_RUN.format(blocked=SERVER_ONLY, folder=str(folder))
    env = {"COURSEKIT_PROGRESS": str(tmp_path / "p.json"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().endswith("ok")


def test_pins_match_each_other():
    assert pins.JUPYTERLITE == "0.8.6" and pins.PYODIDE == "314.0.6"
    assert all("==" in r for r in (*pins.WHEELS, *pins.STRIPPED))


def test_site_config_turns_pypi_off_and_preloads_the_local_packages():
    from coursekit.lite.site import KERNEL_PLUGIN, config

    settings = config(["coursekit", "ipywidgets"])["jupyter-config-data"]["litePluginSettings"][KERNEL_PLUGIN]
    assert settings["disablePyPIFallback"] is True
    assert settings["loadPyodideOptions"]["packages"] == ["coursekit", "ipywidgets"]


def test_cli_draws_the_handout_figures(tmp_path, capsys):
    from coursekit.cli import main

    assert main(["lite", "figures", "-o", str(tmp_path / "handout")]) == 0
    index = json.loads((tmp_path / "handout" / "figures.json").read_text(encoding="utf-8"))
    assert all((tmp_path / "handout" / e["file"]).exists() for per in index.values() for e in per.values())
