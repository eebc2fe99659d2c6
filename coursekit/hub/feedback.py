"""nbgrader's release_feedback with each feedback file readable by its student only.

Stock `nbgrader release_feedback` copies each student's feedback HTML into the exchange's
`feedback/` folder (mode 0711: not listable) with the grader's umask, usually 0644: whoever
knows the file name (a hash of the submission's secret) can read it. `PrivateReleaseFeedback`
then makes each file 0640 and adds a POSIX ACL entry "user:<student>:r" for the student's unix
account (`unix_user`, default the student id; TLJH names accounts "jupyter-{student}"). Where
the file system has no ACLs (some NFS volumes) or the account does not exist, the file keeps
nbgrader's mode and a warning says so. Enable it in the hub's global nbgrader_config.py:

    c.ExchangeFactory.release_feedback = "coursekit.hub.feedback.PrivateReleaseFeedback"
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import struct

from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback
from nbgrader.utils import notebook_hash
from traitlets import Unicode

# Linux POSIX ACL extended attribute (linux/posix_acl_xattr.h)
XATTR = "system.posix_acl_access"
VERSION = 2
USER_OBJ, USER, GROUP_OBJ, MASK, OTHER = 0x01, 0x02, 0x04, 0x10, 0x20
UNDEFINED = 0xFFFFFFFF


def acl_bytes(student_uid: int) -> bytes:
    """owner rw, the student r, the owner's group r, nobody else (entries sorted by tag)."""
    entries = [(USER_OBJ, 6, UNDEFINED), (USER, 4, student_uid), (GROUP_OBJ, 4, UNDEFINED),
               (MASK, 4, UNDEFINED), (OTHER, 0, UNDEFINED)]
    return struct.pack("<I", VERSION) + b"".join(struct.pack("<HHI", *e) for e in entries)


class PrivateReleaseFeedback(ExchangeReleaseFeedback):
    unix_user = Unicode("{student}", help="the unix account of a student id").tag(config=True)

    def copy_files(self):
        super().copy_files()
        for student, path in self.released():
            try:
                uid = pwd.getpwnam(self.unix_user.format(student=student)).pw_uid
                os.chmod(path, 0o640)
                os.setxattr(path, XATTR, acl_bytes(uid))
            except (KeyError, OSError) as err:
                os.chmod(path, 0o644)
                self.log.warning("Feedback %s stays readable by name (%s)", path, err)

    def released(self):
        """(student id, exchange file) of each feedback file this run released, found the way
        the stock copy_files names them."""
        pattern = re.escape(os.path.sep).join([
            self.coursedir.format_path(self.coursedir.feedback_directory, "(?P<student_id>.*)",
                                       self.coursedir.assignment_id, escape=True),
            "(?P<notebook_id>.*).html"])
        exclude = set(filter(None, (self.coursedir.student_id_exclude or "").split(",")))
        for html in glob.glob(os.path.join(self.src_path, "*.html")):
            m = re.match(pattern, html)
            if m is None or m.group("student_id") in exclude:
                continue
            with open(os.path.join(os.path.dirname(html), "submission_secret.txt")) as fh:
                secret = fh.read()
            name = notebook_hash(secret=secret, notebook_id=m.group("notebook_id"))
            path = os.path.join(self.dest_path, f"{name}.html")
            if os.path.exists(path):
                yield m.group("student_id"), path
