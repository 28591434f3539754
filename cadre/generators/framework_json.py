"""The whole model as ``framework.json`` and its JSON Schema (draft 2020-12)."""

from __future__ import annotations

import functools
from typing import Any

from cadre.output import json_text
from model import Framework, Index, provenance_map, walk

SCHEMA_ID = "urn:x-cadre-urbanisation-ms:de4:v1:schemas:framework"
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def framework_schema() -> dict[str, Any]:
    """JSON Schema of ``framework.json`` and of every YAML file of the model."""
    schema = Framework.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_ID,
        **schema,
        "description": (
            "Modèle du cadre d'urbanisation sectoriel médico-social, domaine d'étude 4 : portails "
            "usagers, Mon espace santé et échanges de données entre portails. Chaque fichier YAML "
            "du modèle en porte une partie ; framework.json les réunit."
        ),
    }


def generate(index: Index) -> dict[str, str]:
    """``framework.json`` and ``schemas/framework.schema.json``."""
    data = index.framework.model_dump(mode="json", by_alias=True)
    with_provenance(index.framework, data)
    return {
        "framework.json": json_text.dumps(data),
        "schemas/framework.schema.json": _schema_text(),
    }


@functools.cache
def _schema_text() -> str:
    """The text of :func:`framework_schema`, made once: it depends on the model's classes only."""
    return json_text.dumps(framework_schema())


def with_provenance(framework: Framework, data: dict[str, Any]) -> None:
    """Write into ``data`` (the dump of ``framework``) the effective provenance of every text field.

    Each object that has text fields gets ``provenance``: for each filled field, by its key, its kind
    (``verbatim``, ``reworded``, ``inference``, ``outside``, ``proposal``), or ``{kind, references}``
    for an outside fact, whether the YAML declared it or the field's default applies.
    """
    for path, node, _ in walk(framework):
        claims = provenance_map(node)
        if claims is None:
            continue
        target: Any = data
        for key in path:
            target = target[key]
        target["provenance"] = {
            key: claim.model_dump(mode="json") if claim.references else claim.kind.value
            for key, claim in claims.items()
        }
