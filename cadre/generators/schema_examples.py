"""The examples published with each flow's schema: one valid message, and one invalid message per constraint.

The valid example fills every attribute of every class, optional ones included, with its example value
(one item in each list). The invalid examples are read from the schema itself, not from the
specification: for each kind of constraint the schema holds (:data:`BREACHES`: a required attribute, a
type, a format, an enumeration, a pattern, a length, a cardinality, no unknown attribute…), the valid
example is broken at the first place (root first, then each class in order) where that constraint
alone applies, so that a validator refuses it for that reason and no other. A constraint added to the
schemas (an ``enum`` for a coded attribute, say) gets its invalid example without touching this module.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from model import FlowSpec, ValueSet
from model.mos import SAMPLES

Path = tuple[str | int, ...]
Node = dict[str, Any]

UNKNOWN_PROPERTY = "champInconnu"
"""The attribute that the specification does not know, added by the ``additionalProperties`` example
(lengthened with ``X`` should a class have an attribute of that name)."""


@dataclass(frozen=True)
class Breach:
    """A kind of invalid example: the keyword (and format) it breaks, and what is wrong, in French."""

    keyword: str
    why: str
    format: str | None = None

    @property
    def constraint(self) -> str:
        """The constraint as the schema writes it: ``required`` or ``format: date``."""
        return f"{self.keyword}: {self.format}" if self.format else self.keyword


BREACHES: dict[str, Breach] = {
    "champ-obligatoire-absent": Breach("required", "un attribut obligatoire est absent"),
    "type-incorrect": Breach("type", "un attribut reçoit une valeur d'un autre type que le sien"),
    "champ-inconnu": Breach("additionalProperties", "le message porte un attribut que la spécification ne connaît pas"),
    "format-date-incorrect": Breach("format", "une date n'existe pas dans le calendrier, un 30 février", "date"),
    "format-date-heure-incorrect": Breach("format", "une date et heure porte une heure impossible, 25 h", "date-time"),
    "format-uri-incorrect": Breach("format", "une adresse n'est pas une URI absolue", "uri"),
    "valeur-hors-liste": Breach("enum", "un code n'appartient pas aux valeurs permises"),
    "motif-non-respecte": Breach("pattern", "un texte ne suit pas le motif imposé"),
    "texte-trop-court": Breach("minLength", "un texte est plus court que permis, vide par exemple"),
    "texte-trop-long": Breach("maxLength", "un texte est plus long que permis"),
    "liste-trop-courte": Breach(
        "minItems", "une liste a moins d'éléments que sa cardinalité minimale, aucun pour 1..*"
    ),
    "liste-trop-longue": Breach("maxItems", "une liste a plus d'éléments que sa cardinalité maximale"),
    "nombre-trop-petit": Breach("minimum", "un nombre est inférieur au minimum"),
    "nombre-trop-grand": Breach("maximum", "un nombre est supérieur au maximum"),
}
"""Every kind of invalid example, in the order they are published: file suffix → what it breaks."""

_WRONG_FORMAT = {"date": "2024-02-30", "date-time": "2024-01-31T25:00:00+01:00", "uri": "pas une adresse"}
_VALUE_KEYWORDS = ("enum", "const", "pattern", "format")


def valid_example(
    spec: FlowSpec, name: str | None = None, *, value_sets: dict[str, ValueSet] | None = None
) -> dict[str, Any]:
    """A valid message: every attribute of every class, optional ones included, with its example value.

    An attribute without an example takes a typical value: the first code of its value set, when the
    model holds its codes, else a sample of its type.
    """
    cls = spec.message_class(name or spec.classes[0].name)
    instance: dict[str, Any] = {}
    for attribute in cls.attributes:
        if attribute.class_:
            value: object = valid_example(spec, attribute.class_, value_sets=value_sets)
        elif attribute.example is not None:
            value = attribute.example
        else:
            assert attribute.type is not None  # checked by the model: a type or a class
            value_set = (value_sets or {}).get(attribute.value_set or "")
            value = value_set.codes[0].code if value_set and value_set.codes else SAMPLES[attribute.type]
        instance[attribute.name] = [value] if attribute.cardinality.endswith("*") else value
    return instance


def invalid_examples(schema: Node, valid: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``valid`` broken once for each kind of :data:`BREACHES` that ``schema`` holds, by file suffix."""
    found: dict[str, dict[str, Any]] = {}
    for name, breach in BREACHES.items():
        for mutate in _MUTATIONS[breach.keyword]:  # the preferred way first, everywhere
            place = next(
                (
                    (path, broken)
                    for node, value, path in _walk(schema, valid)
                    if (broken := mutate(node, value, breach.format)) is not _NONE
                ),
                None,
            )
            if place:
                found[name] = _replaced(valid, *place)
                break
    return found


def _walk(schema: Node, instance: Any) -> Iterator[tuple[Node, Any, Path]]:
    """Every schema node with the part of ``instance`` it validates and its path, breadth first."""
    queue: list[tuple[Node, Any, Path]] = [(schema, instance, ())]
    while queue:
        node, value, path = queue.pop(0)
        node = _resolved(schema, node)
        yield node, value, path
        if isinstance(value, dict):
            for key, child in node.get("properties", {}).items():
                if key in value:
                    queue.append((child, value[key], (*path, key)))
        elif isinstance(value, list) and value and isinstance(node.get("items"), dict):
            queue.append((node["items"], value[0], (*path, 0)))


def _resolved(root: Node, node: Node) -> Node:
    """``node`` with its ``allOf`` parts and local ``$ref`` (``#`` or ``#/$defs/Name``) merged into it."""
    while "$ref" in node or "allOf" in node:
        parts = [p for p in node.get("allOf", []) if isinstance(p, dict)]
        ref = str(node.get("$ref", ""))
        if ref:
            parts.append(root if ref == "#" else root["$defs"][ref.removeprefix("#/$defs/")])
        node = {k: v for k, v in node.items() if k not in {"$ref", "allOf"}}
        for part in parts:
            node = {**node, **part}
    return node


class _Missing:
    """No mutation at this node."""


_NONE: Any = _Missing()


def _required(node: Node, value: Any, _: str | None) -> Any:
    if not isinstance(value, dict) or not node.get("required"):
        return _NONE
    return {k: v for k, v in value.items() if k != node["required"][0]}


def _additional(node: Node, value: Any, _: str | None) -> Any:
    if not isinstance(value, dict) or node.get("additionalProperties") is not False:
        return _NONE
    known = node.get("properties", {})
    name = next(
        f"{UNKNOWN_PROPERTY}{'X' * n}" for n in range(len(known) + 1) if f"{UNKNOWN_PROPERTY}{'X' * n}" not in known
    )
    return {**value, name: "valeur"}


def _type(node: Node, value: Any, _: str | None) -> Any:
    # Not a formatted text: code generated in lax mode takes a number for a date-time (a timestamp).
    if _has_other(node, "type"):
        return _NONE
    wrong = {"string": 42, "number": "douze", "integer": "douze", "boolean": "oui"}
    return wrong.get(node.get("type", ""), _NONE)


def _type_of_formatted(node: Node, value: Any, _: str | None) -> Any:
    """For a message whose only simple attributes are dates: ``true``, not a number (a timestamp)."""
    if node.get("type") != "string" or any(k in node for k in ("enum", "const", "pattern")):
        return _NONE
    return True


def _format(node: Node, value: Any, fmt: str | None) -> Any:
    if node.get("format") != fmt or not isinstance(value, str) or _has_other(node, "format"):
        return _NONE
    return _WRONG_FORMAT[str(fmt)]


def _enum(node: Node, value: Any, _: str | None) -> Any:
    choices = node.get("enum")
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices) or _has_other(node, "enum"):
        return _NONE
    return next(c for c in ("valeur-hors-liste", "valeur-hors-liste-2") if c not in choices)


def _pattern(node: Node, value: Any, _: str | None) -> Any:
    if "pattern" not in node or not isinstance(value, str) or _has_other(node, "pattern"):
        return _NONE
    low, high = node.get("minLength", 0), node.get("maxLength", max(node.get("minLength", 0), 1))
    for text in (char * max(low, 1) for char in "x~0Z -"):
        if low <= len(text) <= high and re.search(node["pattern"], text) is None:
            return text
    return _NONE


def _length(longer: bool) -> Callable[[Node, Any, str | None], Any]:
    keyword = "maxLength" if longer else "minLength"

    def mutate(node: Node, value: Any, _: str | None) -> Any:
        if keyword not in node or not isinstance(value, str) or _has_other(node, keyword):
            return _NONE
        size = node[keyword] + 1 if longer else node[keyword] - 1
        return "x" * size if size >= 0 else _NONE

    return mutate


def _items(more: bool) -> Callable[[Node, Any, str | None], Any]:
    keyword = "maxItems" if more else "minItems"

    def mutate(node: Node, value: Any, _: str | None) -> Any:
        if keyword not in node or not isinstance(value, list) or not value or node.get("uniqueItems"):
            return _NONE
        size = node[keyword] + 1 if more else node[keyword] - 1
        return [value[i % len(value)] for i in range(size)] if size >= 0 else _NONE

    return mutate


def _bound(above: bool) -> Callable[[Node, Any, str | None], Any]:
    keyword = "maximum" if above else "minimum"

    def mutate(node: Node, value: Any, _: str | None) -> Any:
        if keyword not in node or isinstance(value, bool) or not isinstance(value, int | float):
            return _NONE
        return _NONE if _has_other(node, keyword) else node[keyword] + (1 if above else -1)

    return mutate


def _has_other(node: Node, keyword: str) -> bool:
    """Whether another constraint on a value would also refuse the broken value."""
    return any(k in node for k in _VALUE_KEYWORDS if k != keyword)


_MUTATIONS: dict[str, tuple[Callable[[Node, Any, str | None], Any], ...]] = {
    "required": (_required,),
    "additionalProperties": (_additional,),
    "type": (_type, _type_of_formatted),
    "format": (_format,),
    "enum": (_enum,),
    "pattern": (_pattern,),
    "minLength": (_length(longer=False),),
    "maxLength": (_length(longer=True),),
    "minItems": (_items(more=False),),
    "maxItems": (_items(more=True),),
    "minimum": (_bound(above=False),),
    "maximum": (_bound(above=True),),
}
"""For each keyword, the ways to break it, tried in order: the first that applies somewhere is used."""


def _replaced(instance: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """A copy of ``instance`` with the value at ``path`` replaced."""
    if not path:
        assert isinstance(value, dict)
        return dict(value)
    copied = copy.deepcopy(instance)
    parent: Any = copied
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return copied
