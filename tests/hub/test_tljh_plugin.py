"""The TLJH plugin (deploy/tljh) against TLJH's own hook specifications (vendored in
fixtures/tljh_hooks.py): pluggy accepts every hook, and each does what the guide says."""

from __future__ import annotations

import importlib.util
import json
import stat
import sys
from pathlib import Path

import pluggy
import pytest
from traitlets.config import Config

from .hub import PLUGIN, plugin

HERE = Path(__file__).resolve().parent


@pytest.fixture
def pm():
    spec = importlib.util.spec_from_file_location("tljh_hooks", HERE / "fixtures" / "tljh_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    manager = pluggy.PluginManager("tljh")
    manager.add_hookspecs(hooks)
    manager.register(plugin())
    manager.check_pending()  # every hookimpl of the plugin is one of TLJH's hooks
    return manager


@pytest.fixture
def settings(tmp_path, monkeypatch):
    cfg = {"exchange": str(tmp_path / "exchange"), "courses": [
        {"id": "orgmas-a", "exercises": "/srv/x", "lecturers": ["dosen1"],
         "students": ["mhs1", "mhs2"]},
        {"id": "orgmas-b", "exercises": "/srv/y", "lecturers": ["dosen2"], "students": ["mhs1"]}]}
    path = tmp_path / "coursekit.json"
    path.write_text(json.dumps(cfg))
    monkeypatch.setenv("COURSEKIT_TLJH_CONFIG", str(path))
    monkeypatch.setenv("COURSEKIT_TLJH_ROOT", str(tmp_path / "tljh"))
    return cfg


def test_package_declares_the_tljh_entry_point():
    text = (PLUGIN / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    assert '[project.entry-points.tljh]\ncoursekit = "tljh_coursekit"' in text
    assert 'tljh_coursekit = ["nbgrader_config.py"]' in text


def test_user_packages_install_coursekit_for_everyone(pm):
    pkgs = [p for group in pm.hook.tljh_extra_user_pip_packages() for p in group]
    assert any(p.startswith("coursekit") for p in pkgs)
    assert "soupsieve<4" in pkgs  # nbconvert's HTML export (generate_feedback) on Python 3.11
    assert [p for group in pm.hook.tljh_extra_hub_pip_packages() for p in group] == []


def test_hub_config_follows_nbgrader_multi_course_setup(pm, settings):
    c = Config()
    pm.hook.tljh_custom_jupyterhub_config(c=c)
    groups = c.JupyterHub.load_groups
    assert groups["formgrade-orgmas-a"] == ["dosen1", "grader-orgmas-a"]
    assert groups["nbgrader-orgmas-b"] == ["dosen2", "mhs1"]
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert set(services) == {"orgmas-a", "orgmas-b"}
    a = services["orgmas-a"]
    assert a["user"] == "jupyter-grader-orgmas-a"
    assert a["cwd"] == "/home/jupyter-grader-orgmas-a/orgmas-a"
    assert a["command"][0].endswith("/user/bin/jupyterhub-singleuser")
    assert a["environment"]["COURSEKIT_EXCHANGE"] == settings["exchange"]
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert roles["formgrade-orgmas-a"]["scopes"] == ["access:services!service=orgmas-a"]
    assert c.Spawner.environment["COURSEKIT_EXCHANGE"] == settings["exchange"]


def test_unknown_settings_are_refused(pm, settings, tmp_path):
    path = tmp_path / "coursekit.json"
    path.write_text(json.dumps({**settings, "exchnage": "/x"}))
    with pytest.raises(ValueError, match="exchnage"):
        pm.hook.tljh_custom_jupyterhub_config(c=Config())


def test_post_install_sets_up_exchange_and_hub_config(pm, settings, tmp_path, monkeypatch):
    path = tmp_path / "coursekit.json"
    path.write_text(json.dumps({**settings, "courses": []}))  # accounts: see the hub tests
    pm.hook.tljh_post_install()
    exchange = Path(settings["exchange"])
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o777
    cfg = (tmp_path / "tljh" / "user" / "etc" / "jupyter" / "nbgrader_config.py").read_text()
    assert "coursekit.hub.exchange.PrivateSubmit" in cfg
    assert 'c.PrivateReleaseFeedback.unix_user = "jupyter-{student}"' in cfg


def test_new_user_home_is_private(pm, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir(mode=0o755)

    class Entry:
        pw_dir = str(home)

    monkeypatch.setattr(sys.modules["tljh_coursekit"].pwd, "getpwnam", lambda name: Entry)
    pm.hook.tljh_new_user_create(username="jupyter-mhs1")
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
