"""lite/pins.py: the pins agree with each other: every requirement names one exact version, no
package is pinned twice, and the browser-side coursekit's requirements are met by pinned wheels
(the kernel cannot fetch anything: its PyPI fallback is off)."""

from __future__ import annotations

from packaging.requirements import Requirement

from coursekit.lite import pins
from coursekit.lite.wheels import canonical

SERVER_ONLY = ("jupyterlab", "nbgrader", "nbclient", "nbformat", "matplotlib", "jsonschema", "notebook")


def _pinned() -> dict[str, str]:
    reqs = [Requirement(r) for r in (*pins.WHEELS, *pins.STRIPPED)]
    names = [canonical(r.name) for r in reqs]
    assert len(names) == len(set(names)), "a package is pinned twice"
    for r in reqs:
        (spec,) = r.specifier
        assert spec.operator == "==" and not r.marker and not r.extras, r
    return {canonical(r.name): next(iter(r.specifier)).version for r in reqs}


def test_every_wheel_is_pinned_to_one_version_once():
    assert len(_pinned()) == len(pins.WHEELS) + len(pins.STRIPPED)


def test_the_browser_coursekit_requirements_are_met_by_the_pinned_wheels():
    pinned = _pinned()
    for line in pins.BROWSER_REQUIRES:
        req = Requirement(line)
        name = canonical(req.name)
        assert name in pinned, f"{line}: no pinned wheel"
        assert req.specifier.contains(pinned[name]), f"{line}: pinned {pinned[name]}"
        assert not name.startswith(SERVER_ONLY)


def test_the_kernel_start_up_packages_are_there():
    pinned = _pinned()
    for name in ("micropip", "ipython", "comm", "traitlets", "ipywidgets"):
        assert name in pinned


def test_the_kernels_own_wheels_are_name_prefixes():
    assert all(p.endswith("-") or p[-1].isdigit() for p in pins.KERNEL_WHEELS)
    assert len(set(pins.KERNEL_WHEELS)) == len(pins.KERNEL_WHEELS)
