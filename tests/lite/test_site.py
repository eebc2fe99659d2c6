"""lite/site.py, the parts that run without npm or a network: the site's configuration, the
folder size, the cached Pyodide runtime reused as it is, and the kernel's own wheels found in the
installed jupyterlite-pyodide-kernel. (The whole build: tests/lite/test_offline_site.py.)"""

from __future__ import annotations

import json

import pytest

from coursekit.lite import pins, site


def test_config_disables_nbgrader_and_the_pypi_fallback_and_preloads_the_packages():
    cfg = site.config(["coursekit", "jinja2"])
    assert cfg["jupyter-lite-schema-version"] == 0
    data = cfg["jupyter-config-data"]
    assert data["disabledExtensions"] == ["@jupyter/nbgrader"]
    assert list(data["litePluginSettings"]) == ["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert json.loads(json.dumps(cfg)) == cfg  # written as JSON as it is


def test_size_counts_the_bytes_of_every_file_below(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "x.js").write_bytes(b"12345")
    (tmp_path / "a" / "b" / "y.wasm").write_bytes(b"0" * 1000)
    (tmp_path / "a" / "empty").write_bytes(b"")
    assert site.size(tmp_path) == 1005
    assert site.size(tmp_path / "a") == 1000


def test_a_cached_pyodide_of_the_pinned_version_is_used_without_npm(tmp_path, monkeypatch):
    folder = tmp_path / "npm" / "node_modules" / "pyodide"
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"name": "pyodide", "version": pins.PYODIDE}))
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))  # npm could not even be found
    assert site.npm_pyodide(tmp_path) == folder


def test_a_cached_pyodide_of_another_version_is_replaced_by_npm(tmp_path, monkeypatch):
    folder = tmp_path / "npm" / "node_modules" / "pyodide"
    folder.mkdir(parents=True)
    (folder / "package.json").write_text(json.dumps({"name": "pyodide", "version": "0.27.0"}))
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    with pytest.raises(FileNotFoundError):  # it went for npm (not there): no network used here
        site.npm_pyodide(tmp_path)


def test_the_kernels_own_wheels_come_from_the_installed_kernel():
    pytest.importorskip("jupyterlite_pyodide_kernel")
    found = site.kernel_wheels()
    matched = sorted(p for w in found for p in pins.KERNEL_WHEELS if w.name.startswith(p))
    assert matched == sorted(pins.KERNEL_WHEELS)  # each prefix once, nothing else
    assert all(w.is_file() and w.suffix == ".whl" for w in found)
    assert not [w for w in found if w.name.startswith("widgetsnbextension-3")]
