"""Value sets: the codes a coded attribute (``type: Code``) of a flow specification may take.

A :class:`ValueSet` says where its codes come from (:class:`Provenance`): a national value set or
terminology of the ANS (the NOS, ``JDV_…`` or ``TRE_…``, codes copied exactly as published), an
international terminology (LOINC, UCUM), or a proposal of this framework (``CADRE-DE4-…``, codes we
define, each with a display and a definition). A set whose codes are too many to carry, or could not
be found, says so (:class:`CodesStatus`) and where they are published: no code is ever invented.
"""

from __future__ import annotations

import re
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from model._base import URL_HELP, Flag, HttpsUrl, Label, Text, _Entity, _visible
from model.enums import CodesStatus, Provenance

PROPOSAL_PREFIX = "CADRE-DE4-"
"""Prefix of the value sets this framework proposes: never ``JDV_``/``TRE_``, which name the ANS's own."""

NATIONAL_PREFIXES = ("JDV_", "TRE_")
"""Prefixes of the ANS's value sets (``JDV_``) and reference terminologies (``TRE_``) in the NOS."""

ValueSetId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*([_-][A-Za-z0-9]+)*$", max_length=80),
    Field(
        description=(
            "Identifiant du jeu de valeurs : celui de l'ANS pour un jeu national"
            " (ex. « JDV_J30-TemporaliteAccueil-ROR »),"
            f" « {PROPOSAL_PREFIX}… » pour une proposition du cadre (ex. « {PROPOSAL_PREFIX}StatutEvenementAgenda »)."
        )
    ),
]
Code = Annotated[
    str,
    StringConstraints(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$"),
    AfterValidator(_visible),
    Field(description="Code, tel que le message le porte (sans espace au début ni à la fin)."),
]
Oid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-2](\.(0|[1-9][0-9]*))+$", max_length=100),
    Field(description="OID du jeu de valeurs (ex. « 1.2.250.1.213.3.3.32 »)."),
]


class Concept(_Entity):
    """Un code du jeu de valeurs, avec son libellé et, s'il y a lieu, sa définition."""

    code: Code
    display: Label | None = Field(
        default=None, description="Libellé, recopié à l'identique pour un jeu national ; absent s'il n'est pas publié."
    )
    definition: Text | None = Field(default=None, description="Définition du code.")
    system: HttpsUrl | None = Field(
        default=None, description=f"Système de codes du code, quand le jeu en mêle plusieurs. {URL_HELP}"
    )
    deprecated: Flag = Field(default=False, description="Vrai si la source publie le code comme obsolète.")


class ValueSet(_Entity):
    """Jeu de valeurs : les codes qu'un attribut de type Code peut prendre, et d'où ils viennent."""

    id: ValueSetId
    title: Label = Field(description="Intitulé du jeu de valeurs.")
    provenance: Provenance = Field(description="Origine : nationale (ANS), internationale, ou proposition du cadre.")
    description: Text
    oid: Oid | None = None
    url: HttpsUrl | None = Field(default=None, description=f"Adresse canonique (URL FHIR) du jeu. {URL_HELP}")
    version: Label | None = Field(default=None, description="Version publiée d'où les codes sont recopiés.")
    publication_status: Label | None = Field(
        default=None, description="Statut de publication par la source (ex. « active », « draft »)."
    )
    found_in: Text | None = Field(default=None, description="Où les codes ont été trouvés (dépôt, fichier, page).")
    systems: list[HttpsUrl] = Field(default_factory=list, description="Systèmes de codes dont viennent les codes.")
    codes_status: CodesStatus = Field(description="Codes embarqués en entier, en partie, ou non embarqués.")
    codes_url: HttpsUrl | None = Field(
        default=None,
        description=f"Où la liste complète des codes est publiée (obligatoire s'ils n'y sont pas tous). {URL_HELP}",
    )
    codes: list[Concept] = Field(default_factory=list, description="Codes, dans l'ordre de la source.")
    related: list[ValueSetId] = Field(
        default_factory=list, description="Autres jeux de valeurs du modèle à consulter (ex. l'équivalent national)."
    )
    remarks: list[Text] = Field(default_factory=list, description="Remarques : écarts, choix, points à vérifier.")

    @model_validator(mode="after")
    def _provenance(self) -> Self:
        """The identifier tells the provenance; a national set says where it comes from; codes are honest."""
        national = self.id.startswith(NATIONAL_PREFIXES)
        if self.provenance is Provenance.PROPOSAL:
            if not self.id.startswith(PROPOSAL_PREFIX) or not re.fullmatch(r"[A-Za-z0-9-]+", self.id):
                raise ValueError(
                    f"la proposition « {self.id} » doit être nommée « {PROPOSAL_PREFIX}… » → par exemple"
                    f" « {PROPOSAL_PREFIX}{_tail(self.id)} » (JDV_ et TRE_ désignent les jeux de l'ANS)"
                )
            if self.codes_status is not CodesStatus.COMPLETE:
                raise ValueError(
                    f"la proposition « {self.id} » définit tous ses codes → écrivez « codes_status: complete »"
                )
            missing = next((c.code for c in self.codes if not c.display or not c.definition), None)
            if missing is not None:
                raise ValueError(
                    f"le code « {missing} » de la proposition « {self.id} » n'a pas de libellé ou de définition"
                    " → donnez « display » et « definition » à chaque code d'une proposition"
                )
        elif self.id.startswith(PROPOSAL_PREFIX):
            raise ValueError(
                f"« {self.id} » est nommé comme une proposition du cadre → écrivez « provenance: proposal »"
            )
        elif self.provenance is Provenance.NATIONAL and not national:
            raise ValueError(
                f"le jeu national « {self.id} » doit porter l'identifiant de l'ANS (JDV_… ou TRE_…)"
                " → recopiez l'identifiant publié dans les nomenclatures (NOS)"
            )
        elif self.provenance is Provenance.EXTERNAL and national:
            raise ValueError(f"« {self.id} » est nommé comme un jeu de l'ANS → écrivez « provenance: national »")
        if self.provenance is not Provenance.PROPOSAL and not (self.url or self.oid):
            raise ValueError(
                f"« {self.id} » ne dit pas où il est publié → donnez « url » (adresse canonique) ou « oid »"
            )
        if self.provenance is Provenance.NATIONAL and not (self.version and self.found_in):
            raise ValueError(
                f"le jeu national « {self.id} » doit dire de quelle version et d'où ses codes sont recopiés"
                " → donnez « version » et « found_in »"
            )
        return self._codes()

    def _codes(self) -> Self:
        if self.codes_status is CodesStatus.NOT_EMBEDDED:
            if self.codes:
                raise ValueError(
                    f"« {self.id} » a des codes mais « codes_status: not_embedded » → écrivez « partial »"
                    " si la liste est incomplète"
                )
        elif not self.codes:
            raise ValueError(
                f"« {self.id} » n'a aucun code → donnez ses codes, ou écrivez « codes_status: not_embedded »"
                " avec « codes_url » (où ils sont publiés)"
            )
        if self.codes_status is not CodesStatus.COMPLETE and not self.codes_url:
            raise ValueError(
                f"les codes de « {self.id} » ne sont pas tous ici → donnez « codes_url », l'adresse où ils sont publiés"
            )
        seen: set[str] = set()
        for concept in self.codes:
            if concept.code in seen:
                raise ValueError(f"le code « {concept.code} » figure deux fois dans « {self.id} » → gardez-en un")
            seen.add(concept.code)
        return self

    @property
    def embedded(self) -> bool:
        """Whether every code of the set is carried by the model (the schema then lists them)."""
        return self.codes_status is CodesStatus.COMPLETE

    def concept(self, code: str) -> Concept | None:
        """The concept of ``code`` in this set, if the model carries it."""
        return next((c for c in self.codes if c.code == code), None)


def _tail(ident: str) -> str:
    """The meaningful part of an invented ``JDV_…`` name, to suggest a proposal's name."""
    return re.sub(r"^(JDV|TRE)_", "", ident).replace("_", "-")
