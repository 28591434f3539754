"""The recorded versions of the framework, from which the site's changelog page is generated."""

from __future__ import annotations

from pydantic import Field

from model._base import Id, Label, Note, SourceRef, Text, _Stated


class Version(_Stated):
    """Version publiée du cadre et ce qu'elle apporte (page « Historique des versions »)."""

    id: Id
    label: Label = Field(description="Numéro de la version tel que le cadre l'écrit (ex. « V1 »).")
    date: Label | None = Field(
        default=None, description="Date de publication (AAAA-MM-JJ ou mois), si la source la donne."
    )
    document: Id | None = Field(default=None, description="Document source qui publie cette version.")
    summary: Text = Field(description="Ce qu'est la version, en quelques phrases.")
    changes: list[Text] = Field(
        default_factory=list, description="Ce que la version apporte ou modifie, un élément par changement."
    )
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)
