"""The glossary: the terms and acronyms of the sources, and what the site can show of them.

An expanded acronym is shown with its expansion on hover wherever it appears on the site; the checks
of :class:`Term` make sure that the site can find it in any text without breaking a page.
"""

from __future__ import annotations

import re
from typing import Self

from pydantic import Field, model_validator

from model._base import Id, Label, Note, SourceRef, Text, _Stated

ACRONYM = re.compile(r"[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9&.\-]{0,19}")
"""An acronym as the site can recognise it in any text: one word, up to 20 characters."""

ENGINE_MARKERS = frozenset({"wzxhzdk", "klzzwxh", "hzzhzkh", "amp"})
"""Words of Python-Markdown's own placeholders (``\x02wzxhzdk:1\x03``…): an abbreviation spelt like one
of them, or made of digits only, would be recognised inside them and break the page it is shown on."""


class Meaning(_Stated):
    """Un des sens d'un sigle ambigu."""

    expansion: Label = Field(description="Forme développée du sigle dans ce sens.")
    definition: Text | None = None


class Term(_Stated):
    """Terme ou sigle employé par les sources (glossaire)."""

    id: Id
    term: Label = Field(description="Le terme ou le sigle, tel qu'il s'écrit dans les textes (ex. « DUI »).")
    expansion: Label | None = Field(
        default=None, description="Forme développée d'un sigle, affichée au survol du sigle sur tout le site."
    )
    definition: Text | None = Field(default=None, description="Définition, si la source en donne une ou si elle aide.")
    meanings: list[Meaning] = Field(
        default_factory=list,
        description="Pour un sigle ambigu : chacun de ses sens (ex. PPA, portail et plan personnalisé).",
    )
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _explained(self) -> Self:
        """A term is expanded or defined; an expanded acronym is one word, so that the site can find it."""
        if self.expansion and self.meanings:
            raise ValueError(
                f"le sigle « {self.term} » a à la fois « expansion » et « meanings »"
                " → un sigle ambigu donne tous ses sens dans « meanings », sans « expansion »"
            )
        if not (self.expansion or self.definition or self.meanings):
            raise ValueError(
                f"le terme « {self.term} » n'est ni développé ni défini"
                " → ajoutez « expansion: » (forme développée d'un sigle) ou « definition: »"
            )
        if (self.expansion or self.meanings) and not ACRONYM.fullmatch(self.term):
            raise ValueError(
                f"« {self.term} » n'a pas la forme d'un sigle, seul un sigle a une forme développée"
                " → écrivez le sigle en un seul mot (lettres, chiffres, « - », « . », « & »),"
                " ou remplacez « expansion » par « definition »"
            )
        if (self.expansion or self.meanings) and (
            self.term.casefold() in ENGINE_MARKERS or not any(c.isalpha() for c in self.term)
        ):
            raise ValueError(
                f"« {self.term} » ne peut pas être un sigle du site : il serait reconnu dans le balisage"
                " interne des pages (nombres, mots réservés du moteur Markdown)"
                " → donnez-le sous la forme où les textes l'écrivent, avec au moins une lettre,"
                " ou remplacez « expansion » par « definition »"
            )
        return self
