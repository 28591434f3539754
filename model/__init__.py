"""The cadre d'urbanisation sectoriel médico-social (study domain 4) as a checked model.

The content lives in YAML files under ``model/content/``; :func:`load_framework` reads them into a
:class:`Framework`, or raises :class:`ModelError` listing every problem with its file and line.
:class:`Index` answers the questions the generators ask (what refers to what).
"""

from model.entities import (
    Actor,
    Axis,
    Document,
    Flow,
    Framework,
    Group,
    Note,
    Recommendation,
    Scenario,
    Service,
    SourceRef,
    Step,
    UseCase,
    View,
)
from model.enums import (
    AxisStatus,
    CatalogueStatus,
    DataCategory,
    Direction,
    FlowStatus,
    Nature,
    NoteKind,
    ServiceKind,
    SystemCategory,
)
from model.index import Index
from model.loader import CONTENT_DIR, content_files, load_framework
from model.problems import ModelError, Problem

__all__ = [
    "CONTENT_DIR",
    "Actor",
    "Axis",
    "AxisStatus",
    "CatalogueStatus",
    "DataCategory",
    "Direction",
    "Document",
    "Flow",
    "FlowStatus",
    "Framework",
    "Group",
    "Index",
    "ModelError",
    "Nature",
    "Note",
    "NoteKind",
    "Problem",
    "Recommendation",
    "Scenario",
    "Service",
    "ServiceKind",
    "SourceRef",
    "Step",
    "SystemCategory",
    "UseCase",
    "View",
    "content_files",
    "load_framework",
]
