"""Fixtures of the LMS export tests: the real bank's quizzes, and others' parsers.

gift-pegjs (npm) is installed on first use into the ignored folder .cache/npm (the CI script
installs it too); xmllint comes from Debian's libxml2-utils.
"""

from __future__ import annotations

import fcntl
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.lms import source

REPO = Path(__file__).resolve().parents[2]
EXERCISES = REPO / "exercises"
XSD = Path(__file__).parent / "xsd"
NPM = REPO / ".cache" / "npm"
GIFT_PEGJS = "gift-pegjs@1.0.2"


@pytest.fixture(scope="session")
def quizzes() -> list[source.Quiz]:
    """Every quiz of the bank, plus the pseudo-quiz of items no quiz uses: the whole bank."""
    return source.quizzes(EXERCISES)


@pytest.fixture(scope="session")
def questions(quizzes) -> list[source.Question]:
    return list({q.id: q for quiz in quizzes for q in quiz.questions}.values())


def xmllint() -> str:
    path = shutil.which("xmllint")
    assert path, "xmllint is missing: apt-get install libxml2-utils (.ci/run does)"
    return path


@pytest.fixture(scope="session")
def gift_parse():
    """parse(text) -> gift-pegjs's questions (list of dicts); raises ValueError on a syntax error."""
    module = NPM / "node_modules" / "gift-pegjs"
    NPM.mkdir(parents=True, exist_ok=True)
    with open(NPM / ".lock", "w") as lock:  # pytest-xdist workers install it once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (module / "package.json").is_file():
            npm = shutil.which("npm")
            assert npm, "npm is missing: apt-get install npm (.ci/run does)"
            subprocess.run([npm, "install", "--prefix", str(NPM), "--no-audit", "--no-fund", GIFT_PEGJS],
                           check=True, capture_output=True, timeout=300)
    script = ("const {parse} = require(process.argv[1]); let s = '';"
              "process.stdin.on('data', d => s += d).on('end', () => {"
              "try { process.stdout.write(JSON.stringify(parse(s))); }"
              "catch (e) { process.stderr.write(String(e.message)); process.exit(3); } });")

    def parse(text: str) -> list[dict]:
        run = subprocess.run(["node", "-e", script, str(module)], input=text, capture_output=True,
                             text=True, timeout=60)
        if run.returncode:
            raise ValueError(run.stderr)
        # gift-pegjs writes an escaped character of a plain-text match answer as '&&058;' (':')
        return json.loads(re.sub(r"&&(\d{3});", lambda m: chr(int(m.group(1))), run.stdout))

    return parse
