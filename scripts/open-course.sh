#!/usr/bin/env bash
# Open the course: set up .venv if needed, then start JupyterLab on the course start page.
#   bash scripts/open-course.sh              student: your own copy of the lessons in my-course/
#   bash scripts/open-course.sh --lang en    ... starting on the English start page
#   bash scripts/open-course.sh --lecturer   lecturer: nbgrader menus and formgrader (exercises/)
# Other options go to `jupyter lab` (e.g. --no-browser --port=8890). See coursekit/launch/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
exec .venv/bin/python -m coursekit.launch "$@"
