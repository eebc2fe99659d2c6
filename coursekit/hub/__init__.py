"""coursekit on a multi-user JupyterHub: nbgrader exchange hardening (see deploy/GUIDE.md)."""
