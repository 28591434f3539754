"""What the framework says: its axes of work, recommendations, presentation, stakes, questions and next steps.

Field descriptions are French because they end up in the JSON Schema that editors and vendors read.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from model._base import Count, Id, Label, Location, Note, Number, SourceRef, Text, _Stated
from model.enums import AxisStatus, Owner, QuestionTheme, ServiceKind
from model.rules import Rule


class Axis(_Stated):
    """Axe de travail du domaine d'étude."""

    id: Number
    title: Label = Field(description="Intitulé de l'axe.")
    status: AxisStatus = Field(description="État d'instruction dans la version actuelle du cadre.")
    description: Text | None = None
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
