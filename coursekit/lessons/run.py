"""Execute a lesson notebook top to bottom in a real kernel; report errors and stderr output."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def execute(path: Path, workdir: Path | None = None, timeout: int = 120) -> tuple[object, float, list[str]]:
    """Run every cell; return (executed notebook, seconds, problems: errors and stderr streams).

    The kernel runs in workdir (default: the notebook's folder); its progress file goes there too.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    cwd = Path(workdir) if workdir else Path(path).parent
    env_before = os.environ.get("COURSEKIT_PROGRESS")
    os.environ["COURSEKIT_PROGRESS"] = str(cwd / "coursekit-progress.json")
    try:
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": str(cwd)}})
        start = time.perf_counter()
        client.execute(stderr=subprocess.DEVNULL)  # the kernel process's own log, not cell output
        seconds = time.perf_counter() - start
    finally:
        if env_before is None:
            os.environ.pop("COURSEKIT_PROGRESS", None)
        else:
            os.environ["COURSEKIT_PROGRESS"] = env_before
    return nb, seconds, problems(nb)


def problems(nb) -> list[str]:
    """Every error output and every stderr stream (warnings included), with its cell."""
    found = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {i} ({cell.source[:40]!r}): {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {i} ({cell.source[:40]!r}): stderr: {out.text.strip()[:300]}")
    return found
