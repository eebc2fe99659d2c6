#!/usr/bin/env bash
# The single-user image for Zero to JupyterHub: the same repo2docker configuration as Binder
# (binder/ at the repository root: runtime.txt, requirements.txt, postBuild), so students get the
# same environment on Binder and on the university's hub.
# Usage: deploy/z2jh/build-image.sh IMAGE:TAG   (needs Docker and `pip install jupyter-repo2docker`)
set -euo pipefail
cd "$(dirname "$0")/../.."
image="${1:?usage: $0 IMAGE:TAG (the singleuser.image name and tag in values.yaml)}"
test -d binder || { echo "binder/ is missing: it is the image's configuration" >&2; exit 1; }
exec jupyter-repo2docker --no-run --user-id 1000 --user-name jovyan --image-name "$image" .
