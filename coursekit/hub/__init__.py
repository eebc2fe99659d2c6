"""coursekit on a multi-user JupyterHub: nbgrader exchange hardening (exchange.py: private
submissions, feedback.py: feedback readable by its student only); see deploy/GUIDE.md."""
