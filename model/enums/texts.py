"""What the framework's texts are classified by, and how serious a departure from a recommendation is.

The state of an axis of work, the theme of a question, the organisations that carry a next step, and the
severity of a gap between the model and a recommendation's rule.
"""

from __future__ import annotations

from model.enums._labelled import _Labelled, labels


@labels(
    {
        "instructed": "Instruit dans la version actuelle du cadre",
        "to_be_instructed": "À instruire",
    }
)
class AxisStatus(_Labelled):
    """État d'instruction d'un axe de travail dans la version du cadre."""

    INSTRUCTED = "instructed"
    TO_BE_INSTRUCTED = "to_be_instructed"


@labels(
    {
        "urbanisation": "Urbanisation",
        "business": "Métier",
        "regulation": "Réglementation",
        "interoperability": "Interopérabilité",
        "security": "Sécurité",
    }
)
class QuestionTheme(_Labelled):
    """Thème d'un besoin ou questionnement (section 1.1.2)."""

    URBANISATION = "urbanisation"
    BUSINESS = "business"
    REGULATION = "regulation"
    INTEROPERABILITY = "interoperability"
    SECURITY = "security"


@labels(
    {
        "cnsa": "CNSA",
        "dns": "DNS",
        "ans": "ANS",
        "ministry": "Ministère",
    }
)
class Owner(_Labelled):
    """Organisme chargé d'une action des prochaines étapes."""

    CNSA = "cnsa"
    DNS = "dns"
    ANS = "ans"
    MINISTRY = "ministry"


@labels(
    {
        "error": "Erreur",
        "warning": "Avertissement",
    }
)
class Severity(_Labelled):
    """Gravité d'un écart à une règle : erreur (le modèle se contredit) ou avertissement."""

    ERROR = "error"
    WARNING = "warning"
