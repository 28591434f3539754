"""The concepts of the framework as pydantic classes.

Each YAML file under ``model/content/`` is a :class:`Framework` fragment (any subset of its lists); the
loader merges the fragments into one :class:`Framework`. Field descriptions are French because they end
up in the JSON Schema that editors and vendors read.
"""

from __future__ import annotations

import re
from typing import Self

from pydantic import ConfigDict, Field, PrivateAttr, model_validator

from model._base import (
    Count,
    Document,
    Flag,
    Id,
    Label,
    Location,
    Note,
    Number,
    SourceRef,
    Text,
    _Entity,
    _Stated,
)
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
from model.enums import (
    Authentication,
    AxisStatus,
    CatalogueStatus,
    Feature,
    Owner,
    QuestionTheme,
    RgaaCompliance,
    ServiceKind,
    SystemCategory,
)
from model.flow_spec import FlowSpec
from model.flows import Flow
from model.releases import Release, Releases
from model.rules import Rule
from model.value_sets import ValueSet
from model.versions import Version


class Axis(_Stated):
    """Axe de travail du domaine d'étude."""

    id: Number
    title: Label = Field(description="Intitulé de l'axe.")
    status: AxisStatus = Field(description="État d'instruction dans la version actuelle du cadre.")
    description: Text | None = None
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


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


class Recommendation(_Stated):
    """Recommandation (principe thématique ou règle d'urbanisation)."""

    id: Number
    axis: Number = Field(description="Axe de travail de la recommandation.")
    text: Text
    services: list[Id] = Field(default_factory=list, description="Services concernés.")
    service_kinds: list[ServiceKind] = Field(default_factory=list, description="Natures de services concernées.")
    flows: list[Id] = Field(default_factory=list, description="Flux concernés.")
    rule: Rule | None = Field(
        default=None, description="La règle qui vérifie la recommandation sur le modèle, quand elle peut l'être."
    )
    not_checkable: Text | None = Field(
        default=None, description="Pourquoi la recommandation ne peut pas être vérifiée sur le modèle."
    )
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _checked_or_why_not(self) -> Self:
        """Every recommendation says whether the model can check it."""
        if self.rule is None and self.not_checkable is None:
            raise ValueError(
                f"la recommandation {self.id} ne dit pas si elle est vérifiable"
                " → ajoutez « rule: » (la règle qui la vérifie) ou « not_checkable: » (pourquoi elle ne peut"
                " pas l'être)"
            )
        if self.rule is not None and self.not_checkable is not None:
            raise ValueError(
                f"la recommandation {self.id} a à la fois « rule » et « not_checkable » → gardez l'un des deux"
            )
        return self


class Overview(_Stated):
    """Texte de présentation du cadre : son périmètre, les limites de la version, ses renvois à d'autres domaines."""

    id: Id
    title: Label = Field(description="Intitulé du passage.")
    text: Text
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class Stake(_Stated):
    """Enjeu du domaine d'étude, issu de la phase d'analyse de l'existant (section 1.1.1)."""

    id: Id
    title: Label = Field(description="Intitulé court de l'enjeu.")
    text: Text
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class Question(_Stated):
    """Besoin ou questionnement exprimé par les acteurs, et l'axe qui y répond (section 1.1.2)."""

    id: Id
    number: Count = Field(ge=1, description="Rang de la question dans le tableau de la section 1.1.2.")
    theme: QuestionTheme = Field(description="Thème de la question.")
    text: Text
    axis: Number = Field(description="Axe de travail qui répond à la question.")
    also_addressed_in: Label | None = Field(
        default=None, description="Autre domaine d'étude qui traite aussi la question (ex. « DE7 »)."
    )
    answered_by: list[Number] = Field(
        default_factory=list,
        description=(
            "Recommandations qui répondent à la question. Rapprochement fait par les éditeurs du modèle : "
            "la source ne relie chaque question qu'à un axe. Vide si aucune recommandation n'y répond."
        ),
    )
    answered_in: list[Id] = Field(
        default_factory=list,
        description=(
            "Documents cités par le cadre (« documents.yaml », kind « cited ») dont la note de bas de page "
            "répond à la question : la page de la question montre la note telle quelle."
        ),
    )
    answered_in_text: list[Location] = Field(
        default_factory=list,
        description=(
            "Passages du texte du cadre qui répondent à la question, sans être une recommandation : la section "
            "et les mots de la source (« quote »), montrés tels quels sur la page des questionnements."
        ),
    )
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


class NextStep(_Stated):
    """Action à mener, par axe, et les organismes qui la portent (section 1.6)."""

    id: Id
    axis: Number = Field(description="Axe de travail de l'action.")
    owners: list[Owner] = Field(min_length=1, description="Organismes chargés de l'action.")
    action: Text
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)


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
