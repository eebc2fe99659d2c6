"""nbgrader's submit step with private file modes (nbgrader issue #1225).

Stock `nbgrader submit` leaves every submitted file mode 0644 and the submission folder 0777 in
the exchange's `inbound/`: anyone who knows or guesses the folder name can read, replace or delete
a submission. Only two things hide it: `inbound/` itself is not listable (mode 2733) and the
name ends with a random string.

`PrivateSubmit` leaves files 0640 and folders 0750 (the submission folder 0770, so the grader can
still remove it), all in the group of `inbound/`. `nbgrader release_assignment`, run by the
course's grader account, creates `inbound/` set-group-id with the grader's group, which students
are not in: the grader collects through that group, other students get "Permission denied"
even with the exact path. Files that nbgrader writes after copying (timestamp.txt,
submission_secret.txt) land in the student's own group (copytree drops the folder's
set-group-id bit), so they are re-created in `inbound/` (where they get its group) and moved in.
Enable it in the hub's global nbgrader_config.py:

    c.ExchangeFactory.submit = "coursekit.hub.exchange.PrivateSubmit"
"""

from __future__ import annotations

import os
import shutil
import tempfile

from nbgrader.exchange.default.submit import ExchangeSubmit

FILE_MODE = 0o640
DIR_MODE = 0o750
SUBMISSION_MODE = 0o770


class PrivateSubmit(ExchangeSubmit):
    def set_perms(self, dest, fileperms, dirperms):
        """Called by the stock copy_files on the new submission folder: private modes instead."""
        super().set_perms(dest, FILE_MODE, DIR_MODE)

    def copy_files(self):
        super().copy_files()  # ends with chmod 0777 of the submission folder
        dest = os.path.join(self.inbound_path, self.assignment_filename)
        group = os.stat(self.inbound_path).st_gid
        for folder, _, files in os.walk(dest):
            for name in files:
                path = os.path.join(folder, name)
                if os.stat(path).st_gid != group:
                    _regroup(path, self.inbound_path)
        os.chmod(dest, SUBMISSION_MODE)


def _regroup(path: str, inbound: str) -> None:
    """Give path the group of the set-group-id folder inbound: copy it there, move it back."""
    fd, tmp = tempfile.mkstemp(dir=inbound, prefix=".coursekit-")
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
            shutil.copyfileobj(src, out)
            os.fchmod(out.fileno(), FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
