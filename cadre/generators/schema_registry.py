"""The schema registry: every version of every flow's schema at a stable path, and their index.

Each version of a flow's schema, with its examples, is published under
``schemas/flux/<flow>/<version>/``: the released versions from their frozen copies
(:mod:`model.releases`), the current version from the model until its number is released.
``schemas/index.json`` lists every flow, its versions, their status, ``$id``, date and the SHA-256 of each
file, so that a tool can fetch a version and check what it got; ``schemas/index.schema.json`` is its
JSON Schema.
"""

from __future__ import annotations

from typing import Any

from cadre.generators import json_schemas
from cadre.generators.schema_history import SchemaVersion, flows, history, role, spec_of
from cadre.output import json_text
from model import Index, SpecStatus, sha256

INDEX = "schemas/index.json"
INDEX_SCHEMA = "schemas/index.schema.json"
INDEX_ID = "urn:x-cadre-urbanisation-ms:de4:v1:schemas:index"
ROLES = ("schema", "example", "invalid")


def generate(index: Index) -> dict[str, str]:
    """The versioned files of every flow, the index and the index's schema."""
    outputs: dict[str, str] = {}
    entries = []
    for flow in flows(index):
        versions = history(index, flow)
        for version in versions:
            for name, text in sorted(version.texts.items()):
                outputs[version.path(name)] = text
        entries.append(_flow_entry(index, flow, versions))
    outputs[INDEX] = json_text.dumps({"flows": entries})
    outputs[INDEX_SCHEMA] = json_text.dumps(index_schema())
    return outputs


def _flow_entry(index: Index, flow: str, versions: list[SchemaVersion]) -> dict[str, Any]:
    spec = spec_of(index, flow)
    last = versions[-1]
    return {
        "flow": flow,
        "technical_name": last.technical_name,
        "section": last.section,
        "current_version": spec.version if spec else None,
        "latest": _relative(json_schemas.paths(index, spec)["schema"]) if spec else None,
        "versions": [_version_entry(v) for v in versions],
    }


def _version_entry(version: SchemaVersion) -> dict[str, Any]:
    return {
        "version": version.version,
        "status": version.status.value,
        "released": version.released,
        "date": version.date,
        "$id": version.schema_id,
        "section": version.section,
        "previous": version.previous,
        "breaking": version.breaking if version.previous else None,
        "files": [
            {"role": role(name, version.schema_file), "path": _relative(version.path(name)), "sha256": sha256(text)}
            for name, text in sorted(version.texts.items(), key=lambda item: (_rank(item[0], version), item[0]))
        ],
    }


def _rank(name: str, version: SchemaVersion) -> int:
    return ROLES.index(role(name, version.schema_file))


def _relative(path: str) -> str:
    """A path under ``generated/schemas/`` as the index gives it: relative to the index itself."""
    return path.removeprefix("schemas/")


def index_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``schemas/index.json``."""
    semver = {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"}
    path = {"type": "string", "pattern": r"^flux/([a-z0-9-]+/\d+\.\d+\.\d+/)?[a-z0-9.-]+\.json$"}
    file = {
        "type": "object",
        "properties": {
            "role": {"enum": list(ROLES), "description": "schéma, exemple valide ou exemple invalide"},
            "path": {**path, "description": "chemin du fichier, relatif à index.json"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 du fichier publié"},
        },
        "required": ["role", "path", "sha256"],
        "additionalProperties": False,
    }
    version = {
        "type": "object",
        "properties": {
            "version": semver,
            "status": {"enum": [s.value for s in SpecStatus]},
            "released": {"type": "boolean", "description": "version figée (publiée) ou version en cours"},
            "date": {"type": ["string", "null"], "format": "date", "description": "date de publication"},
            "$id": {"type": "string", "minLength": 1},
            "section": {"type": "string", "minLength": 1, "description": "section du cadre qui spécifie le flux"},
            "previous": {"anyOf": [semver, {"type": "null"}]},
            "breaking": {
                "type": ["boolean", "null"],
                "description": "rupture par rapport à la version précédente (null pour la première)",
            },
            "files": {"type": "array", "items": {"$ref": "#/$defs/file"}, "minItems": 1},
        },
        "required": ["version", "status", "released", "date", "$id", "section", "previous", "breaking", "files"],
        "additionalProperties": False,
    }
    flow = {
        "type": "object",
        "properties": {
            "flow": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "technical_name": {"type": "string", "minLength": 1},
            "section": {"type": "string", "minLength": 1},
            "current_version": {"anyOf": [semver, {"type": "null"}]},
            "latest": {"anyOf": [path, {"type": "null"}], "description": "schéma de la version en cours"},
            "versions": {"type": "array", "items": {"$ref": "#/$defs/version"}, "minItems": 1},
        },
        "required": ["flow", "technical_name", "section", "current_version", "latest", "versions"],
        "additionalProperties": False,
    }
    return {
        "$schema": json_schemas.DRAFT,
        "$id": INDEX_ID,
        "title": "Index des schémas des flux",
        "description": (
            "Chaque flux spécifié par le cadre, chaque version publiée de son schéma (les versions figées et la "
            "version en cours), son statut, son $id, sa date, et le SHA-256 de chacun de ses fichiers. Les "
            "chemins sont relatifs à index.json."
        ),
        "type": "object",
        "properties": {"flows": {"type": "array", "items": {"$ref": "#/$defs/flow"}}},
        "required": ["flows"],
        "additionalProperties": False,
        "$defs": {"flow": flow, "version": version, "file": file},
    }
