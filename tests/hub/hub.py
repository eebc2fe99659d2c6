"""A real JupyterHub for the class tests: configurable-http-proxy, the local-process spawner, the
test-only authenticator (auth_for_tests.py), nbgrader's exchange in a shared folder, the hub's
global nbgrader config, course folders, groups, roles and grader services made by the TLJH
plugin's own functions (deploy/tljh/tljh_coursekit: nbgrader's demos/demo_multiple_classes). Driven over HTTP
only, with a small client (login, start server, contents, assignment list, formgrader, terminal)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from . import users as unix

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
PLUGIN = REPO / "deploy" / "tljh"


def plugin():
    import importlib
    import sys

    if str(PLUGIN) not in sys.path:
        sys.path.insert(0, str(PLUGIN))
    return importlib.import_module("tljh_coursekit")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Course:
    id: str
    grader: str          # unix account running the course's grader service
    lecturers: list
    students: list
    port: int = 0
    db_url: str = ""     # empty: SQLite gradebook in the course folder

    @property
    def folder(self) -> Path:
        return Path("/home") / self.grader / self.id


@dataclass
class Hub:
    root: Path
    env: Path
    proxy: Path
    courses: list
    passwords: dict = field(default_factory=dict)
    port: int = 0
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def accounts(self) -> list[str]:
        names = []
        for c in self.courses:
            names += [c.grader, *c.lecturers, *c.students]
        return list(dict.fromkeys(names))

    def environment(self) -> dict:
        return {"PATH": f"{self.env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
                "JUPYTER_CONFIG_PATH": str(self.root / "etc" / "jupyter"),
                "COURSEKIT_EXCHANGE": str(self.exchange), "LANG": "C.UTF-8"}


def setup(hub: Hub) -> Hub:
    """Accounts, exchange, global nbgrader config, course folders, jupyterhub_config.py."""
    root, courses = hub.root, hub.courses
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o755)
    for name in hub.accounts:
        unix.add(name)
        hub.passwords[name] = "pw-" + name[::-1]
        # terminals run login shells, which reset PATH: the hub env first, as TLJH does with
        # /etc/profile.d (not touched here: the machine is shared)
        with open(Path("/home") / name / ".profile", "a", encoding="utf-8") as fh:
            fh.write(f'\nexport PATH="{hub.env / "bin"}:$PATH"\n')
    hub.exchange.mkdir()
    os.chmod(hub.exchange, 0o777)  # nbgrader's exchange root: rwx for all (its own check)
    etc = root / "etc" / "jupyter"
    etc.mkdir(parents=True)
    shutil.copy(PLUGIN / "tljh_coursekit" / "nbgrader_config.py", etc / "nbgrader_config.py")
    for c in courses:
        c.port = free_port()
        make_course(c, hub)
    hub.port = free_port()
    (root / "jupyterhub_config.py").write_text(config_text(hub), encoding="utf-8")
    return hub


def make_course(c: Course, hub: Hub) -> None:
    """The lecturer's course folder in the grader account's home (the TLJH plugin's function)."""
    plugin().make_course(c.id, REPO / "exercises", c.folder, c.grader, c.db_url)


def config_text(hub: Hub) -> str:
    courses = [{"id": c.id, "grader": c.grader, "lecturers": c.lecturers, "students": c.students}
               for c in hub.courses]
    groups, roles, services = plugin().course_config(
        courses, [str(hub.env / "bin" / "jupyterhub-singleuser")], hub.environment(),
        unix_prefix="", ports={c.id: c.port for c in hub.courses},
        homes={c.id: c.folder.parent for c in hub.courses})
    cfg = {
        "ip": "127.0.0.1", "port": hub.port, "hub_port": free_port(),
        "proxy_api": f"http://127.0.0.1:{free_port()}", "proxy": str(hub.proxy),
        "db": f"sqlite:///{hub.root / 'jupyterhub.sqlite'}",
        "cookie": str(hub.root / "cookie_secret"),
        "passwords": hub.passwords, "groups": groups, "roles": roles, "services": services,
        "singleuser": str(hub.env / "bin" / "jupyterhub-singleuser"),
        "environment": hub.environment(), "here": str(HERE),
    }
    return TEMPLATE.replace("@CONFIG@", json.dumps(cfg, indent=1))


TEMPLATE = '''# Written by tests/hub/hub.py for one test session (TEST ONLY: fixed passwords).
import json, sys
cfg = json.loads(r"""@CONFIG@""")
sys.path.insert(0, cfg["here"])
from auth_for_tests import PasswordsForTests  # TEST ONLY authenticator

c = get_config()
c.JupyterHub.ip = cfg["ip"]
c.JupyterHub.port = cfg["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = cfg["hub_port"]
c.ConfigurableHTTPProxy.command = [cfg["proxy"]]
c.ConfigurableHTTPProxy.api_url = cfg["proxy_api"]
c.JupyterHub.db_url = cfg["db"]
c.JupyterHub.cookie_secret_file = cfg["cookie"]
c.JupyterHub.authenticator_class = PasswordsForTests
c.PasswordsForTests.passwords = cfg["passwords"]
c.Authenticator.allowed_users = set(cfg["passwords"])
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [cfg["singleuser"]]
c.Spawner.environment = cfg["environment"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.JupyterHub.load_groups = cfg["groups"]
c.JupyterHub.load_roles = cfg["roles"]
c.JupyterHub.services = cfg["services"]
'''


def start(hub: Hub, timeout: float = 90) -> None:
    log = open(hub.root / "jupyterhub.log", "w")  # noqa: SIM115 - closed with the process
    hub.proc = subprocess.Popen([str(hub.env / "bin" / "jupyterhub"), "-f",
                                 str(hub.root / "jupyterhub_config.py")], cwd=hub.root,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, **hub.environment()})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.proc.poll() is not None:
            raise RuntimeError("jupyterhub exited:\n" + log_tail(hub))
        try:
            if requests.get(hub.url + "/hub/api/", timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    else:
        raise RuntimeError("jupyterhub did not answer:\n" + log_tail(hub))
    for c in hub.courses:  # the grader services answer
        wait_for(lambda c=c: _service_up(hub, c), 90, f"service {c.id}", hub)


def _service_up(hub: Hub, c: Course) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{c.port}/services/{c.id}/api/status",
                            timeout=2).status_code in (200, 403)
    except requests.ConnectionError:
        return False


def stop(hub: Hub) -> None:
    if hub.proc is not None and hub.proc.poll() is None:
        os.killpg(hub.proc.pid, signal.SIGTERM)  # the hub stops its servers and services
        try:
            hub.proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(hub.proc.pid, signal.SIGKILL)
            hub.proc.wait(10)
    for name in hub.accounts:
        if name in hub.passwords:
            unix.remove(name)


def log_tail(hub: Hub, n: int = 60) -> str:
    path = hub.root / "jupyterhub.log"
    return "\n".join(path.read_text(errors="replace").splitlines()[-n:]) if path.exists() else ""


def wait_for(check, timeout: float, what: str, hub: Hub | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise TimeoutError(f"{what} not ready after {timeout} s\n" + (log_tail(hub) if hub else ""))


class Client:
    """One person in a browser-less session: logs in with username and password (a token from
    the hub's REST API), then talks to their own server, or a course's grader service."""

    def __init__(self, hub: Hub, name: str, password: str | None = None):
        self.hub, self.name = hub, name
        self.s = requests.Session()
        r = self.s.post(f"{hub.url}/hub/api/users/{name}/tokens", timeout=30, json={
            "auth": {"username": name, "password": password or hub.passwords[name]},
            "note": "class test", "expires_in": 3600})
        r.raise_for_status()
        self.token = r.json()["token"]
        self.s.headers["Authorization"] = f"token {self.token}"

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def service(self, course: str) -> str:
        return f"{self.hub.url}/services/{course}"

    def start_server(self, timeout: float = 120) -> None:
        r = self.s.post(f"{self.hub.url}/hub/api/users/{self.name}/server", timeout=60)
        assert r.status_code in (201, 202, 400), r.text  # 400: already running
        wait_for(self._ready, timeout, f"server of {self.name}", self.hub)

    def _ready(self) -> bool:
        r = self.s.get(f"{self.hub.url}/hub/api/users/{self.name}", timeout=10)
        server = (r.json().get("servers") or {}).get("", {})
        return bool(server.get("ready"))

    # contents API of the own server
    def read(self, path: str) -> dict:
        r = self.s.get(f"{self.server}/api/contents/{path}", params={"content": 1}, timeout=30)
        r.raise_for_status()
        return r.json()

    def write_notebook(self, path: str, nb: dict) -> None:
        r = self.s.put(f"{self.server}/api/contents/{path}", timeout=30,
                       json={"type": "notebook", "format": "json", "content": nb})
        r.raise_for_status()

    # nbgrader's assignment list extension of the own server
    def assignments(self, course: str) -> list:
        r = self.s.get(f"{self.server}/assignments", params={"course_id": course}, timeout=60)
        r.raise_for_status()
        return r.json()["value"]

    def assignment_action(self, action: str, course: str, assignment: str) -> dict:
        r = self.s.post(f"{self.server}/assignments/{action}", timeout=120,
                        data={"course_id": course, "assignment_id": assignment})
        r.raise_for_status()
        return r.json()

    def formgrader(self, course: str, method: str, path: str, **kw) -> requests.Response:
        return self.s.request(method, f"{self.service(course)}/formgrader/api/{path}",
                              timeout=300, **kw)

    def terminal(self, base: str, command: str, timeout: float = 300) -> tuple[int, str]:
        """Run a shell command in a Jupyter terminal of the server at base (over the terminal
        websocket, as a lecturer types it); returns (exit status, output)."""
        r = self.s.post(f"{base}/api/terminals", timeout=30)
        r.raise_for_status()
        name = r.json()["name"]
        try:
            return _run_in_terminal(base.replace("http://", "ws://") +
                                    f"/terminals/websocket/{name}", self.token, command, timeout)
        finally:
            self.s.delete(f"{base}/api/terminals/{name}", timeout=30)


def _run_in_terminal(url: str, token: str, command: str, timeout: float) -> tuple[int, str]:
    import asyncio

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    marker = "CK-END-"
    done = re.compile(marker + r"(\d+)-")

    async def run():
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
        ws.write_message(json.dumps(["stdin", f"{command}; echo {marker}$?-\r"]))
        out = ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg = await asyncio.wait_for(ws.read_message(), deadline - time.monotonic())
            if msg is None:
                break
            kind, *data = json.loads(msg)
            if kind == "stdout":
                out += data[0]
                m = done.search(out)
                if m:
                    ws.close()
                    return int(m.group(1)), out
        ws.close()
        raise TimeoutError(f"terminal command did not finish: {command}\n{out[-3000:]}")

    return asyncio.run(run())
