"""Rules of the working group's catalogue that span files: phases, numbers, scores and stated counts."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import TYPE_CHECKING

from model.catalogue import Criterion, StatedCount
from model.enums import CountMeasure
from model.problems import Problem

if TYPE_CHECKING:
    from model.fragment import Fragment

TASK_FORCE_MEASURES = {CountMeasure.CASES, CountMeasure.PRIORITISED_CASES, CountMeasure.OTHER_CASES}
VIEW_MEASURES = {CountMeasure.VIEW_USE_CASES, CountMeasure.VIEW_SCENARIOS}


def catalogue_rules(fragments: list[Fragment], declared_elsewhere: Set[str]) -> Iterator[Problem]:
    """Problems of the catalogue that no single class can see.

    A case's phase belongs to its task force; numbers are unique within a task force; a scored case
    has a mark, on the criterion's scale, for every criterion; a printed result needs marks; a stated
    count names a scope of the right kind exactly when its measure needs one.
    """
    phases = {tf.id: {p.id for p in tf.phases} for f in fragments for tf in f.framework.task_forces}
    criteria = {c.id: c for f in fragments for c in f.framework.criteria}
    views = {v.id for f in fragments for v in f.framework.views}
    numbers: dict[tuple[str, int, str | None], str] = {}
    for fragment in fragments:
        for i, case in enumerate(fragment.framework.catalogue):
            base = ("catalogue", i)
            known_phases = phases.get(case.task_force)
            if known_phases is not None and case.phase not in known_phases:
                yield fragment.problem(
                    (*base, "phase"),
                    f"l'étape « {case.phase} » n'est pas une étape de la task-force « {case.task_force} »",
                    "étapes de cette task-force : " + ", ".join(sorted(known_phases)),
                )
            key = (case.task_force, case.number, case.suffix)
            if key in numbers:
                yield fragment.problem(
                    (*base, "number"),
                    f"le numéro {case.number}{' ' + case.suffix if case.suffix else ''} est déjà celui "
                    f"du cas « {numbers[key]} » de la même task-force",
                    "ajoutez « suffix: bis » si la source numérote deux cas pareil, sinon corrigez le numéro",
                )
            numbers.setdefault(key, case.id)
            yield from _score_rules(fragment, base, case.scores, case.printed_result, criteria)
        for i, count in enumerate(fragment.framework.stated_counts):
            yield from _count_rules(fragment, ("stated_counts", i), count, phases.keys(), views, declared_elsewhere)


def _score_rules(
    fragment: Fragment,
    base: tuple[str, int],
    scores: dict[str, int],
    printed: int | None,
    criteria: dict[str, Criterion],
) -> Iterator[Problem]:
    if printed is not None and not scores:
        yield fragment.problem(
            (*base, "printed_result"),
            "un résultat imprimé est donné sans les notes par critère qui le produisent",
            "recopiez aussi les notes du tableau (scores), ou retirez printed_result",
        )
    if not scores:
        return
    missing = [c for c in criteria if c not in scores]
    if missing:
        yield fragment.problem(
            (*base, "scores"),
            "notes manquantes pour " + ", ".join(f"« {c} »" for c in missing),
            "un cas noté a une note pour chaque critère de priorisation",
        )
    for ident, value in scores.items():
        criterion = criteria.get(ident)
        if criterion is not None and criterion.scale:
            allowed = sorted(level.value for level in criterion.scale)
            if value not in allowed:
                yield fragment.problem(
                    (*base, "scores", ident),
                    f"la note {value} n'est pas sur l'échelle du critère « {ident} »",
                    "notes possibles : " + ", ".join(str(v) for v in allowed),
                )


def _count_rules(
    fragment: Fragment,
    base: tuple[str, int],
    count: StatedCount,
    task_forces: Set[str],
    views: set[str],
    declared_elsewhere: Set[str],
) -> Iterator[Problem]:
    measure = count.measure
    if measure in TASK_FORCE_MEASURES:
        expected, noun, known = "task-force", "task-force", task_forces
    elif measure in VIEW_MEASURES:
        expected, noun, known = "vue", "vue", views
    else:
        if count.scope is not None:
            yield fragment.problem(
                (*base, "scope"),
                "cette mesure ne porte pas sur une task-force ou une vue particulière",
                "retirez « scope »",
            )
        if count.sectors and measure is not CountMeasure.TRANSVERSE_GROUPS:
            yield fragment.problem(
                (*base, "sectors"),
                "« sectors » ne sert qu'à compter des groupes transverses",
                "retirez « sectors » ou prenez la mesure « transverse_groups »",
            )
        return
    if count.scope is None:
        yield fragment.problem(
            (*base, "measure"),
            f"la mesure « {measure} » compte dans une {noun} : laquelle ?",
            f"ajoutez « scope: » avec l'identifiant d'une {noun}",
        )
    elif count.scope not in known and count.scope not in declared_elsewhere:
        yield fragment.problem(
            (*base, "scope"),
            f"{expected} « {count.scope} » inconnue",
            "identifiants connus : " + ", ".join(sorted(known)),
        )
