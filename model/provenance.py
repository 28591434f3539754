"""Where the words of a text field come from: the source's own, ours, or an outside fact.

Every text field of every model class has a default provenance, declared once in
:mod:`model.provenance_registry`; an object may override it for one of its fields in YAML
(``provenance: {title: verbatim}``). An ``outside`` fact names the documents that support it
(``provenance: {definition: {kind: outside, references: [casf-l312-1]}}``), each a document of
``documents.yaml`` of kind ``outside``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from model.enums import TextProvenance

_Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]


class Attribution(BaseModel):
    """Provenance d'un champ de texte, avec les documents qui l'appuient."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: TextProvenance = Field(description="Provenance du texte.")
    references: list[_Ident] = Field(
        default_factory=list,
        description=(
            "Documents (« documents.yaml ») qui appuient un fait extérieur aux sources : obligatoire pour « outside »."
        ),
    )


Claim = TextProvenance | Attribution
"""A provenance as YAML writes it: the kind alone, or the kind with its references."""


def attribution(claim: Claim) -> Attribution:
    """``claim`` in its full form."""
    return claim if isinstance(claim, Attribution) else Attribution(kind=claim)
