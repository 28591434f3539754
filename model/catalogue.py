"""The working group's catalogue of medico-social use cases (ANS, GT n°1 of 16 June 2022) as classes.

The task forces (older people, disability, home care) listed use cases per phase of the user's journey
and prioritised them; the working group scored some with five criteria, grouped similar cases of several
sectors into transverse groups and detailed three of them in sheets. The score of a case is computed
(:func:`score`), never written in YAML: the result printed by the source is kept beside it so that the
two can be compared.
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import Field, StringConstraints

from model._base import Count, Flag, Id, Label, Note, SourceRef, Text, _Stated
from model.enums import CountMeasure, Sector

GT_DOCUMENT = "gt1-cas-usage-ms"
"""Identifier of the working group's deck, the default document of the catalogue's sources."""

Date = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
    Field(description="Date au format AAAA-MM-JJ."),
]
GroupLetter = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]$"),
    Field(description="Lettre du groupe de cas d'usage transverses (A à O)."),
]


class DeckSource(SourceRef):
    """Endroit du support du groupe de travail d'où provient une information."""

    document: Id = Field(default=GT_DOCUMENT, description="Identifiant du document source.")


class WorkshopSession(_Stated):
    """Séance du cycle de groupes de travail."""

    number: Count = Field(ge=1, description="Numéro de la séance (GT n°…).")
    date: Date
    goals: list[Text] = Field(min_length=1, description="Ce que la séance doit produire.")


class WorkingGroup(_Stated):
    """Groupe de travail qui priorise les cas d'usage médico-sociaux à modéliser."""

    id: Id
    title: Label = Field(description="Intitulé du groupe de travail.")
    purposes: list[Label] = Field(default_factory=list, description="Finalités annoncées de la démarche.")
    objective: Text = Field(description="Objectif du cycle de séances.")
    inputs: Text | None = Field(default=None, description="Les entrants du cycle : ce que les task-forces ont produit.")
    transverse_rule: Text | None = Field(
        default=None, description="Ce qui rend un cas d'usage transverse, selon le support."
    )
    transverse_advice: Text | None = Field(
        default=None, description="Ce que le support conseille de faire des cas transverses."
    )
    sessions: list[WorkshopSession] = Field(min_length=1, description="Les séances du cycle, dans l'ordre.")
    before_next: list[Text] = Field(
        default_factory=list, description="Demandé aux participants avant la séance suivante."
    )
    during_next: list[Text] = Field(default_factory=list, description="Ce que la séance suivante doit arbitrer.")
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class ScaleLevel(_Stated):
    """Niveau de l'échelle d'un critère et la note qu'il vaut."""

    value: Count = Field(ge=1, le=9, description="Note attribuée à ce niveau.")
    label: Label = Field(description="Libellé du niveau tel que la source l'écrit.")


class Criterion(_Stated):
    """Critère de priorisation des cas d'usage, noté de 1 à 3."""

    id: Id
    number: Count = Field(ge=1, description="Rang du critère dans le tableau de priorisation.")
    title: Label = Field(description="Intitulé du critère.")
    short_title: Label = Field(description="Intitulé court, pour les en-têtes de tableau (ex. « Fréquence »).")
    explanation: Label | None = Field(default=None, description="Précision donnée par la source sous l'intitulé.")
    scale: list[ScaleLevel] = Field(
        default_factory=list,
        description="Niveaux de l'échelle, du plus fort au plus faible, si la source les donne.",
    )
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class Phase(_Stated):
    """Étape du parcours de l'usager selon une task-force."""

    id: Id
    label: Label = Field(description="Intitulé de l'étape.")


class TaskForce(_Stated):
    """Task-force sectorielle qui a recensé et hiérarchisé des cas d'usage."""

    id: Id
    sector: Sector = Field(description="Secteur de la task-force.")
    title: Label = Field(description="Nom de la task-force.")
    phases: list[Phase] = Field(min_length=1, description="Étapes du parcours, dans l'ordre.")
    modelled: Label = Field(description="Ce que la task-force a modélisé (tous les cas ou les seuls prioritaires).")
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class Exchange(_Stated):
    """Sens d'un échange : qui transmet à qui, avec les libellés de la source."""

    from_: Label = Field(alias="from", description="Acteur(s) émetteur(s), tel(s) que la source les nomme.")
    to: Label = Field(description="Acteur(s) destinataire(s), tel(s) que la source les nomme.")


class CatalogueCase(_Stated):
    """Cas d'usage recensé par une task-force."""

    id: Id
    task_force: Id = Field(description="Task-force qui a recensé le cas.")
    number: Count = Field(ge=1, description="Numéro du cas dans la liste de sa task-force.")
    suffix: Annotated[str, StringConstraints(pattern=r"^bis|ter$")] | None = Field(
        default=None, description="« bis » pour un cas numéroté comme un autre (ex. « 17 bis »)."
    )
    code: Label | None = Field(default=None, description="Code du cas quand la source en donne un (ex. « C#07 »).")
    title: Text = Field(description="Intitulé du cas, tel que la liste de sa task-force l'écrit.")
    diagram_label: Label | None = Field(
        default=None, description="Libellé court du cas sur le schéma de parcours de la task-force."
    )
    phase: Id = Field(description="Étape du parcours (identifiant d'une étape de la task-force).")
    prioritised: Flag = Field(description="Vrai si la task-force l'a classé prioritaire.")
    exchange: Exchange | None = Field(default=None, description="Émetteur et destinataire, quand la source les donne.")
    scores: dict[Id, Count] = Field(
        default_factory=dict, description="Notes par critère (identifiant du critère → note), si le cas a été noté."
    )
    printed_result: Count | None = Field(
        default=None, description="Résultat imprimé dans le tableau de priorisation, pour contrôle du calcul."
    )
    comment: Text | None = Field(default=None, description="Précision que la source apporte sur le cas.")
    same_as: Id | None = Field(default=None, description="Cas dont celui-ci est un doublon déclaré.")
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class TransverseGroup(_Stated):
    """Cas d'usage similaires de plusieurs secteurs qui pourraient être modélisés ensemble."""

    id: Id
    letter: GroupLetter
    theme: Label = Field(description="Thématique du groupe.")
    members: list[Id] = Field(min_length=2, description="Cas d'usage du groupe, dans l'ordre de la source.")
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class SheetState(_Stated):
    """Un des deux schémas d'une fiche : l'état des lieux ou la perspective cible."""

    trigger: Text | None = Field(default=None, description="Évènement déclencheur du cas d'usage, s'il est écrit.")
    legend: list[Label] = Field(default_factory=list, description="Légende du schéma des flux.")
    data: list[Label] = Field(default_factory=list, description="Données échangées, numérotées comme sur le schéma.")
    barriers: list[Label] = Field(default_factory=list, description="Freins, numérotés comme sur le schéma.")


class UseCaseSheet(_Stated):
    """Fiche détaillée d'un cas d'usage : éléments structurants, état des lieux et cible."""

    id: Id
    case: Id = Field(description="Cas d'usage du catalogue que la fiche détaille.")
    code: Label = Field(description="Code de la fiche (ex. « C#07 »).")
    title: Text = Field(description="Intitulé de la fiche.")
    step: Label | None = Field(default=None, description="Étape du parcours telle que la fiche la précise.")
    actors: list[Label] = Field(default_factory=list, description="Acteurs, rôles et caractéristiques.")
    data: list[Label] = Field(default_factory=list, description="Données de partage ou d'échange identifiées.")
    software: list[Label] = Field(
        default_factory=list,
        description="Logiciels sur le chemin critique, de la création de la donnée à son partage.",
    )
    national_services: list[Label] = Field(
        default_factory=list, description="Services et référentiels socles utilisés."
    )
    barriers: list[Label] = Field(default_factory=list, description="Freins.")
    current: SheetState = Field(description="Présentation des flux : état des lieux de l'existant.")
    target: SheetState = Field(description="Présentation des flux : perspective cible.")
    source: DeckSource
    notes: list[Note] = Field(default_factory=list)


class StatedCount(_Stated):
    """Nombre énoncé par une source (« 25 cas d'usage identifiés »), comparé à ce que le modèle recense."""

    id: Id
    statement: Label = Field(description="L'énoncé, cité tel quel.")
    value: Count = Field(ge=0, description="Le nombre énoncé.")
    measure: CountMeasure | None = Field(
        default=None,
        description="Ce que le modèle compte pour vérifier l'énoncé ; absent si le modèle ne recense pas ces éléments.",
    )
    scope: Id | None = Field(default=None, description="Task-force ou vue comptée, si la mesure en demande une.")
    sectors: list[Sector] = Field(
        default_factory=list, description="Pour les groupes transverses : les secteurs exacts couverts."
    )
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


def score(case: CatalogueCase, criteria: list[Criterion]) -> int | None:
    """Priority score of a case: the product of its marks on every criterion, or None if it was not scored."""
    if not case.scores:
        return None
    return math.prod(case.scores[c.id] for c in criteria)
