"""A fresh JupyterLab per test on 127.0.0.1 with a token, and Debian chromium via Playwright.

Facts this follows (/work/shared/notes/jupyter-facts.md): one server per test, news pop-up off,
`executable_path=/usr/bin/chromium` (never `playwright install`), and before running cells wait
until /api/kernels shows the kernel idle with at least one connection.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    def __init__(self, url: str, token: str, root: Path):
        self.url, self.token, self.root = url, token, root

    def api(self, path: str):
        with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=5) as r:
            return json.loads(r.read())

    def open_url(self, rel: str) -> str:
        return f"{self.url}/lab/tree/{rel}?token={self.token}"

    def wait_kernel_ready(self, count: int = 1, timeout: float = 60) -> None:
        """The known flake: 'idle' shows before the kernel takes requests; wait for a connection.

        Waits until `count` kernels are idle with at least one connection each."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                kernels = self.api("/api/kernels")
            except (urllib.error.URLError, OSError):  # HTTPError included: a busy server's 500
                time.sleep(0.2)                      # while a kernel starts; ask again
                continue
            ready = [k for k in kernels if k["execution_state"] == "idle" and k.get("connections", 0)]
            if len(ready) >= count:
                return
            time.sleep(0.1)
        raise TimeoutError(f"no idle kernel with a connection: {self.api('/api/kernels')}")


def start_course(tmp_path: Path, *args: str):
    """Start JupyterLab exactly as the open command does (`python -m coursekit.launch`, what
    scripts/open-course.sh runs after setting up .venv), on 127.0.0.1 with a known token; the
    student's copy goes to tmp_path/my-course. Returns (Lab, process, log file)."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
           "COURSEKIT_STUDENT_DIR": str(tmp_path / "my-course")}
    env.pop("COURSEKIT_PROGRESS", None)  # the open command sets it beside the student's copy
    env.pop("JUPYTER_CONFIG_PATH", None)
    tmp_path.mkdir(parents=True, exist_ok=True)
    log_path = tmp_path / "lab.log"
    log = open(log_path, "w")  # noqa: SIM115 (closed by stop_course)
    proc = subprocess.Popen(
        [sys.executable, "-m", "coursekit.launch", "--course", str(ROOT), *args, "--no-browser",
         "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
         f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}", "--ServerApp.port_retries=0"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    root = tmp_path / "my-course" if "--lecturer" not in args else ROOT
    server = Lab(f"http://127.0.0.1:{port}", token, root)
    server.log, server.proc, server._log = log_path, proc, log
    end = time.monotonic() + 90
    while True:
        try:
            server.api("/api/status")
            return server
        except OSError:
            if proc.poll() is not None or time.monotonic() > end:
                stop_course(server)
                raise RuntimeError(log_path.read_text()) from None
            time.sleep(0.1)


def stop_course(server) -> None:
    server.proc.terminate()
    try:
        server.proc.wait(15)
    except subprocess.TimeoutExpired:
        server.proc.kill()
    server._log.close()


@pytest.fixture
def lab(tmp_path):
    """A fresh student JupyterLab started by the open command; the repo's notebooks/ untouched."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("COURSEKIT_REQUIRE_BROWSER"):
            pytest.fail("Debian chromium is not installed at /usr/bin/chromium")
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    server = start_course(tmp_path)
    try:
        yield server
    finally:
        stop_course(server)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        yield pg
        context.close()
        browser.close()
