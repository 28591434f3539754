"""The whole model as ``framework.json`` and its JSON Schema (draft 2020-12)."""

from __future__ import annotations

import json
from typing import Any

from model import Framework, Index

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
    return {
        "framework.json": _dump(data),
        "schemas/framework.schema.json": _dump(framework_schema()),
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
