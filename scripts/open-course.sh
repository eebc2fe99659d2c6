#!/usr/bin/env bash
# Open the course: set up .venv if needed, then start JupyterLab on the course start page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
export PATH="$PWD/.venv/bin:$PATH"
start="${COURSEKIT_START:-notebooks/id/00-mulai.ipynb}"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)   # containers often run as root
exec jupyter lab --ServerApp.root_dir="$PWD" "${extra[@]}" "$start" "$@"
