"""What changed in one entry of the model between two states: one French line per changed field.

A short value is shown before and after, a long text as « texte modifié », a list by what it gained and
lost; a flow's legs are matched by their two ends, so that a leg whose state changed says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Entity = dict[str, Any]


def fields(old: Entity, new: Entity) -> Iterator[str]:
    """One line per field that differs; a field absent on one side and empty on the other is no change."""
    for key in dict.fromkeys([*old, *new]):
        before, after = _meaningful(old.get(key)), _meaningful(new.get(key))
        if before == after:
            continue
        if _short(before) and _short(after):
            yield f"{key} : {_value(before)} → {_value(after)}"
        elif isinstance(before, str) and isinstance(after, str):
            yield f"{key} : texte modifié"
        elif _legs(before) and _legs(after):
            yield from _leg_changes(key, before or [], after or [])
        elif isinstance(before, list | None) and isinstance(after, list | None):
            yield f"{key} : {_list_change(before or [], after or [])}"
        else:
            yield f"{key} : {'ajouté' if before is None else 'retiré' if after is None else 'modifié'}"


def use_case_title(entry: Entity) -> str:
    """A use case by its number and goals (``goal`` in a model written before use cases had several)."""
    goals = entry.get("goals") or [entry.get("goal")]
    return f"n° {entry.get('number')} — {' ; '.join(str(g) for g in goals)}"


def _legs(value: Any) -> bool:
    """Whether ``value`` is a flow's legs (or nothing): dicts that each join a service to another."""
    return value is None or (
        isinstance(value, list) and all(isinstance(v, dict) and "from" in v and "to" in v for v in value)
    )


def _leg_changes(key: str, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> Iterator[str]:
    """The legs matched by their two ends: each one added or removed, and each field of a kept one changed."""
    old = {(leg["from"], leg["to"]): leg for leg in before}
    new = {(leg["from"], leg["to"]): leg for leg in after}
    for ends in dict.fromkeys([*old, *new]):
        name = f"{key} {ends[0]} → {ends[1]}"
        if ends not in old:
            yield f"{name} : branche ajoutée"
        elif ends not in new:
            yield f"{name} : branche retirée"
        else:
            yield from (f"{name} : {line}" for line in fields(old[ends], new[ends]))


def _meaningful(value: Any) -> Any:
    """``None`` for an empty value: a field a newer model writes empty was not there before."""
    return None if value in (None, [], {}) else value


def _list_change(before: list[Any], after: list[Any]) -> str:
    added = [v for v in after if v not in before]
    removed = [v for v in before if v not in after]
    if not added and not removed:
        return "ordre modifié"
    if _scalars(added + removed):
        parts = ([f"ajouté {', '.join(map(str, added))}"] if added else []) + (
            [f"retiré {', '.join(map(str, removed))}"] if removed else []
        )
        return " ; ".join(parts)
    counts = [plural(len(added), "élément ajouté", "éléments ajoutés")] if added else []
    counts += [plural(len(removed), "élément retiré", "éléments retirés")] if removed else []
    return ", ".join(counts)


def plural(number: int, singular: str, plural: str) -> str:
    """``number`` and the noun that agrees with it (« 1 élément », « 2 éléments »)."""
    return f"{number} {singular if number < 2 else plural}"


def _short(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= 60)


def _scalars(values: list[Any]) -> bool:
    return all(isinstance(v, str | int | float | bool) for v in values)


def _value(value: Any) -> str:
    return "(absent)" if value is None else f"« {value} »"
