"""What a service is and offers: its kind, its category, its access, its accessibility, its features.

The category is the legend of the orchestration schemas; the catalogue status is the service's place in
Mon espace santé's catalogue of services.
"""

from __future__ import annotations

from model.enums._labelled import _Labelled, labels


@labels(
    {
        "esms": "SI ESMS ou ESSMS partenaire",
        "state_core_services": "Services socles de l'État",
        "territorial_coordination": "SI acteurs territoriaux et de coordination",
        "portals": "Portails",
        "health_sector": "SI secteur sanitaire (ES et ville)",
        "payers_regulators": "SI partenaires payeurs, régulateurs",
    }
)
class SystemCategory(_Labelled):
    """Catégorie de système d'information (légende des schémas d'orchestration)."""

    ESMS = "esms"
    STATE_CORE_SERVICES = "state_core_services"
    TERRITORIAL_COORDINATION = "territorial_coordination"
    PORTALS = "portals"
    HEALTH_SECTOR = "health_sector"
    PAYERS_REGULATORS = "payers_regulators"


@labels(
    {
        "information_portal": "Portail d'information",
        "service_portal": "Portail de services",
        "core_service": "Service socle",
        "referential": "Référentiel",
        "information_system": "Système d'information",
    }
)
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


@labels(
    {
        "referenced": "Référencé au catalogue de Mon espace santé",
        "under_consideration": "Référencement au catalogue de Mon espace santé en cours de réflexion",
        "not_referenced": "Non référencé au catalogue de Mon espace santé",
    }
)
class CatalogueStatus(_Labelled):
    """Situation d'un service vis-à-vis du catalogue de services de Mon espace santé."""

    REFERENCED = "referenced"
    UNDER_CONSIDERATION = "under_consideration"
    NOT_REFERENCED = "not_referenced"


@labels(
    {
        "required": "Authentification de l'usager exigée",
        "not_required": "Accès sans authentification",
        "not_stated": "Non précisé par le cadre",
    }
)
class Authentication(_Labelled):
    """Accès d'un service : avec ou sans authentification de l'usager (recommandation 4.1.2)."""

    REQUIRED = "required"
    NOT_REQUIRED = "not_required"
    NOT_STATED = "not_stated"


@labels(
    {
        "total": "Totalement conforme au RGAA",
        "partial": "Partiellement conforme au RGAA",
        "non_compliant": "Non conforme au RGAA",
        "not_stated": "Non précisé par le cadre",
    }
)
class RgaaCompliance(_Labelled):
    """Niveau de conformité d'un service au RGAA (recommandation 4.1.7)."""

    TOTAL = "total"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"
    NOT_STATED = "not_stated"


@labels(
    {
        "agenda": "Agenda",
        "contracts": "Contrats signés (contrat de séjour ou de service, CAST, DIPC)",
        "record_summary": "Synthèse du dossier usager informatisé",
        "appointment_booking": "Prise de rendez-vous en ligne",
        "document_upload": "Ajout de documents ou de données de santé",
        "request_filing": "Dépôt de demandes en ligne",
        "request_tracking": "Suivi des demandes (tableaux de bord)",
    }
)
class Feature(_Labelled):
    """Fonctionnalité qu'un portail offre à l'usager, telle que le cadre la nomme."""

    AGENDA = "agenda"
    CONTRACTS = "contracts"
    RECORD_SUMMARY = "record_summary"
    APPOINTMENT_BOOKING = "appointment_booking"
    DOCUMENT_UPLOAD = "document_upload"
    REQUEST_FILING = "request_filing"
    REQUEST_TRACKING = "request_tracking"
