#!/usr/bin/env bash
# Create the local virtual environment .venv (if missing) and install coursekit into it.
# Usage: scripts/setup-venv.sh [EXTRA]   e.g. "test" installs the test tools too.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "coursekit: creating the virtual environment .venv"
    "$python" -m venv .venv
fi
stamp=".venv/.coursekit-installed${extra:+-$extra}"
# the test install includes the plain one: open-course.sh after run-tests.sh does not reinstall
[ -z "$extra" ] && [ -f .venv/.coursekit-installed-test ] && [ ! pyproject.toml -nt .venv/.coursekit-installed-test ] && stamp=.venv/.coursekit-installed-test
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "coursekit: installing (first run takes a few minutes)"
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".${extra:+[$extra]}"
    touch "$stamp"
fi
