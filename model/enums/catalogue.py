"""The working group's catalogue: the sector of a task-force and what a stated count counts."""

from __future__ import annotations

from model.enums._labelled import _Labelled, labels


@labels(
    {
        "pa": "Personnes âgées",
        "ph": "Personnes en situation de handicap",
        "dom": "Domicile",
    }
)
class Sector(_Labelled):
    """Secteur d'une task-force du groupe de travail sur les cas d'usage."""

    ELDERLY = "pa"
    DISABILITY = "ph"
    HOME = "dom"

    @property
    def code(self) -> str:
        """Sigle du secteur tel que la source l'écrit (« PA », « PH », « DOM »)."""
        return self.value.upper()


@labels(
    {
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
    }
)
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
