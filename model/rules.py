"""Recommendations made checkable: a rule written beside the text of a recommendation.

A rule chooses services (:class:`Selector`) and states what each of them must be (:class:`Requirement`),
in the model's own fields, so that an editor can read and write it in YAML. :mod:`model.conformity`
applies the rules to a loaded model.
"""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from model._base import Id, Text, _Entity, _Stated
from model.enums import Authentication, CatalogueStatus, Feature, RgaaCompliance, ServiceKind, Severity


class Selector(_Entity):
    """Services auxquels la règle s'applique : ceux qui remplissent toutes les conditions données."""

    kinds: list[ServiceKind] = Field(
        default_factory=list,
        description=(
            "Natures de services visées. Tout portail de services est aussi un portail d'information "
            "(recommandation 4.1.2) : « information_portal » vise aussi les portails de services."
        ),
    )
    services: list[Id] = Field(default_factory=list, description="Services visés, nommément.")
    exchanging_with: Id | None = Field(
        default=None,
        description=(
            "Ne retenir que les services qui échangent au moins un flux (émis ou reçu) avec ce service "
            "ou l'une de ses briques (« part_of »)."
        ),
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not (self.kinds or self.services or self.exchanging_with):
            raise ValueError(
                "la règle ne dit pas à quels services elle s'applique"
                " → donnez « kinds », « services » ou « exchanging_with » sous « applies_to »"
            )
        return self


class Requirement(_Entity):
    """Ce que chaque service choisi doit être ; chaque champ donné est une exigence."""

    authentication: Authentication | None = Field(default=None, description="Authentification de l'usager exigée.")
    mes_catalogue: CatalogueStatus | None = Field(
        default=None, description="Situation exigée vis-à-vis du catalogue de Mon espace santé."
    )
    rgaa: RgaaCompliance | None = Field(default=None, description="Conformité au RGAA exigée.")
    part_of: Id | None = Field(
        default=None, description="Service dont le service doit être une partie (directement ou non)."
    )
    features: list[Feature] = Field(
        default_factory=list, description="Fonctionnalités que le service doit offrir, au minimum."
    )
    receives_from: list[Id] = Field(
        default_factory=list, description="Services dont le service doit recevoir un flux, chacun."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if not self.given():
            raise ValueError(
                "la règle n'exige rien"
                " → donnez sous « requires » au moins un champ : " + ", ".join(Requirement.model_fields)
            )
        return self

    def given(self) -> list[str]:
        """Names of the fields this requirement sets, in declaration order."""
        return [name for name in Requirement.model_fields if getattr(self, name) not in (None, [])]


class Rule(_Stated):
    """Règle vérifiable sur le modèle, tirée du texte d'une recommandation."""

    statement: Text = Field(description="Ce que la règle vérifie, en une phrase (affiché sur le site).")
    severity: Severity = Field(
        default=Severity.WARNING,
        description=(
            "« error » quand un écart voudrait dire que le modèle se contredit (une définition du cadre) : "
            "rien n'est alors généré ; « warning » quand le cadre prescrit une cible que les services réels "
            "peuvent ne pas encore atteindre : l'écart est signalé et publié comme « non conforme »."
        ),
    )
    applies_to: Selector = Field(description="Services auxquels la règle s'applique.")
    requires: Requirement = Field(description="Ce que chacun de ces services doit être.")
    limits: Text | None = Field(
        default=None, description="Ce que la règle ne vérifie pas du texte de la recommandation, et pourquoi."
    )
