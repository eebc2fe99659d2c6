"""The Littlest JupyterHub (TLJH) plugin for coursekit.

Install (as root, on the TLJH machine; see deploy/GUIDE.md):

    curl -L https://tljh.jupyter.org/bootstrap.py | sudo python3 - \\
        --admin <admin> --plugin "git+https://github.com/coursekit/coursekit#subdirectory=deploy/tljh"

then describe the courses in /opt/tljh/config/coursekit.json (read at every hub start):

    {"exchange": "/srv/nbgrader/exchange",
     "courses": [{"id": "orgmas-2025", "exercises": "/srv/coursekit/orgmas-2025/exercises",
                  "lecturers": ["dosen1"], "students": ["mhs001", "mhs002"]}]}

What each of TLJH's documented hooks does:
- tljh_extra_user_pip_packages: coursekit (COURSEKIT_PIP_SPEC at install time) and
  soupsieve < 4 (4.x breaks nbconvert's HTML export, so nbgrader's generate_feedback) in the
  user environment, for every user;
- tljh_extra_hub_pip_packages: nothing (the hub needs no coursekit);
- tljh_custom_jupyterhub_config: per course, nbgrader's multi-course set-up
  (demos/demo_multiple_classes): groups formgrade-<course> (lecturers, the grader account) and
  nbgrader-<course> (lecturers, students), their roles, and one grader service that runs
  JupyterLab with formgrader as the unix account jupyter-grader-<course> in its course folder;
- tljh_post_install: the exchange (mode 0777), the hub-wide nbgrader_config.py (the one beside
  this file: private submissions and feedback), a unix account and course folder per course;
- tljh_new_user_create: the new user's home becomes mode 0700 (others cannot read it).
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
from pathlib import Path

try:
    from pluggy import HookimplMarker

    hookimpl = HookimplMarker("tljh")  # the marker TLJH's tljh.hooks uses
except ImportError:  # imported by a plain jupyterhub_config.py (the hub tests)
    def hookimpl(fn):
        return fn

HERE = Path(__file__).resolve().parent
USER_PREFIX = "jupyter-"  # TLJH's unix account names
PIP_SPEC = os.environ.get("COURSEKIT_PIP_SPEC", "coursekit @ git+https://github.com/coursekit/coursekit")


def tljh_root() -> Path:
    return Path(os.environ.get("COURSEKIT_TLJH_ROOT", "/opt/tljh"))


def settings() -> dict:
    path = Path(os.environ.get("COURSEKIT_TLJH_CONFIG", tljh_root() / "config" / "coursekit.json"))
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    unknown = set(data) - {"exchange", "courses"}
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)} (allowed: exchange, courses)")
    for c in data.get("courses", []):
        bad = set(c) - {"id", "exercises", "lecturers", "students"}
        if bad or "id" not in c:
            raise ValueError(f"{path}: course {c.get('id')!r}: unknown keys {sorted(bad)} or no id "
                             "(allowed: id, exercises, lecturers, students)")
    return {"exchange": data.get("exchange", "/srv/nbgrader/exchange"),
            "courses": data.get("courses", [])}


def grader(course_id: str) -> str:
    """The hub user name of a course's grader account (unix: jupyter-grader-<course>)."""
    return f"grader-{course_id}"


def course_folder(course_id: str, home: Path | None = None) -> Path:
    home = home or Path("/home") / (USER_PREFIX + grader(course_id))
    return home / course_id


def course_config(courses: list, command: list, environment: dict, unix_prefix: str = USER_PREFIX,
                  ports: dict | None = None, homes: dict | None = None) -> tuple[dict, list, list]:
    """(load_groups, load_roles, services) of nbgrader's multi-course set-up for these courses."""
    groups, roles, services = {}, [], []
    for i, c in enumerate(courses):
        cid, g = c["id"], c.get("grader", grader(c["id"]))
        groups[f"formgrade-{cid}"] = [*c.get("lecturers", []), g]
        groups[f"nbgrader-{cid}"] = [*c.get("lecturers", []), *c.get("students", [])]
        roles += [
            {"name": f"formgrade-{cid}", "groups": [f"formgrade-{cid}"],
             "scopes": [f"access:services!service={cid}"]},
            {"name": f"nbgrader-{cid}", "groups": [f"nbgrader-{cid}"],
             "scopes": ["list:services", f"read:services!service={cid}"]},
            # the service asks the hub which courses its account grades (JupyterHubAuthPlugin)
            {"name": f"grader-service-{cid}", "services": [cid], "scopes": [f"read:users!user={g}"]},
        ]
        port = (ports or {}).get(cid, 9800 + i)
        home = (homes or {}).get(cid) or Path("/home") / (unix_prefix + g)
        services.append({
            "name": cid, "url": f"http://127.0.0.1:{port}", "command": list(command),
            "user": unix_prefix + g, "cwd": str(course_folder(cid, Path(home))),
            "oauth_no_confirm": True,
            "environment": {**environment, "JUPYTERHUB_USER": g, "JUPYTERHUB_DEFAULT_URL": "/lab"},
        })
    roles.append({"name": "server", "scopes": ["inherit"]})  # as nbgrader's demo
    return groups, roles, services


@hookimpl
def tljh_extra_user_pip_packages():
    return [PIP_SPEC, "soupsieve<4"]


@hookimpl
def tljh_extra_hub_pip_packages():
    return []


@hookimpl
def tljh_custom_jupyterhub_config(c):
    s = settings()
    user_env = tljh_root() / "user"
    env = {"PATH": f"{user_env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
           "COURSEKIT_EXCHANGE": s["exchange"]}
    command = [str(user_env / "bin" / "jupyterhub-singleuser")]
    groups, roles, services = course_config(s["courses"], command, env)
    c.JupyterHub.load_groups = {**(c.JupyterHub.get("load_groups") or {}), **groups}
    c.JupyterHub.load_roles = [*(c.JupyterHub.get("load_roles") or []), *roles]
    c.JupyterHub.services = [*(c.JupyterHub.get("services") or []), *services]
    c.Spawner.environment = {**(c.Spawner.get("environment") or {}), "COURSEKIT_EXCHANGE": s["exchange"]}


@hookimpl
def tljh_post_install():
    s = settings()
    install(s, tljh_root() / "user" / "etc" / "jupyter", USER_PREFIX)


def install(s: dict, etc_jupyter: Path, unix_prefix: str = USER_PREFIX) -> None:
    """Exchange, hub-wide nbgrader config, and per course a grader account and course folder."""
    exchange = Path(s["exchange"])
    exchange.mkdir(parents=True, exist_ok=True)
    os.chmod(exchange, 0o777)  # nbgrader's exchange root: every user writes into it
    etc_jupyter.mkdir(parents=True, exist_ok=True)
    text = (HERE / "nbgrader_config.py").read_text(encoding="utf-8")
    text += f'\nc.PrivateReleaseFeedback.unix_user = "{unix_prefix}{{student}}"\n'
    (etc_jupyter / "nbgrader_config.py").write_text(text, encoding="utf-8")
    for c in s["courses"]:
        account = unix_prefix + grader(c["id"])
        ensure_account(account)
        home = Path(pwd.getpwnam(account).pw_dir)
        make_course(c["id"], Path(c["exercises"]), course_folder(c["id"], home), account)


def ensure_account(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "-K", "HOME_MODE=0700",
                        name], check=True)


def make_course(course_id: str, exercises: Path, folder: Path, owner: str,
                db_url: str = "") -> None:
    """The lecturer's course folder: exercises/nbgrader_config.py, the generated quiz sources and
    their keys (instructor-only: the hidden tests read keys/<quiz>.json), plus this course's id
    and gradebook."""
    if not folder.exists():
        folder.mkdir(parents=True)
        shutil.copy(exercises / "nbgrader_config.py", folder)
        shutil.copytree(exercises / "source", folder / "source")
        shutil.copytree(exercises / "keys", folder / "keys")
        extra = [f"c.CourseDirectory.course_id = {course_id!r}"]
        if db_url:
            extra.append(f"c.CourseDirectory.db_url = {db_url!r}")
        with open(folder / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write("\n# --- this course on the hub (deploy/tljh) ---\n" + "\n".join(extra) + "\n")
    subprocess.run(["chown", "-R", f"{owner}:{owner}", str(folder)], check=True)


@hookimpl
def tljh_new_user_create(username):
    home = Path(pwd.getpwnam(username).pw_dir)
    os.chmod(home, 0o700)
