"""A throw-away PostgreSQL cluster (Debian's postgresql package): initdb in a temporary folder
owned by the postgres account, listening on a loopback port and a socket in that folder,
trust authentication from 127.0.0.1 only; stopped and deleted after."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .hub import free_port


def bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path

    def url(self, db: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def _as_postgres(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=check,
                              capture_output=True, text=True, timeout=120)

    def createdb(self, name: str) -> str:
        self._as_postgres(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                          "-U", "postgres", name)
        return self.url(name)

    def stop(self) -> None:
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
                          "fast", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(folder: Path) -> Cluster:
    b = bindir()
    if b is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o755)
    subprocess.run(["chown", "postgres:postgres", str(folder)], check=True)
    c = Cluster(folder, free_port(), b)
    c._as_postgres(str(b / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
                   "--auth=trust", "--no-sync", "-E", "UTF8")
    opts = f"-c listen_addresses=127.0.0.1 -p {c.port} -k {folder} -c fsync=off"
    c._as_postgres(str(b / "pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "log"),
                   "-o", opts, "-w", "start")
    return c
