"""Closed vocabularies of the framework: the legend of its schemas and the states of its objects.

Codes are short English identifiers (what the YAML files and ``framework.json`` carry); every code has
the French label a reader sees on the site (``.label``).
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A code with a French label, defined in the subclass's ``_LABELS`` table."""

    @property
    def label(self) -> str:
        """French label shown to readers."""
        return _LABELS[type(self).__name__][self.value]


class SystemCategory(_Labelled):
    """Catégorie de système d'information (légende des schémas d'orchestration)."""

    ESMS = "esms"
    STATE_CORE_SERVICES = "state_core_services"
    TERRITORIAL_COORDINATION = "territorial_coordination"
    PORTALS = "portals"
    HEALTH_SECTOR = "health_sector"
    PAYERS_REGULATORS = "payers_regulators"


class DataCategory(_Labelled):
    """Catégorie de données échangées (pastilles de couleur des schémas de flux)."""

    ADMINISTRATIVE = "administrative"
    HEALTH = "health"
    SUPPORT = "support"
    FINANCIAL = "financial"
    SERVICE = "service"


class ServiceKind(_Labelled):
    """Nature d'un service numérique."""

    INFORMATION_PORTAL = "information_portal"
    SERVICE_PORTAL = "service_portal"
    CORE_SERVICE = "core_service"
    REFERENTIAL = "referential"
    INFORMATION_SYSTEM = "information_system"

    def is_a(self, other: ServiceKind) -> bool:
        """Whether a service of this kind is of kind ``other``.

        A service portal is also an information portal (recommendation 4.1.2).
        """
        return self == other or (self, other) == (ServiceKind.SERVICE_PORTAL, ServiceKind.INFORMATION_PORTAL)


class CatalogueStatus(_Labelled):
    """Situation d'un service vis-à-vis du catalogue de services de Mon espace santé."""

    REFERENCED = "referenced"
    UNDER_CONSIDERATION = "under_consideration"
    NOT_REFERENCED = "not_referenced"


class Direction(_Labelled):
    """Sens d'un flux."""

    UNIDIRECTIONAL = "unidirectional"
    BIDIRECTIONAL = "bidirectional"


class Nature(_Labelled):
    """Nature d'un flux : automatisé (entre systèmes) ou manuel (à l'initiative d'une personne)."""

    AUTOMATED = "automated"
    MANUAL = "manual"


class FlowStatus(_Labelled):
    """État d'avancement d'un flux."""

    EXISTING = "existing"
    IN_PROGRESS = "in_progress"
    TARGET = "target"


class Authentication(_Labelled):
    """Accès d'un service : avec ou sans authentification de l'usager (recommandation 4.1.2)."""

    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    NOT_STATED = "not_stated"


class RgaaCompliance(_Labelled):
    """Niveau de conformité d'un service au RGAA (recommandation 4.1.7)."""

    TOTAL = "total"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"
    NOT_STATED = "not_stated"


class Feature(_Labelled):
    """Fonctionnalité qu'un portail offre à l'usager, telle que le cadre la nomme."""

    AGENDA = "agenda"
    CONTRACTS = "contracts"
    RECORD_SUMMARY = "record_summary"
    APPOINTMENT_BOOKING = "appointment_booking"
    DOCUMENT_UPLOAD = "document_upload"
    REQUEST_FILING = "request_filing"
    REQUEST_TRACKING = "request_tracking"


class Severity(_Labelled):
    """Gravité d'un écart à une règle : erreur (le modèle se contredit) ou avertissement."""

    ERROR = "error"
    WARNING = "warning"


class AxisStatus(_Labelled):
    """État d'instruction d'un axe de travail dans la version du cadre."""

    INSTRUCTED = "instructed"
    TO_BE_INSTRUCTED = "to_be_instructed"


class NoteKind(_Labelled):
    """Nature d'une remarque sur la source."""

    OCR = "ocr"
    AMBIGUITY = "ambiguity"
    INCONSISTENCY = "inconsistency"
    INFERENCE = "inference"
    EDITORIAL = "editorial"


class Provenance(_Labelled):
    """Origine d'un jeu de valeurs."""

    NATIONAL = "national"
    EXTERNAL = "external"
    PROPOSAL = "proposal"


class CodesStatus(_Labelled):
    """Ce que le modèle porte des codes d'un jeu de valeurs."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    NOT_EMBEDDED = "not_embedded"


class QuestionTheme(_Labelled):
    """Thème d'un besoin ou questionnement (section 1.1.2)."""

    URBANISATION = "urbanisation"
    BUSINESS = "business"
    REGULATION = "regulation"
    INTEROPERABILITY = "interoperability"
    SECURITY = "security"


class Owner(_Labelled):
    """Organisme chargé d'une action des prochaines étapes."""

    CNSA = "cnsa"
    DNS = "dns"
    ANS = "ans"
    MINISTRY = "ministry"


class Sector(_Labelled):
    """Secteur d'une task-force du groupe de travail sur les cas d'usage."""

    ELDERLY = "pa"
    DISABILITY = "ph"
    HOME = "dom"

    @property
    def code(self) -> str:
        """Sigle du secteur tel que la source l'écrit (« PA », « PH », « DOM »)."""
        return self.value.upper()


class CountMeasure(_Labelled):
    """Ce que le modèle compte pour vérifier un nombre énoncé par une source."""

    TASK_FORCES = "task_forces"
    CASES = "cases"
    PRIORITISED_CASES = "prioritised_cases"
    OTHER_CASES = "other_cases"
    TRANSVERSE_GROUPS = "transverse_groups"
    CRITERIA = "criteria"
    VIEW_USE_CASES = "view_use_cases"
    VIEW_SCENARIOS = "view_scenarios"
    AXES = "axes"
    SECTORS = "sectors"


class SpecStatus(_Labelled):
    """Statut d'une spécification de flux, selon le cycle de vie des volets du CI-SIS."""

    DRAFT = "draft"
    PUBLIC_COMMENT = "public-comment"
    TRIAL_IMPLEMENTATION = "trial-implementation"
    FINAL_TEXT = "final-text"


class ActorKind(_Labelled):
    """Type d'acteur d'un processus collaboratif (« Personne », « Système » ou « Rôle »)."""

    PERSON = "person"
    SYSTEM = "system"
    ROLE = "role"


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


class DocumentKind(_Labelled):
    """Place d'un document dans le modèle."""

    SOURCE = "source"
    CITED = "cited"
    OUTSIDE = "outside"


class TextProvenance(_Labelled):
    """D'où viennent les mots d'un champ de texte du modèle."""

    VERBATIM = "verbatim"
    REWORDED = "reworded"
    INFERENCE = "inference"
    OUTSIDE = "outside"
    PROPOSAL = "proposal"


_LABELS: dict[str, dict[str, str]] = {
    "DocumentKind": {
        "source": "Source du modèle",
        "cited": "Document cité par les sources",
        "outside": "Référence extérieure aux sources",
    },
    "TextProvenance": {
        "verbatim": "cité",
        "reworded": "reformulé",
        "inference": "déduit",
        "outside": "extérieur",
        "proposal": "proposé",
    },
    "SpecStatus": {
        "draft": "Brouillon (draft)",
        "public-comment": "En concertation (public-comment)",
        "trial-implementation": "En expérimentation (trial-implementation)",
        "final-text": "Texte final (final-text)",
    },
    "ActorKind": {
        "person": "Personne",
        "system": "Système",
        "role": "Rôle",
    },
    "MosType": {
        "Identifiant": "Identifiant",
        "Texte": "Texte",
        "Code": "Code",
        "Date": "Date",
        "DateHeure": "DateHeure",
        "Numerique": "Numerique",
        "Indicateur": "Indicateur",
        "ObjetBinaire": "ObjetBinaire",
    },
    "Sector": {
        "pa": "Personnes âgées",
        "ph": "Personnes en situation de handicap",
        "dom": "Domicile",
    },
    "CountMeasure": {
        "task_forces": "Task-forces",
        "cases": "Cas d'usage recensés par la task-force",
        "prioritised_cases": "Cas d'usage prioritaires de la task-force",
        "other_cases": "Cas d'usage non prioritaires de la task-force",
        "transverse_groups": "Groupes de cas d'usage transverses (des secteurs indiqués)",
        "criteria": "Critères de priorisation",
        "view_use_cases": "Cas d'usage de la vue",
        "view_scenarios": "Schémas d'orchestration de la vue",
        "axes": "Axes de travail",
        "sectors": "Secteurs des task-forces",
    },
    "QuestionTheme": {
        "urbanisation": "Urbanisation",
        "business": "Métier",
        "regulation": "Réglementation",
        "interoperability": "Interopérabilité",
        "security": "Sécurité",
    },
    "Owner": {
        "cnsa": "CNSA",
        "dns": "DNS",
        "ans": "ANS",
        "ministry": "Ministère",
    },
    "SystemCategory": {
        "esms": "SI ESMS ou ESSMS partenaire",
        "state_core_services": "Services socles de l'État",
        "territorial_coordination": "SI acteurs territoriaux et de coordination",
        "portals": "Portails",
        "health_sector": "SI secteur sanitaire (ES et ville)",
        "payers_regulators": "SI partenaires payeurs, régulateurs",
    },
    "DataCategory": {
        "administrative": "Données administratives",
        "health": "Données de santé",
        "support": "Données d'accompagnement",
        "financial": "Données financières",
        "service": "Données de service",
    },
    "ServiceKind": {
        "information_portal": "Portail d'information",
        "service_portal": "Portail de services",
        "core_service": "Service socle",
        "referential": "Référentiel",
        "information_system": "Système d'information",
    },
    "CatalogueStatus": {
        "referenced": "Référencé au catalogue de Mon espace santé",
        "under_consideration": "Référencement au catalogue de Mon espace santé en cours de réflexion",
        "not_referenced": "Non référencé au catalogue de Mon espace santé",
    },
    "Direction": {
        "unidirectional": "Unidirectionnel",
        "bidirectional": "Bidirectionnel",
    },
    "Nature": {
        "automated": "Automatisé",
        "manual": "Manuel",
    },
    "FlowStatus": {
        "existing": "Existant",
        "in_progress": "En cours",
        "target": "Cible",
    },
    "Authentication": {
        "required": "Authentification de l'usager exigée",
        "not_required": "Accès sans authentification",
        "not_stated": "Non précisé par le cadre",
    },
    "RgaaCompliance": {
        "total": "Totalement conforme au RGAA",
        "partial": "Partiellement conforme au RGAA",
        "non_compliant": "Non conforme au RGAA",
        "not_stated": "Non précisé par le cadre",
    },
    "Feature": {
        "agenda": "Agenda",
        "contracts": "Contrats signés (contrat de séjour ou de service, CAST, DIPC)",
        "record_summary": "Synthèse du dossier usager informatisé",
        "appointment_booking": "Prise de rendez-vous en ligne",
        "document_upload": "Ajout de documents ou de données de santé",
        "request_filing": "Dépôt de demandes en ligne",
        "request_tracking": "Suivi des demandes (tableaux de bord)",
    },
    "Severity": {
        "error": "Erreur",
        "warning": "Avertissement",
    },
    "AxisStatus": {
        "instructed": "Instruit dans la version actuelle du cadre",
        "to_be_instructed": "À instruire",
    },
    "Provenance": {
        "national": "Jeu national (nomenclatures de l'ANS)",
        "external": "Terminologie internationale",
        "proposal": "Proposition du cadre",
    },
    "CodesStatus": {
        "complete": "Tous les codes sont publiés ici",
        "partial": "Liste partielle",
        "not_embedded": "Codes non embarqués",
    },
    "NoteKind": {
        "ocr": "Lecture de la source (OCR)",
        "ambiguity": "Ambiguïté de la source",
        "inconsistency": "Incohérence de la source",
        "inference": "Déduction à partir du texte",
        "editorial": "Choix de transcription",
    },
}
