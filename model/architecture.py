"""The « schéma de l'architecture fonctionnelle du secteur médico-social » as data.

The framework prints this figure at the head of sections 1.2.1, 1.3.1, 1.4.1 and 1.5.1: functional
areas, the blocks in each area (some of them model services, most only labels), a legend of data
categories, and, in each section, the blocks that the section's « services concernés en cible » names.
Which blocks the source highlights cannot be read from the digitised source: :class:`Highlight` records
the model's derivation from each section's printed list, item by item. Checks that need other files
(services, views) are in :mod:`model.architecture_checks`.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from model._base import Count, Id, Label, Note, Section, SourceRef, Text, _Entity, _Stated
from model.enums import DataCategory


class Content(_Stated):
    """Élément imprimé dans un bloc du schéma (sous-boîte ou intitulé), relié aux services du modèle qu'il désigne."""

    label: Label = Field(description="Intitulé tel qu'imprimé sur le schéma (corrigé de l'OCR).")
    services: list[Id] = Field(
        default_factory=list,
        description="Services du modèle que l'élément désigne ; aucun quand le modèle n'en a pas.",
    )
    legible_in: list[Section] = Field(
        default_factory=list,
        description="Sections dont l'exemplaire du schéma laisse lire cet intitulé dans la source numérisée.",
    )


class Block(_Stated):
    """Bloc (boîte) d'une zone du schéma de l'architecture fonctionnelle."""

    id: Id
    label: Label = Field(description="Intitulé du bloc tel qu'imprimé sur le schéma (corrigé de l'OCR).")
    group: Label | None = Field(
        default=None, description="Colonne ou bandeau de la zone qui porte le bloc, tel qu'imprimé (ex. « Échange »)."
    )
    service: Id | None = Field(
        default=None, description="Service du modèle que le bloc représente lui-même (ex. « mes » pour le bloc MES)."
    )
    contents: list[Content] = Field(default_factory=list, description="Éléments imprimés dans le bloc.")
    named_by_text: list[Id] = Field(
        default_factory=list,
        description=(
            "Services que le texte du cadre range dans ce domaine fonctionnel sans que le schéma les nomme "
            "(ex. les portails que cite la section 1.2.1)."
        ),
    )
    legible_in: list[Section] = Field(
        default_factory=list,
        description="Sections dont l'exemplaire du schéma laisse lire cet intitulé dans la source numérisée.",
    )
    notes: list[Note] = Field(default_factory=list)

    def services(self) -> list[str]:
        """The model services the block holds: itself, then its printed contents, then those the text adds."""
        found = [self.service] if self.service else []
        found += [s for c in self.contents for s in c.services]
        return list(dict.fromkeys([*found, *self.named_by_text]))


class Area(_Stated):
    """Zone fonctionnelle (bandeau) du schéma de l'architecture fonctionnelle."""

    id: Id
    label: Label = Field(description="Intitulé de la zone tel qu'imprimé (corrigé de l'OCR).")
    service: Id | None = Field(default=None, description="Service du modèle que la zone représente (ex. « si-esms »).")
    blocks: list[Block] = Field(min_length=1, description="Blocs de la zone, dans l'ordre de lecture du schéma.")
    notes: list[Note] = Field(default_factory=list)


class LegendEntry(_Stated):
    """Entrée de la légende imprimée du schéma : une catégorie de données."""

    label: Label = Field(description="Intitulé tel qu'imprimé dans la légende (corrigé de l'OCR).")
    category: DataCategory = Field(description="Catégorie de données du modèle qui lui correspond.")


class HighlightItem(_Entity):
    """Un élément de la liste « Services concernés en cible » d'une vue, et les blocs du schéma qu'il désigne."""

    item: Count = Field(
        ge=1, description="Numéro de l'élément dans la liste « Services concernés en cible » de la vue (à partir de 1)."
    )
    blocks: list[Id] = Field(default_factory=list, description="Blocs que l'élément désigne.")
    areas: list[Id] = Field(default_factory=list, description="Zones que l'élément désigne (tous leurs blocs).")

    @model_validator(mode="after")
    def _designates_something(self) -> Self:
        """An item of the list designates at least one block or one area."""
        if not self.blocks and not self.areas:
            raise ValueError(
                f"l'élément {self.item} ne désigne aucun bloc → ajoutez « blocks: » ou « areas: » (ce qu'il nomme)"
            )
        return self


class Highlight(_Entity):
    """Les blocs qu'une vue met en évidence sur le schéma, déduits de sa liste « Services concernés en cible »."""

    view: Id = Field(description="Vue (section 1.2 à 1.5) qui reprend le schéma.")
    section: Section = Field(description="Section où le schéma est imprimé (ex. « 1.2.1 »).")
    items: list[HighlightItem] = Field(
        min_length=1, description="Pour chaque élément de la liste de la vue, les blocs qu'il désigne."
    )
    notes: list[Note] = Field(default_factory=list)


class ArchitectureFigure(_Stated):
    """Schéma de l'architecture fonctionnelle du secteur médico-social, repris en tête des sections 1.2 à 1.5."""

    id: Id
    title: Label = Field(description="Titre du schéma.")
    description: Text
    areas: list[Area] = Field(min_length=1, description="Zones du schéma, de haut en bas.")
    legend: list[LegendEntry] = Field(default_factory=list, description="Légende imprimée : catégories de données.")
    highlights: list[Highlight] = Field(default_factory=list, description="Blocs mis en évidence par chaque vue.")
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    def blocks(self) -> list[tuple[Area, Block]]:
        """Every block with its area, in reading order."""
        return [(area, block) for area in self.areas for block in area.blocks]

    def highlight_of(self, view: str) -> Highlight | None:
        """The derivation of the blocks that ``view`` highlights, if the model records one."""
        return next((h for h in self.highlights if h.view == view), None)

    def highlighted(self, view: str) -> dict[str, list[int]]:
        """The blocks ``view`` highlights, each with the numbers of the list items that designate it."""
        highlight = self.highlight_of(view)
        found: dict[str, list[int]] = {}
        if highlight is None:
            return found
        for entry in highlight.items:
            chosen = [*entry.blocks, *(b.id for a in self.areas if a.id in entry.areas for b in a.blocks)]
            for block in dict.fromkeys(chosen):
                found.setdefault(block, []).append(entry.item)
        return found
