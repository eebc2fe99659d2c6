"""The Zero to JupyterHub values file (deploy/z2jh/values.yaml): valid against the chart's own
JSON schema (values.schema.yaml of the jupyterhub chart 4.4.0, vendored with its defaults from
github.com/jupyterhub/zero-to-jupyterhub-k8s), after merging onto the chart's defaults as helm
does; it carries the hub-wide nbgrader config unchanged, mounts a ReadWriteMany exchange, and
its image is built from the same repo2docker configuration as Binder."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import yaml

REPO = Path(__file__).resolve().parents[2]
Z2JH = REPO / "deploy" / "z2jh"
CHART = Z2JH / "chart-4.4.0"


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def merged(defaults: dict, values: dict) -> dict:
    """helm's merge of user values onto the chart's values.yaml (maps merge, the rest replaces)."""
    out = copy.deepcopy(defaults)
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def errors(values: dict) -> list[str]:
    schema = load(CHART / "values.schema.yaml")
    v = jsonschema.Draft7Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in v.iter_errors(merged(load(CHART / "values.yaml"), values))]


def test_values_valid_against_chart_schema():
    assert errors(load(Z2JH / "values.yaml")) == []


def test_schema_catches_mistakes():
    """The vendored schema is strict: a misspelt key is refused (so the test above means it)."""
    values = load(Z2JH / "values.yaml")
    values["singleuser"]["memroy"] = {"limit": "1G"}
    assert any("memroy" in e for e in errors(values))


def test_values_carry_the_hub_nbgrader_config():
    values = load(Z2JH / "values.yaml")
    files = values["singleuser"]["extraFiles"]["nbgrader-config"]
    assert files["mountPath"] == "/etc/jupyter/nbgrader_config.py"
    same = (REPO / "deploy" / "tljh" / "tljh_coursekit" / "nbgrader_config.py").read_text()
    assert files["stringData"].strip() == same.strip()


def test_resources_culling_and_shared_exchange():
    values = load(Z2JH / "values.yaml")
    su = values["singleuser"]
    assert su["memory"]["limit"] and su["memory"]["guarantee"]
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > 0
    mount = su["storage"]["extraVolumeMounts"][0]
    volume = su["storage"]["extraVolumes"][0]
    assert mount["name"] == volume["name"]
    assert su["extraEnv"]["COURSEKIT_EXCHANGE"] == mount["mountPath"]
    pvc = load(Z2JH / "exchange-pvc.yaml")
    assert pvc["kind"] == "PersistentVolumeClaim"
    assert pvc["metadata"]["name"] == volume["persistentVolumeClaim"]["claimName"]
    assert pvc["spec"]["accessModes"] == ["ReadWriteMany"]


def test_image_built_from_binder_config():
    script = (Z2JH / "build-image.sh").read_text()
    assert "jupyter-repo2docker" in script and script.rstrip().endswith(" .")
    for name in ("runtime.txt", "requirements.txt", "postBuild"):
        assert (REPO / "binder" / name).exists()
    values = load(Z2JH / "values.yaml")
    assert values["singleuser"]["image"]["name"]


def test_chart_files_are_the_vendored_release():
    assert (CHART / "LICENSE").read_text().startswith("BSD 3-Clause License")
    assert "4.4.0" in (CHART / "SOURCE.md").read_text()
