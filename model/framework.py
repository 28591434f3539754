"""The whole framework: the root class of the model, of which each YAML file holds a part.

Each YAML file under ``model/content/`` is a :class:`Framework` fragment (any subset of its lists); the
loader merges the fragments into one :class:`Framework`. Field descriptions are French because they end
up in the JSON Schema that editors and vendors read.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field, PrivateAttr

from model._base import Document, _Entity
from model.architecture import ArchitectureFigure
from model.catalogue import (
    CatalogueCase,
    Criterion,
    StatedCount,
    TaskForce,
    TransverseGroup,
    UseCaseSheet,
    WorkingGroup,
)
from model.flow_spec import FlowSpec
from model.glossary import Term
from model.releases import Release, Releases
from model.texts import Axis, NextStep, Overview, Question, Recommendation, Stake
from model.value_sets import ValueSet
from model.versions import Version
from model.views import Actor, Service, View


class Framework(_Entity):
    """Le cadre d'urbanisation : l'ensemble du modèle, ou un fichier YAML qui en porte une partie."""

    model_config = ConfigDict(
        title="Cadre d'urbanisation sectoriel médico-social — domaine d'étude 4",
        extra="forbid",
        frozen=True,
        populate_by_name=True,
    )

    documents: list[Document] = Field(default_factory=list, description="Documents sources du modèle.")
    axes: list[Axis] = Field(default_factory=list, description="Axes de travail du domaine d'étude.")
    actors: list[Actor] = Field(default_factory=list, description="Acteurs des cas d'usage (« En tant que … »).")
    services: list[Service] = Field(
        default_factory=list, description="Services numériques, portails, référentiels et systèmes d'information."
    )
    views: list[View] = Field(
        default_factory=list, description="Vues d'orchestration, avec leurs schémas, cas d'usage et flux."
    )
    functional_architecture: list[ArchitectureFigure] = Field(
        default_factory=list,
        description=(
            "Schéma de l'architecture fonctionnelle du secteur médico-social, repris en tête des sections 1.2 à 1.5."
        ),
    )
    flow_specs: list[FlowSpec] = Field(
        default_factory=list, description="Spécifications des flux, à la manière d'un volet du CI-SIS."
    )
    value_sets: list[ValueSet] = Field(
        default_factory=list, description="Jeux de valeurs des attributs codés des spécifications de flux."
    )
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="Recommandations (principes thématiques et règles d'urbanisation)."
    )
    overview: list[Overview] = Field(default_factory=list, description="Textes de présentation du cadre.")
    stakes: list[Stake] = Field(default_factory=list, description="Enjeux du domaine d'étude (section 1.1.1).")
    questions: list[Question] = Field(
        default_factory=list, description="Besoins et questionnements des acteurs (section 1.1.2)."
    )
    next_steps: list[NextStep] = Field(default_factory=list, description="Prochaines étapes par axe (section 1.6).")
    glossary: list[Term] = Field(default_factory=list, description="Termes et sigles du glossaire.")
    working_groups: list[WorkingGroup] = Field(
        default_factory=list, description="Groupes de travail de l'ANS sur les cas d'usage."
    )
    criteria: list[Criterion] = Field(
        default_factory=list, description="Critères de priorisation des cas d'usage du catalogue."
    )
    task_forces: list[TaskForce] = Field(
        default_factory=list, description="Task-forces du groupe de travail (PA, PH, domicile)."
    )
    catalogue: list[CatalogueCase] = Field(
        default_factory=list, description="Cas d'usage du catalogue du groupe de travail."
    )
    transverse_groups: list[TransverseGroup] = Field(
        default_factory=list, description="Groupes de cas d'usage transverses."
    )
    sheets: list[UseCaseSheet] = Field(default_factory=list, description="Fiches détaillées de cas d'usage.")
    stated_counts: list[StatedCount] = Field(
        default_factory=list, description="Nombres énoncés par les sources, recalculés par le modèle."
    )
    versions: list[Version] = Field(
        default_factory=list, description="Versions publiées du cadre (page « Historique des versions »)."
    )
    _releases: Releases = PrivateAttr(default_factory=dict)

    @property
    def releases(self) -> Releases:
        """The released versions of the flows' schemas (``model/releases/``), oldest first; not part of the YAML.

        They are read from their frozen files by :func:`model.load_framework` (:mod:`model.releases`),
        not validated from the YAML: a model built in memory has none.
        """
        return self._releases

    def with_releases(self, releases: Releases) -> Framework:
        """A copy of the framework that holds the released versions ``releases``."""
        copy = self.model_copy()
        copy._releases = {flow: tuple(items) for flow, items in releases.items()}
        return copy

    def released(self, flow: str) -> tuple[Release, ...]:
        """The released versions of ``flow``'s schema, oldest first."""
        return self._releases.get(flow, ())
