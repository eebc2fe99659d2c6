"""nbgrader configuration for every user of a multi-user JupyterHub running coursekit.

Install it where every single-user server and every grader service reads it: in the hub's
user environment (`<env>/etc/jupyter/nbgrader_config.py`; TLJH: /opt/tljh/user/etc/jupyter/) or
in /etc/jupyter/. A course's own nbgrader_config.py (in the grader account's course folder)
adds the course id and the course folder on top of this file.
"""

import os

from nbgrader.auth import JupyterHubAuthPlugin

c = get_config()  # noqa: F821 - provided by nbgrader when it loads this file

# One exchange for every course of the hub, shared by all users (mode 0777 at its root, created
# by the administrator); one sub-folder per course (nbgrader's multi-course layout).
c.Exchange.root = os.environ.get("COURSEKIT_EXCHANGE", "/srv/nbgrader/exchange")
c.Exchange.path_includes_course = True

# Who takes which course comes from JupyterHub groups: nbgrader-<course> (students) and
# formgrade-<course> (lecturers, graders), as in nbgrader's demo_multiple_classes.
c.Authenticator.plugin_class = JupyterHubAuthPlugin

# Submissions are written mode 0640/0750 with the course grader's group instead of nbgrader's
# world-readable 0644/0777 (nbgrader issue #1225): see coursekit/hub/exchange.py.
c.ExchangeFactory.submit = "coursekit.hub.exchange.PrivateSubmit"

# Released feedback: each file readable by its student only (a POSIX ACL; stock nbgrader leaves
# it readable by anyone who knows its name): see coursekit/hub/feedback.py. On TLJH, unix
# accounts are "jupyter-<name>": c.PrivateReleaseFeedback.unix_user = "jupyter-{student}".
c.ExchangeFactory.release_feedback = "coursekit.hub.feedback.PrivateReleaseFeedback"
