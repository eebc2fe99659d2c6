#!/usr/bin/env bash
# Run every check and test: set up .venv with the test tools if needed, lint, then pytest
# (slow end-to-end and real-browser tests included). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh test
export PATH="$PWD/.venv/bin:$PATH"     # nbgrader runs the 'alembic' executable from here
export USER="${USER:-$(id -un)}"       # nbgrader needs $USER
if [ ! -x /usr/bin/chromium ]; then
    echo "coursekit: /usr/bin/chromium is missing: real-browser tests will fail." >&2
    echo "           install Debian's chromium (apt-get install chromium); never 'playwright install'." >&2
fi
echo "== ruff"
ruff check .
echo "== coursekit check"
coursekit check
echo "== coursekit build --check"
coursekit build --check
echo "== pytest"
exec python -m pytest -n auto --dist loadgroup "$@"   # pytest-xdist: one worker per core; the hub
                                                     # tests share one hub (xdist_group "hub")
