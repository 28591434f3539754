"""Checks that bind coded attributes to value sets: every code has its set, every example is one of its codes."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from model._base import shown
from model.enums import CodesStatus, MosType
from model.problems import Problem
from model.value_sets import ValueSet

if TYPE_CHECKING:
    from model.fragment import Fragment

SHOWN_CODES = 8
"""How many codes of a set an error message lists."""


def value_set_rules(
    fragments: list[Fragment], declared_elsewhere: frozenset[str] | set[str], *, complete: bool
) -> Iterator[Problem]:
    """Each coded attribute without a set, bound to an unknown set, or whose example is not one of its codes.

    With ``complete`` false (a file failed), a set may be defined in that file: an unknown set is then
    not reported, nor is an example checked against a set that is not known.
    """
    sets = {vs.id: vs for fragment in fragments for vs in fragment.framework.value_sets}
    for fragment in fragments:
        for i, spec in enumerate(fragment.framework.flow_specs):
            for c, cls in enumerate(spec.classes):
                for a, attribute in enumerate(cls.attributes):
                    path = ("flow_specs", i, "classes", c, "attributes", a)
                    where = f"{cls.name}.{attribute.name}"
                    if attribute.type is not MosType.CODE:
                        continue
                    if attribute.value_set is None:
                        yield fragment.problem(
                            (*path, "type"),
                            f"l'attribut codé « {where} » n'a pas de jeu de valeurs",
                            "ajoutez « value_set: » avec l'identifiant d'un jeu de valeurs du modèle"
                            " (model/content/value-sets/) : sans lui, un éditeur ne sait pas quels codes envoyer",
                        )
                        continue
                    value_set = sets.get(attribute.value_set)
                    if value_set is None:
                        if complete and attribute.value_set not in declared_elsewhere:
                            yield fragment.problem((*path, "value_set"), *_unknown(attribute.value_set, sets))
                        continue
                    if attribute.example is not None and value_set.codes_status is not CodesStatus.NOT_EMBEDDED:
                        problem = _example_problem(where, attribute.example, value_set)
                        if problem:
                            yield fragment.problem((*path, "example"), *problem)
        for v, value_set in enumerate(fragment.framework.value_sets):
            for r, related in enumerate(value_set.related):
                if related not in sets and related not in declared_elsewhere and complete:
                    yield fragment.problem(("value_sets", v, "related", r), *_unknown(related, sets))


def _unknown(ident: str, sets: dict[str, ValueSet]) -> tuple[str, str]:
    close = difflib.get_close_matches(ident, list(sets), n=3, cutoff=0.7)
    if close:
        fix = "vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?"
    else:
        fix = (
            "ajoutez ce jeu de valeurs dans model/content/value-sets/ : national (ANS) avec ses codes publiés,"
            " ou proposition du cadre nommée « CADRE-DE4-… » avec vos codes"
        )
    return f"jeu de valeurs « {shown(ident)} » inconnu", fix


def _example_problem(where: str, example: object, value_set: ValueSet) -> tuple[str, str] | None:
    """Why the example of a coded attribute is not one of its set's codes, and the fix; None if it is."""
    if isinstance(example, str) and value_set.concept(example) is not None:
        return None
    codes = [c.code for c in value_set.codes]
    close = difflib.get_close_matches(str(example), codes, n=3) if isinstance(example, str) else []
    listed = ", ".join(f"« {c} »" for c in (close or codes[:SHOWN_CODES]))
    more = "" if close or len(codes) <= SHOWN_CODES else f" (et {len(codes) - SHOWN_CODES} autres, voir la page du jeu)"
    return (
        f"l'exemple « {shown(example)} » de « {where} » n'est pas un code du jeu de valeurs « {value_set.id} »",
        f"choisissez un code du jeu : {listed}{more}",
    )
