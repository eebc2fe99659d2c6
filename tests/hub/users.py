"""Real local unix accounts for a test hub, made with useradd (home mode 0700, as the course's
set-up asks: see deploy/GUIDE.md) and removed with their homes after."""

from __future__ import annotations

import secrets
import subprocess


def prefix() -> str:
    """A short unique prefix, so concurrent test sessions never share accounts."""
    return "ck" + secrets.token_hex(2)


def add(name: str) -> None:
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700",
                    name], check=True, capture_output=True, timeout=60)


def remove(name: str) -> None:
    subprocess.run(["userdel", "--force", "--remove", name], capture_output=True, timeout=60)
