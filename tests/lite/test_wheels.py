"""lite/wheels.py: wheel names compared as pip compares them, wheels found in the cache without
asking PyPI again, and wheels written with a correct RECORD and the same bytes every time."""

from __future__ import annotations

import base64
import hashlib
import zipfile

import pytest

from coursekit.lite import wheels


@pytest.mark.parametrize("name, canonical", [
    ("Jinja2", "jinja2"), ("typing_extensions", "typing-extensions"), ("ruamel.yaml", "ruamel-yaml"),
    ("A__b-.C", "a-b-c"), ("pure-eval", "pure-eval")])
def test_canonical_names_as_pip_compares_them(name, canonical):
    assert wheels.canonical(name) == canonical


def _files(version: str = "1.0") -> dict[str, bytes]:
    return {"pkg/__init__.py": b"x = 1\n", "pkg/data.json": b"{}",
            f"pkg-{version}.dist-info/METADATA": f"Name: pkg\nVersion: {version}\n".encode(),
            f"pkg-{version}.dist-info/WHEEL": wheels.WHEEL_FILE.encode()}


def test_write_wheel_records_every_file_with_its_hash_and_size(tmp_path):
    whl = wheels.write_wheel(tmp_path / "deep" / "pkg-1.0-py3-none-any.whl", _files(), "pkg-1.0.dist-info")
    with zipfile.ZipFile(whl) as zf:
        assert zf.namelist() == [*sorted(_files()), "pkg-1.0.dist-info/RECORD"]
        rows = [line.split(",") for line in zf.read("pkg-1.0.dist-info/RECORD").decode().splitlines()]
        assert rows[-1] == ["pkg-1.0.dist-info/RECORD", "", ""]
        for name, digest, size in rows[:-1]:
            data = zf.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data)
        assert {r[0] for r in rows} == set(zf.namelist())


def test_write_wheel_gives_the_same_bytes_twice(tmp_path):
    """Fixed dates: the site's wheels (and their hashes in the lock) do not change between builds."""
    one = wheels.write_wheel(tmp_path / "a" / "pkg-1.0-py3-none-any.whl", _files(), "pkg-1.0.dist-info")
    two = wheels.write_wheel(tmp_path / "b" / "pkg-1.0-py3-none-any.whl", _files(), "pkg-1.0.dist-info")
    assert one.read_bytes() == two.read_bytes()


def test_strip_native_drops_compiled_modules_anywhere_and_rewrites_the_record(tmp_path):
    files = {**_files("2.0"), "pkg/_speed.cpython-314-x86_64-linux-gnu.so": b"\0",
             "pkg/sub/_c.abi3.so": b"\0", "pkg-2.0.dist-info/RECORD": b"stale,,\n"}
    native = tmp_path / "pkg-2.0-cp314-cp314-manylinux_2_17_x86_64.whl"
    with zipfile.ZipFile(native, "w") as zf:  # as pip downloads it: a folder entry, a RECORD
        zf.writestr("pkg/", b"")
        for name, data in files.items():
            zf.writestr(name, data)
    pure = wheels.strip_native(native, tmp_path / "pure")
    with zipfile.ZipFile(pure) as zf:
        names = zf.namelist()
        record = zf.read("pkg-2.0.dist-info/RECORD").decode()
    assert not [n for n in names if n.endswith(".so")]
    assert "pkg/__init__.py" in names and "pkg/data.json" in names and "pkg/" not in names
    assert ".so" not in record and "stale" not in record and names.count("pkg-2.0.dist-info/RECORD") == 1


def test_download_takes_the_wheels_from_the_cache_without_asking_pypi(tmp_path):
    """Every wanted wheel is already there (names as PyPI spells them), so pip is not run: this
    test passes without a network."""
    cache = tmp_path / "pypi"
    cache.mkdir()
    for name in ("Jinja2-3.1.6-py3-none-any.whl", "typing_extensions-4.15.0-py3-none-any.whl",
                 "jinja2-3.1.5-py3-none-any.whl"):
        (cache / name).write_bytes(b"")
    found = wheels.download(cache, ("jinja2==3.1.6", "typing-extensions==4.15.0"))
    assert [p.name for p in found] == ["Jinja2-3.1.6-py3-none-any.whl",
                                       "typing_extensions-4.15.0-py3-none-any.whl"]


def test_find_wants_the_exact_version(tmp_path):
    (tmp_path / "six-1.17.0-py2.py3-none-any.whl").write_bytes(b"")
    assert wheels._find(tmp_path, "six==1.17.0").name == "six-1.17.0-py2.py3-none-any.whl"
    assert wheels._find(tmp_path, "six==1.17") is None
    assert wheels._find(tmp_path, "sixx==1.17.0") is None


def test_the_browser_wheel_leaves_out_the_build_tooling_and_the_packages_own_images(tmp_path):
    package = tmp_path / "coursekit"
    for rel in ("__init__.py", "strings.yaml", "lite/site.py", "lite/strings.yaml", "figures/view.py",
                "figures/images/old.png", "figures/style.css", "__pycache__/x.pyc", "notes.txt", "a/b/c.j2"):
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_bytes(b"x")
    images = tmp_path / "drawn"
    images.mkdir()
    (images / "space-en.png").write_bytes(b"png")
    whl = wheels.coursekit_wheel(package, images, tmp_path / "out", "9.9")
    with zipfile.ZipFile(whl) as zf:
        names = set(zf.namelist())
        top = zf.read("coursekit-9.9.dist-info/top_level.txt")
    kept = ("__init__.py", "strings.yaml", "figures/view.py", "figures/style.css",
            "a/b/c.j2", "figures/images/space-en.png")
    assert {f"coursekit/{r}" for r in kept} <= names
    # the build tooling's strings reach the browser in coursekit/strings.json, with every part's
    assert not names & {"coursekit/lite/site.py", "coursekit/lite/strings.yaml",
                        "coursekit/figures/images/old.png",
                        "coursekit/__pycache__/x.pyc", "coursekit/notes.txt"}
    assert whl.name == "coursekit-9.9-py3-none-any.whl" and top == b"coursekit\n"
