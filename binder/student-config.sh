#!/usr/bin/env bash
# The student's JupyterLab on Binder, as scripts/open-course.sh sets it up: the course's Jupyter
# config (nbgrader's authoring tools off, no news pop-up) copied into the user's config folder.
set -euo pipefail
cd "$(dirname "$0")/.."
config="${JUPYTER_CONFIG_DIR:-$HOME/.jupyter}"
mkdir -p "$config"
cp -r coursekit/launch/student/. "$config/"
