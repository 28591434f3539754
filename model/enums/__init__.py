"""Closed vocabularies of the framework: the legend of its schemas and the states of its objects.

Codes are short English identifiers (what the YAML files and ``framework.json`` carry); every code has
the French label a reader sees on the site (``.label``), given next to its class by
:func:`~model.enums._labelled.labels`.

Public surface: every vocabulary, importable from here, each defined with those of the same concern:

- :mod:`~model.enums.services`: what a service is and offers;
- :mod:`~model.enums.flows`: what a flow carries, its specification and its value sets;
- :mod:`~model.enums.texts`: axes, questions, next steps and the severity of a gap to a recommendation;
- :mod:`~model.enums.catalogue`: the working group's catalogue;
- :mod:`~model.enums.sources`: documents, remarks on the sources and the provenance of texts.
"""

from model.enums.catalogue import CountMeasure, Sector
from model.enums.flows import (
    ActorKind,
    CodesStatus,
    DataCategory,
    Direction,
    FlowStatus,
    MosType,
    Nature,
    Provenance,
    SpecStatus,
)
from model.enums.services import (
    Authentication,
    CatalogueStatus,
    Feature,
    RgaaCompliance,
    ServiceKind,
    SystemCategory,
)
from model.enums.sources import DocumentKind, NoteKind, TextProvenance
from model.enums.texts import AxisStatus, Owner, QuestionTheme, Severity

__all__ = [
    "ActorKind",
    "Authentication",
    "AxisStatus",
    "CatalogueStatus",
    "CodesStatus",
    "CountMeasure",
    "DataCategory",
    "Direction",
    "DocumentKind",
    "Feature",
    "FlowStatus",
    "MosType",
    "Nature",
    "NoteKind",
    "Owner",
    "Provenance",
    "QuestionTheme",
    "RgaaCompliance",
    "Sector",
    "ServiceKind",
    "Severity",
    "SpecStatus",
    "SystemCategory",
    "TextProvenance",
]
