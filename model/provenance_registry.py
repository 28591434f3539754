"""The default provenance of every text field of every model class, declared in one place.

A text field is a field typed :data:`model._base.Label`, :data:`model._base.Text` or a slide title
(any ``str`` checked by :func:`model._base._visible`), alone, optional or in a list. Each one must be
declared in :data:`DEFAULTS`: :func:`undeclared` lists those that are not, so that a new field fails
``validate`` until someone says where its words come from. An object overrides the default of one of
its fields in YAML (``provenance: {title: verbatim}``); :func:`effective` gives the result.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.functional_validators import AfterValidator

from model._base import Document, Location, Note, Slide, SourceRef, _Stated, _visible
from model.architecture import ArchitectureFigure, Area, Block, Content, LegendEntry
from model.catalogue import (
    CatalogueCase,
    Criterion,
    DeckSource,
    Exchange,
    Phase,
    ScaleLevel,
    SheetState,
    StatedCount,
    TaskForce,
    TransverseGroup,
    UseCaseSheet,
    WorkingGroup,
    WorkshopSession,
)
from model.enums import TextProvenance
from model.flow_spec import Attribute, FlowSpec, MessageClass, Security, SpecActor, Technical
from model.flows import Flow, Leg
from model.framework import Framework
from model.glossary import Meaning, Term
from model.problems import Problem
from model.provenance import Attribution, attribution
from model.rules import Rule
from model.texts import Axis, NextStep, Overview, Question, Recommendation, Stake
from model.value_sets import Concept, ValueSet
from model.versions import Version
from model.views import Actor, Group, Scenario, Service, UseCase, View

V = TextProvenance.VERBATIM
R = TextProvenance.REWORDED
I = TextProvenance.INFERENCE  # noqa: E741
P = TextProvenance.PROPOSAL

DEFAULTS: dict[type[BaseModel], dict[str, TextProvenance]] = {
    # Documents and places in them.
    Document: {"title": V, "version": V, "date": V, "publisher": V, "address": V},
    Slide: {"title": V},
    Location: {"slide": V, "quote": V},
    SourceRef: {"slide": V, "detail": R},
    DeckSource: {"slide": V, "detail": R},
    Note: {"slide": V, "text": I},
    # The framework (cadre de DE4).
    Axis: {"title": V, "description": V},
    Actor: {"name": V, "description": R},
    Service: {"name": V, "short_name": V, "description": R},
    View: {"title": V, "description": V, "services_in_scope": V},
    Group: {"label": R},
    Scenario: {"title": R, "description": V},
    UseCase: {"goals": V, "means": V},
    Flow: {"title": R, "description": V},
    Leg: {"condition": V},
    # The functional architecture figure: its labels as printed; its description is ours.
    ArchitectureFigure: {"title": V, "description": R},
    Area: {"label": V},
    Block: {"label": V, "group": V},
    Content: {"label": V},
    LegendEntry: {"label": V},
    Recommendation: {"text": V, "not_checkable": I},
    Rule: {"statement": I, "limits": I},
    Overview: {"title": R, "text": V},
    Stake: {"title": V, "text": V},
    Question: {"text": V, "also_addressed_in": V},
    NextStep: {"action": V},
    Term: {"term": V, "expansion": R, "definition": R},
    Meaning: {"expansion": R, "definition": R},
    Version: {"label": R, "date": R, "summary": R, "changes": R},
    # The flows' specifications and their value sets: our proposals.
    FlowSpec: dict.fromkeys(
        ("expected_service", "preconditions", "postconditions", "constraints", "trigger", "actions", "rules"), P
    ),
    SpecActor: {"role": P},
    MessageClass: {"description": P},
    Attribute: {"description": P},
    Technical: dict.fromkeys(("standard", "profile", "interaction", "guide", "comment"), P),
    Security: dict.fromkeys(("authentication", "identification", "consent", "traceability"), P),
    ValueSet: dict.fromkeys(("title", "description", "version", "publication_status", "found_in", "remarks"), P),
    Concept: dict.fromkeys(("code", "display", "definition"), P),
    # The working group's deck.
    WorkingGroup: {
        "title": R,
        "purposes": V,
        "objective": R,
        "inputs": R,
        "transverse_rule": R,
        "transverse_advice": V,
        "before_next": R,
        "during_next": R,
    },
    WorkshopSession: {"goals": V},
    Criterion: {"title": V, "short_title": R, "explanation": V},
    ScaleLevel: {"label": R},
    TaskForce: {"title": R, "modelled": R},
    Phase: {"label": V},
    CatalogueCase: {"code": V, "title": V, "diagram_label": V, "comment": R},
    Exchange: {"from_": V, "to": V},
    TransverseGroup: {"theme": V},
    UseCaseSheet: dict.fromkeys(
        ("code", "title", "step", "actors", "data", "software", "national_services", "barriers"), V
    ),
    SheetState: {"trigger": V, "legend": R, "data": V, "barriers": V},
    StatedCount: {"statement": V},
}
"""For each class, the provenance of each of its text fields unless an object says otherwise."""

OWN_ORIGIN: frozenset[type[BaseModel]] = frozenset({ValueSet, Concept})
"""Classes whose own ``provenance`` field already says where they come from (a value set: national,
international or proposed): their text fields keep their class's default and cannot be overridden."""


def _is_text(annotation: Any, metadata: tuple[Any, ...] | list[Any] = ()) -> bool:
    if any(isinstance(m, AfterValidator) and m.func is _visible for m in metadata):
        return True
    if get_origin(annotation) is Annotated:
        return _is_text(get_args(annotation)[0], annotation.__metadata__)
    return any(_is_text(arg) for arg in get_args(annotation))


@functools.cache
def text_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The text fields of ``cls``, by their Python names, in declaration order.

    Remembered per class: a class's fields do not change, and every text of the model asks for them
    (its provenance, when it is validated and again in ``framework.json``).
    """
    return tuple(name for name, info in cls.model_fields.items() if _is_text(info.annotation, info.metadata))


def model_classes(root: type[BaseModel] = Framework) -> list[type[BaseModel]]:
    """Every class reachable from ``root`` through its fields, ``root`` first."""
    seen: dict[type[BaseModel], None] = {}

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation in seen:
                return
            seen[annotation] = None
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in get_args(annotation):
            visit(arg)

    visit(root)
    return list(seen)


def undeclared(root: type[BaseModel] = Framework, *, shown_from: Path | None = None) -> list[Problem]:
    """A located problem for each text field without a declared provenance, or class that cannot override one."""
    problems = []
    for cls in model_classes(root):
        fields = text_fields(cls)
        declared = DEFAULTS.get(cls, {})
        for name in fields:
            if name not in declared:
                file, line = _where(cls, name, shown_from)
                problems.append(
                    Problem(
                        file,
                        line,
                        5,
                        f"le champ de texte « {cls.__name__}.{name} » n'a pas de provenance déclarée",
                        f'ajoutez « "{name}": … » à DEFAULTS[{cls.__name__}] dans model/provenance_registry.py'
                        " (verbatim, reworded, inference, outside ou proposal)",
                    )
                )
        if fields and not issubclass(cls, _Stated) and cls not in OWN_ORIGIN:
            file, line = _where(cls, fields[0], shown_from)
            problems.append(
                Problem(
                    file,
                    line,
                    1,
                    f"la classe « {cls.__name__} » a des champs de texte mais ne peut pas déclarer leur provenance",
                    "faites-la dériver de _Stated (model/_base.py) au lieu de _Entity",
                )
            )
    return problems


def _where(cls: type, name: str, shown_from: Path | None) -> tuple[str, int]:
    """``file`` and line of the field ``name`` in the source of ``cls`` (or of the class itself)."""
    try:
        lines, start = inspect.getsourcelines(cls)
        path = Path(inspect.getsourcefile(cls) or "?")
    except (OSError, TypeError):
        return f"<{cls.__name__}>", 1
    offset = next((i for i, text in enumerate(lines) if text.strip().startswith(f"{name}:")), 0)
    base = shown_from or Path(__file__).resolve().parent.parent
    try:
        shown = path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return shown, start + offset


def effective(node: BaseModel, name: str) -> Attribution:
    """The provenance of the text field ``name`` of ``node``: its own override, else its class's default."""
    own = node.provenance.get(name) if isinstance(node, _Stated) else None
    if own is not None:
        return attribution(own)
    return Attribution(kind=DEFAULTS[type(node)][name])


def filled(node: BaseModel) -> Iterator[str]:
    """The text fields of ``node`` that hold something."""
    for name in text_fields(type(node)):
        if getattr(node, name) not in (None, [], ""):
            yield name


def provenance_map(node: BaseModel) -> dict[str, Attribution] | None:
    """The effective provenance of each filled text field of ``node``, by YAML key; None if it cannot have one."""
    if not isinstance(node, _Stated):
        return None
    fields = type(node).model_fields
    return {fields[name].alias or name: effective(node, name) for name in filled(node)}
