"""The orchestration views: who and what takes part in them, their schemas and their use cases.

A :class:`View` gathers the schemas (:class:`Scenario`) of an axis of work, their numbered use cases
(:class:`UseCase`) and the flows between services (:class:`model.flows.Flow`). Field descriptions are
French because they end up in the JSON Schema that editors and vendors read.
"""

from __future__ import annotations

from pydantic import Field

from model._base import Count, Flag, Id, Label, Note, Number, SourceRef, Text, _Entity, _Stated
from model.enums import Authentication, CatalogueStatus, Feature, RgaaCompliance, ServiceKind, SystemCategory
from model.flows import Flow


class Actor(_Stated):
    """Personne ou organisation qui agit dans un cas d'usage (« En tant que … »)."""

    id: Id
    name: Label = Field(description="Nom de l'acteur tel qu'il figure dans le cadre.")
    description: Text | None = None
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class Service(_Stated):
    """Service numérique, portail, référentiel ou système d'information."""

    id: Id
    name: Label = Field(description="Nom complet du service.")
    short_name: Label | None = Field(default=None, description="Sigle ou nom court (ex. « MES »).")
    kind: ServiceKind = Field(description="Nature du service.")
    category: SystemCategory = Field(description="Catégorie de système (couleur des schémas).")
    part_of: Id | None = Field(default=None, description="Service dont celui-ci est une partie (ex. l'agenda de MES).")
    generic: Flag = Field(
        default=False,
        description="Vrai si l'entrée désigne une famille de services plutôt qu'un service nommé.",
    )
    mes_catalogue: CatalogueStatus | None = Field(
        default=None, description="Situation vis-à-vis du catalogue de Mon espace santé, si le cadre la dit."
    )
    authentication: Authentication | None = Field(
        default=None,
        description=(
            "L'usager doit-il s'authentifier pour accéder aux fonctionnalités ? « not_stated » quand le "
            "cadre ne le dit pas (recommandation 4.1.2)."
        ),
    )
    rgaa: RgaaCompliance | None = Field(
        default=None,
        description=(
            "Conformité du service au RGAA, telle qu'elle est déclarée ; « not_stated » quand le cadre ne la "
            "dit pas (recommandation 4.1.7)."
        ),
    )
    features: list[Feature] = Field(
        default_factory=list,
        description="Fonctionnalités offertes à l'usager, quand le cadre les énumère (recommandation 4.2.1).",
    )
    description: Text
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class Group(_Stated):
    """Regroupement de services sur un schéma, tel que la source le dessine."""

    id: Id
    label: Label = Field(description="Intitulé du regroupement sur le schéma.")
    members: list[Id] = Field(min_length=1, description="Services regroupés.")


class Step(_Entity):
    """Flèche d'un schéma d'orchestration, numérotée par le cas d'usage qui l'emprunte."""

    from_: Id = Field(alias="from", description="Acteur ou service de départ.")
    to: Id = Field(description="Acteur ou service d'arrivée.")


class UseCase(_Stated):
    """Cas d'usage : « En tant que … je souhaite … et pour cela … »."""

    id: Id
    number: Count = Field(ge=1, description="Numéro du cas d'usage sur le schéma d'orchestration.")
    actors: list[Id] = Field(
        min_length=1,
        description="Acteurs (« En tant que … ») : un seul dans le cas courant, tous ceux que la cellule nomme sinon.",
    )
    goals: list[Text] = Field(
        min_length=1, description="Objectifs (« … je souhaite … ») : un par objectif que la cellule énonce."
    )
    means: Text = Field(description="Démarche (« … et pour cela … »).")
    services: list[Id] = Field(default_factory=list, description="Services mobilisés.")
    flows: list[Id] = Field(default_factory=list, description="Flux mobilisés.")
    steps: list[Step] = Field(default_factory=list, description="Flèches du schéma d'orchestration.")
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    @property
    def goal(self) -> str:
        """The goals in one line, as a title shows them (« … ; … »)."""
        return " ; ".join(self.goals)


class Scenario(_Stated):
    """Schéma d'orchestration d'une vue et ses cas d'usage numérotés."""

    id: Id
    title: Label = Field(description="Intitulé du schéma d'orchestration.")
    description: Text | None = None
    use_cases: list[UseCase] = Field(default_factory=list)
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class View(_Stated):
    """Vue d'orchestration du cadre : ses schémas, ses cas d'usage et ses flux."""

    id: Id
    title: Label = Field(description="Intitulé de la vue.")
    axis: Number = Field(description="Axe de travail auquel la vue se rattache.")
    description: Text
    services_in_scope: list[Label] = Field(
        default_factory=list,
        description=(
            "Services concernés en cible, tels que la section « Services concernés en cible » les énumère "
            "(domaines fonctionnels du schéma de l'architecture fonctionnelle du secteur médico-social)."
        ),
    )
    groups: list[Group] = Field(default_factory=list, description="Regroupements des schémas.")
    scenarios: list[Scenario] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)
