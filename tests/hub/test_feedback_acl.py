"""coursekit.hub.feedback's POSIX ACL: the bytes the kernel expects (linux/posix_acl_xattr.h),
written on a real file: mode 0640 plus read for one other account, nobody else."""

from __future__ import annotations

import os
import stat
import struct

import pytest

from coursekit.hub.feedback import XATTR, acl_bytes


def test_acl_layout():
    data = acl_bytes(1234)
    assert struct.unpack("<I", data[:4]) == (2,)
    entries = [struct.unpack("<HHI", data[i:i + 8]) for i in range(4, len(data), 8)]
    assert entries == [(0x01, 6, 0xFFFFFFFF), (0x02, 4, 1234), (0x04, 4, 0xFFFFFFFF),
                       (0x10, 4, 0xFFFFFFFF), (0x20, 0, 0xFFFFFFFF)]


def test_acl_on_a_file(tmp_path):
    path = tmp_path / "feedback.html"
    path.write_text("x")
    os.chmod(path, 0o640)
    try:
        os.setxattr(path, XATTR, acl_bytes(65534))
    except OSError as err:  # a file system without ACLs: the release keeps nbgrader's mode
        pytest.skip(f"no POSIX ACLs here: {err}")
    assert os.getxattr(path, XATTR) == acl_bytes(65534)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640  # group bits = the ACL mask (r)
