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
    NextStep,
    Note,
    Question,
    Recommendation,
    Scenario,
    Service,
    SourceRef,
    Stake,
    Step,
    Term,
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
    Owner,
    QuestionTheme,
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
    "NextStep",
    "Note",
    "NoteKind",
    "Owner",
    "Problem",
    "Question",
    "QuestionTheme",
    "Recommendation",
    "Scenario",
    "Service",
    "ServiceKind",
    "SourceRef",
    "Stake",
    "Step",
    "SystemCategory",
    "Term",
    "UseCase",
    "View",
    "content_files",
    "load_framework",
]
