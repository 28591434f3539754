"""A small synthetic flow specification whose schema holds every kind of constraint, for the schema tests.

The real specifications have no pattern, maximum length, maximum cardinality or bounds yet, and their
enumerations are shared definitions (one per value set); this flow's schema gets an inline enumeration
and the other constraints added by hand, as a later generator would write them, so that the invalid
examples and the code generators are tested on them today. Its classes also hold the names that trip
code generators: a class used by two single attributes and a list, and a list of constrained texts in
two classes.
"""

from __future__ import annotations

from typing import Any

from cadre.generators import json_schemas
from model import FlowSpec

STEM = "synthetique"
TECHNICAL_NAME = "DossierSynthetique"
CLASSES = ("Dossier", "Personne", "Contact")

_CLASSES: list[dict[str, Any]] = [
    {
        "name": "Dossier",
        "description": "Dossier synthétique.",
        "attributes": [
            {"name": "identifiant", "cardinality": "1..1", "type": "Identifiant", "description": "Identifiant."},
            {"name": "statut", "cardinality": "1..1", "type": "Code", "description": "Statut.", "example": "ouvert"},
            {
                "name": "reference",
                "cardinality": "0..1",
                "type": "Texte",
                "description": "Référence.",
                "example": "AB-12",
            },
            {
                "name": "titre",
                "cardinality": "0..1",
                "type": "Texte",
                "description": "Titre court.",
                "example": "Suivi",
            },
            {"name": "site", "cardinality": "0..1", "type": "Texte", "description": "Site.", "example": "https://a.fr"},
            {"name": "poids", "cardinality": "0..1", "type": "Numerique", "description": "Poids.", "example": 70},
            {"name": "codes", "cardinality": "1..*", "type": "Code", "description": "Codes.", "example": "A1"},
            {"name": "dateOuverture", "cardinality": "0..1", "type": "Date", "description": "Ouverture."},
            {"name": "miseAJour", "cardinality": "0..1", "type": "DateHeure", "description": "Mise à jour."},
            {"name": "patient", "cardinality": "1..1", "class": "Personne", "description": "Patient."},
            {"name": "aidant", "cardinality": "0..1", "class": "Personne", "description": "Aidant."},
            {"name": "proches", "cardinality": "0..*", "class": "Personne", "description": "Proches."},
            {"name": "contact", "cardinality": "0..1", "class": "Contact", "description": "Contact."},
        ],
    },
    {
        "name": "Personne",
        "description": "Personne.",
        "attributes": [
            {"name": "prenoms", "cardinality": "1..*", "type": "Texte", "description": "Prénoms.", "example": "Jeanne"},
            {"name": "dateNaissance", "cardinality": "0..1", "type": "Date", "description": "Naissance."},
        ],
    },
    {
        "name": "Contact",
        "description": "Contact.",
        "attributes": [
            {"name": "prenoms", "cardinality": "1..*", "type": "Texte", "description": "Prénoms.", "example": "Paul"},
            {"name": "actif", "cardinality": "0..1", "type": "Indicateur", "description": "Actif."},
        ],
    },
]

ADDED: dict[tuple[str, ...], dict[str, Any]] = {
    ("properties", "statut"): {"enum": ["ouvert", "clos"]},
    ("properties", "reference"): {"pattern": "^[A-Z]{2}-[0-9]+$"},
    ("properties", "titre"): {"maxLength": 20},
    ("properties", "site"): {"format": "uri"},
    ("properties", "poids"): {"minimum": 0, "maximum": 500},
    ("properties", "codes"): {"maxItems": 3},
}
"""The constraints added to the generated schema: where, and what."""


DATES_STEM = "synthetique-dates"
_DATES: list[dict[str, Any]] = [
    {
        "name": "Rappel",
        "description": "Un message dont les seuls attributs simples sont des dates, l'un nommé champInconnu.",
        "attributes": [
            {"name": "jour", "cardinality": "1..1", "type": "Date", "description": "Jour."},
            {"name": "champInconnu", "cardinality": "0..1", "type": "DateHeure", "description": "Nom piège."},
        ],
    }
]


def spec(real: FlowSpec) -> FlowSpec:
    """A specification with the synthetic classes, the rest copied from ``real``."""
    data = real.model_dump(by_alias=True, exclude_none=True)
    return FlowSpec.model_validate({**data, "flow": STEM, "technical_name": TECHNICAL_NAME, "classes": _CLASSES})


def dates_spec(real: FlowSpec) -> FlowSpec:
    """A specification whose message has only dates, one of them named as the unknown attribute of the examples."""
    data = real.model_dump(by_alias=True, exclude_none=True)
    return FlowSpec.model_validate({**data, "flow": DATES_STEM, "technical_name": "Rappel", "classes": _DATES})


def schema(synthetic: FlowSpec, added: dict[tuple[str, ...], dict[str, Any]] = ADDED) -> dict[str, Any]:
    """A synthetic flow's schema, with the constraints of ``added``."""
    result: dict[str, Any] = {
        "$schema": json_schemas.DRAFT,
        "$id": f"urn:x-test:{synthetic.flow}",
        "title": synthetic.technical_name,
        "description": "Flux synthétique des tests.",
        **json_schemas.message_schema(synthetic, {}),
    }
    for path, keywords in added.items():
        node = result
        for key in path:
            node = node[key]
        node.update(keywords)
    return result
