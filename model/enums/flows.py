"""What a flow carries and how, and what its specification and value sets say of themselves.

A flow has a category of data, a direction, a nature and a state; its specification has a status, actors
and attributes typed as in the MOS; the value sets of its coded attributes have an origin and more or
less of their codes.
"""

from __future__ import annotations

from model.enums._labelled import _Labelled, labels


@labels(
    {
        "administrative": "Données administratives",
        "health": "Données de santé",
        "support": "Données d'accompagnement",
        "financial": "Données financières",
        "service": "Données de service",
    }
)
class DataCategory(_Labelled):
    """Catégorie de données échangées (pastilles de couleur des schémas de flux)."""

    ADMINISTRATIVE = "administrative"
    HEALTH = "health"
    SUPPORT = "support"
    FINANCIAL = "financial"
    SERVICE = "service"


@labels(
    {
        "unidirectional": "Unidirectionnel",
        "bidirectional": "Bidirectionnel",
    }
)
class Direction(_Labelled):
    """Sens d'un flux."""

    UNIDIRECTIONAL = "unidirectional"
    BIDIRECTIONAL = "bidirectional"


@labels(
    {
        "automated": "Automatisé",
        "manual": "Manuel",
    }
)
class Nature(_Labelled):
    """Nature d'un flux : automatisé (entre systèmes) ou manuel (à l'initiative d'une personne)."""

    AUTOMATED = "automated"
    MANUAL = "manual"


@labels(
    {
        "existing": "Existant",
        "in_progress": "En cours",
        "target": "Cible",
    }
)
class FlowStatus(_Labelled):
    """État d'avancement d'un flux."""

    EXISTING = "existing"
    IN_PROGRESS = "in_progress"
    TARGET = "target"


@labels(
    {
        "draft": "Brouillon (draft)",
        "public-comment": "En concertation (public-comment)",
        "trial-implementation": "En expérimentation (trial-implementation)",
        "final-text": "Texte final (final-text)",
    }
)
class SpecStatus(_Labelled):
    """Statut d'une spécification de flux, selon le cycle de vie des volets du CI-SIS."""

    DRAFT = "draft"
    PUBLIC_COMMENT = "public-comment"
    TRIAL_IMPLEMENTATION = "trial-implementation"
    FINAL_TEXT = "final-text"


@labels(
    {
        "person": "Personne",
        "system": "Système",
        "role": "Rôle",
    }
)
class ActorKind(_Labelled):
    """Type d'acteur d'un processus collaboratif (« Personne », « Système » ou « Rôle »)."""

    PERSON = "person"
    SYSTEM = "system"
    ROLE = "role"


@labels(
    {
        "Identifiant": "Identifiant",
        "Texte": "Texte",
        "Code": "Code",
        "Date": "Date",
        "DateHeure": "DateHeure",
        "Numerique": "Numerique",
        "Indicateur": "Indicateur",
        "ObjetBinaire": "ObjetBinaire",
    }
)
class MosType(_Labelled):
    """Type d'attribut du modèle des objets de santé (MOS) de l'ANS.

    Exception à la règle des codes en anglais : le code est le nom du type dans le MOS, celui que les
    éditeurs connaissent.
    """

    IDENTIFIER = "Identifiant"
    TEXT = "Texte"
    CODE = "Code"
    DATE = "Date"
    DATETIME = "DateHeure"
    NUMBER = "Numerique"
    INDICATOR = "Indicateur"
    BINARY = "ObjetBinaire"


@labels(
    {
        "national": "Jeu national (nomenclatures de l'ANS)",
        "external": "Terminologie internationale",
        "proposal": "Proposition du cadre",
    }
)
class Provenance(_Labelled):
    """Origine d'un jeu de valeurs."""

    NATIONAL = "national"
    EXTERNAL = "external"
    PROPOSAL = "proposal"


@labels(
    {
        "complete": "Tous les codes sont publiés ici",
        "partial": "Liste partielle",
        "not_embedded": "Codes non embarqués",
    }
)
class CodesStatus(_Labelled):
    """Ce que le modèle porte des codes d'un jeu de valeurs."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    NOT_EMBEDDED = "not_embedded"
