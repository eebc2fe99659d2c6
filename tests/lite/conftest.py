"""The built offline site, served from 127.0.0.1, and headless Debian chromium that can reach
nothing else: every request to a non-loopback address is blocked and counted twice over, by
Playwright's router (page and its workers) and by a counting proxy the browser must use for
anything that is not loopback (service workers and the browser itself included)."""

from __future__ import annotations

import functools
import os
import socket
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "lite"
CHROMIUM = "/usr/bin/chromium"
LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "::1")
# Chromium's own service calls (sign-in, component updates, autofill hints), made whatever page is
# open: blocked like everything else and reported, but not counted against the site. Exact hosts
# only: a page or worker of the site asking any host is caught by the router anyway.
BROWSER_OWN = ("accounts.google.com", "update.googleapis.com", "content-autofill.googleapis.com",
               "clients2.google.com", "optimizationguide-pa.googleapis.com",
               "safebrowsingohttpgateway.googleapis.com", "redirector.gvt1.com")


def _need(what: str, ok: bool) -> None:
    if not ok:
        if os.environ.get("COURSEKIT_REQUIRE_BROWSER"):
            pytest.fail(f"{what} is missing")
        pytest.skip(f"{what} is missing")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """$COURSEKIT_LITE_SITE (built by .ci/run), else a fresh build for this session."""
    if os.environ.get("COURSEKIT_LITE_SITE"):
        return Path(os.environ["COURSEKIT_LITE_SITE"]).resolve()
    try:
        import jupyterlite_core  # noqa: F401
    except ImportError:
        _need("jupyterlite-core (pip install -e '.[lite]')", False)
    from coursekit.lite.site import build

    folder, _ = build(tmp_path_factory.mktemp("lite") / "site")
    return folder


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def served(site):
    """The site over HTTP on 127.0.0.1 (as `python -m http.server` would serve it)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class CountingProxy:
    """Takes every proxied connection, records its first line, and refuses it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.seen: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.seen.append(conn.recv(4096).split(b"\r\n")[0].decode("latin-1"))
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    self.seen.append("(unreadable connection)")

    def close(self) -> None:
        self.sock.close()


class Offline:
    """The page, and what it tried to reach outside."""

    def __init__(self, page, proxy: CountingProxy):
        self.page, self.proxy, self.routed = page, proxy, []

    @property
    def attempts(self) -> list[str]:
        """Requests to outside that the site made (page, workers, service worker)."""
        return [*self.routed, *(line for line in self.proxy.seen if _host(line) not in BROWSER_OWN)]

    @property
    def browser_own(self) -> list[str]:
        return [line for line in self.proxy.seen if _host(line) in BROWSER_OWN]


def _host(request_line: str) -> str:
    """The host of a proxied request's first line ('CONNECT h:443 ...' or 'GET http://h/ ...')."""
    parts = request_line.split()
    if len(parts) < 2:
        return ""
    target = parts[1] if "://" in parts[1] else f"//{parts[1]}"
    return urlsplit(target).hostname or ""


@pytest.fixture
def offline():
    _need(f"Debian chromium at {CHROMIUM}", Path(CHROMIUM).exists())
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proxy = CountingProxy()
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             "--disable-default-apps", "--disable-domain-reliability", "--no-pings",
             "--disable-client-side-phishing-detection",
             "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
             f"--proxy-server=http://127.0.0.1:{proxy.port}"]  # loopback bypasses it
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=flags, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(60_000)
        state = Offline(page, proxy)

        def guard(route):
            host = urlsplit(route.request.url).hostname or ""
            if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
                route.continue_()
            else:
                state.routed.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        yield state
        context.close()
        browser.close()
    proxy.close()
