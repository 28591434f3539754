"""The specification of a flow in the manner of the CI-SIS: process, message content, technique, security.

A :class:`FlowSpec` says what a vendor implements for one flow of a view: who sends what to whom and
when, the classes of the message with their attributes (``nom : [card] Type``, types of the ANS
information model, the MOS), the business rules, the standard when a CI-SIS volet or a national API
already covers the exchange, and the security of the exchange. The JSON Schema of each flow is
generated from its classes.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import (
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from model._base import URL_HELP, HttpsUrl, Id, Label, Note, SourceRef, Text, _Stated, shown
from model.enums import ActorKind, MosType, SpecStatus
from model.mos import example_problem
from model.value_sets import ValueSetId

ClassName = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z][A-Za-z0-9]*$", max_length=60),
    Field(description="Nom de classe en UpperCamelCase, sans accent (ex. « RendezVous »)."),
]
AttributeName = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][A-Za-z0-9]*$", max_length=60),
    Field(description="Nom d'attribut en lowerCamelCase, sans accent (ex. « dateDebut »)."),
]
Cardinality = Literal["0..1", "1..1", "0..*", "1..*"]
Example = StrictStr | StrictInt | StrictFloat | StrictBool


class Attribute(_Stated):
    """Attribut d'une classe du message : ``nom : [card] Type``."""

    name: AttributeName
    cardinality: Cardinality = Field(description="Cardinalité : 0..1, 1..1, 0..* ou 1..*.")
    type: MosType | None = Field(default=None, description="Type du modèle des objets de santé (MOS).")
    class_: ClassName | None = Field(
        default=None, alias="class", description="Classe du même message, pour un attribut composé."
    )
    description: Text
    value_set: ValueSetId | None = Field(
        default=None,
        description=(
            "Jeu de valeurs du modèle (model/content/value-sets/) dont le code prend ses valeurs : national"
            " (JDV_…, TRE_…), international (LOINC, UCUM) ou proposé par le cadre (CADRE-DE4-…)."
        ),
    )
    example: Example | None = Field(
        default=None, description="Valeur de l'exemple publié avec le schéma (sinon, une valeur type est prise)."
    )

    @field_validator("example", mode="before")
    @classmethod
    def _example_of_its_type(cls, value: object, info: ValidationInfo) -> object:
        """The example is published with the flow's schema: it is a value of the attribute's MOS type."""
        if value is None:
            return value
        name = info.data.get("name", "?")
        if not isinstance(value, str | int | float):  # a bool is an int
            raise ValueError(
                f"l'exemple de « {name} » doit être une seule valeur (texte, nombre, true ou false),"
                f" pas « {shown(value)} » → écrivez une seule valeur, sans liste ni bloc"
            )
        mos_type = info.data.get("type")
        problem = example_problem(mos_type, value) if isinstance(mos_type, MosType) else None
        if problem:
            message, fix = problem
            raise ValueError(f"l'exemple de « {name} » {message} → {fix}")
        return value

    @model_validator(mode="after")
    def _typed(self) -> Self:
        """An attribute has a MOS type or a class, not both; only a code has a value set."""
        if (self.type is None) == (self.class_ is None):
            raise ValueError(
                f"l'attribut « {self.name} » doit avoir soit « type » (type MOS), soit « class » (classe du message)"
                " → gardez l'un des deux"
            )
        if self.value_set and self.type is not MosType.CODE:
            raise ValueError(
                f"l'attribut « {self.name} » a un jeu de valeurs mais n'est pas de type Code → écrivez « type: Code »"
            )
        if self.class_ and self.example is not None:
            raise ValueError(
                f"l'attribut composé « {self.name} » ne prend pas d'« example » → donnez les exemples dans sa classe"
            )
        return self


class MessageClass(_Stated):
    """Classe du contenu du message ; la première classe d'une spécification est le message lui-même."""

    name: ClassName
    description: Text
    attributes: list[Attribute] = Field(min_length=1, description="Attributs, dans l'ordre de présentation.")

    @model_validator(mode="after")
    def _unique_attributes(self) -> Self:
        """Two attributes of a class never share a name (they become one JSON property)."""
        names = [a.name for a in self.attributes]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"la classe « {self.name} » a deux attributs « {twice[0]} » → renommez l'un des deux")
        return self


class SpecActor(_Stated):
    """Acteur du processus collaboratif et son rôle dans le flux."""

    participant: Id = Field(description="Acteur ou service du modèle.")
    kind: ActorKind = Field(description="Personne, système ou rôle.")
    role: Label = Field(description="Rôle dans l'échange (ex. « Producteur », « Consommateur »).")


class Technical(_Stated):
    """Partie technique : le standard et le volet qui couvrent l'échange, s'ils existent."""

    standard: Label | None = Field(
        default=None, description="Standard (ex. « HL7 FHIR R4 ») ; absent : à instruire (axe 4.3)."
    )
    profile: Label | None = Field(default=None, description="Profil IHE ou ressources profilées.")
    interaction: Label | None = Field(
        default=None, description="Interaction (ex. « POST [base]/ (Bundle transaction) »)."
    )
    guide: Label | None = Field(default=None, description="Volet du CI-SIS ou API nationale qui couvre l'échange.")
    guide_url: HttpsUrl | None = Field(default=None, description=f"Adresse publique du volet. {URL_HELP}")
    comment: Text | None = Field(default=None, description="Ce qui reste à instruire ou à confirmer.")


class Security(_Stated):
    """Sécurité et identification : authentification, INS, consentement, traçabilité."""

    authentication: Text = Field(description="Authentification des systèmes et des personnes.")
    identification: Text = Field(description="Identification de la personne concernée (INS).")
    consent: Text = Field(description="Consentement ou information de la personne.")
    traceability: Text = Field(description="Traçabilité des échanges.")


class FlowSpec(_Stated):
    """Spécification d'un flux à la manière du CI-SIS (volet : processus, contenu, technique, sécurité)."""

    flow: Id = Field(description="Flux spécifié.")
    technical_name: ClassName = Field(
        description="Nom technique du flux en UpperCamelCase, au singulier, sans accent (ex. « AlimentationAgenda »)."
    )
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")] = Field(
        description="Version sémantique de la spécification (ex. « 1.0.0 ») ; elle entre dans l'$id du schéma."
    )
    status: SpecStatus = Field(description="Statut de la spécification, selon le cycle de vie du CI-SIS.")
    expected_service: Text = Field(description="Service attendu.")
    preconditions: list[Text] = Field(default_factory=list, description="Pré-conditions.")
    postconditions: list[Text] = Field(default_factory=list, description="Post-conditions.")
    constraints: list[Text] = Field(default_factory=list, description="Contraintes fonctionnelles.")
    trigger: Text = Field(description="Évènement déclencheur.")
    actors: list[SpecActor] = Field(min_length=1, description="Acteurs et rôles.")
    actions: list[Text] = Field(min_length=1, description="Actions du scénario nominal, dans l'ordre.")
    classes: list[MessageClass] = Field(
        min_length=1, description="Classes du message ; la première est le message lui-même."
    )
    rules: list[Text] = Field(default_factory=list, description="Règles métier (Règle01, Règle02…).")
    technical: Technical
    security: Security
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _classes(self) -> Self:
        """Class names are unique, composed attributes name a class of the message, and nothing loops.

        No class but the first bears the technical name, which is the type name of the message's root.
        """
        names = [c.name for c in self.classes]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"deux classes « {twice[0]} » dans le message → renommez l'une des deux")
        for cls in self.classes:
            for attribute in cls.attributes:
                if attribute.class_ and attribute.class_ not in names:
                    raise ValueError(
                        f"l'attribut « {cls.name}.{attribute.name} » renvoie à la classe « {attribute.class_} »,"
                        f" absente du message → classes du message : {', '.join(names)}"
                    )
        if self.technical_name in names[1:]:
            raise ValueError(
                f"le nom technique « {self.technical_name} » est aussi celui d'une classe du message : le schéma JSON"
                " nomme le message d'après le nom technique, le code généré aurait deux types de ce nom"
                " → renommez la classe ou le flux"
            )
        root = self.classes[0]
        if not any(a.type is not None and a.cardinality.startswith("1") for a in root.attributes):
            raise ValueError(
                f"le message « {root.name} » (première classe) n'a aucun attribut obligatoire de type MOS"
                " → rendez obligatoire (1..1) au moins un de ses attributs simples, son identifiant par exemple"
            )
        for cls in self.classes:
            if _reaches(self, cls.name, cls.name, set()):
                raise ValueError(f"la classe « {cls.name} » se contient elle-même → un message est un arbre de classes")
        return self

    def message_class(self, name: str) -> MessageClass:
        """The class of this message called ``name``."""
        return next(c for c in self.classes if c.name == name)


def _reaches(spec: FlowSpec, start: str, target: str, seen: set[str]) -> bool:
    for attribute in spec.message_class(start).attributes:
        child = attribute.class_
        if child is None or child in seen:
            continue
        if child == target:
            return True
        seen.add(child)
        if _reaches(spec, child, target, seen):
            return True
    return False
