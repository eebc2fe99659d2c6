"""Keys as salted hashes, feedback texts as encoded blobs: nothing readable in the package data.

This keeps keys out of plain sight (files, widget state, notebooks); the kernel decodes feedback
only when the student checks an answer. It is not cryptography: a determined reader of the code
can recover the keys, which is acceptable for self-check quizzes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib


def mark(salt: str, *parts: object) -> str:
    """Salted hash of a key fact, e.g. mark(salt, 'q1', 'b', '1') for 'option b of q1 is right'."""
    text = "|".join([salt, *map(str, parts)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _stream(salt: str, where: str, n: int) -> bytes:
    out, block = b"", 0
    while len(out) < n:
        out += hashlib.sha256(f"{salt}|{where}|{block}".encode()).digest()
        block += 1
    return out[:n]


def encode(salt: str, where: str, value: object) -> str:
    """Any JSON value -> an opaque string; `where` (e.g. 'q1.b') makes each blob distinct."""
    raw = zlib.compress(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8"), 9)
    return base64.b64encode(_xor(raw, salt, where)).decode()


def decode(salt: str, where: str, blob: str) -> object:
    raw = base64.b64decode(blob)
    return json.loads(zlib.decompress(_xor(raw, salt, where)))


def _xor(raw: bytes, salt: str, where: str) -> bytes:
    return bytes(a ^ b for a, b in zip(raw, _stream(salt, where, len(raw)), strict=True))
