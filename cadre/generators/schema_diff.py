"""What changed between two versions of a JSON Schema, and whether it breaks existing implementations.

A change **breaks** (« rupture ») when a document valid under the old schema may be refused by the new
one, or when a field an implementation relies on disappears: a property removed, a property newly
required, a type or an enumeration narrowed, a constraint tightened, a ``$ref`` replaced. Everything
else (an optional property added, a type widened, a constraint relaxed) is compatible. Descriptions and
titles are documentation and are not compared. Each ``$defs`` entry is compared once, under its name;
a ``$ref`` is compared by the name it points to, also when wrapped in ``allOf`` (as the flows' schemas
write a single class, so that its description stays with the attribute).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

Schema = dict[str, Any]

# Keywords whose growth tightens (maximums: a smaller value refuses more) or relaxes.
_UPPER = ("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")
_LOWER = ("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")
_EXACT = ("pattern", "format", "const", "multipleOf")


@dataclass(frozen=True, order=True)
class Change:
    """One difference between two schemas, at a readable path (``Flow.status``, ``views[].flows``)."""

    path: str
    message: str
    breaking: bool


def compare(old: Schema, new: Schema) -> list[Change]:
    """Every difference between ``old`` and ``new``: the root, then each definition both have."""
    changes = list(_node(old, new, ""))
    old_defs, new_defs = old.get("$defs", {}), new.get("$defs", {})
    for name in sorted(set(old_defs) & set(new_defs)):
        changes += _node(old_defs[name], new_defs[name], name)
    return changes


def _node(old: Any, new: Any, path: str) -> Iterator[Change]:
    """Differences between two schema nodes (``true``/``false`` schemas included)."""
    if isinstance(old, bool) or isinstance(new, bool):
        if old != new:
            narrowed = new is False or old is True
            yield Change(path or "(racine)", f"schéma {'restreint' if narrowed else 'élargi'}", narrowed)
        return
    old, new = _merged(old), _merged(new)
    old_alts, new_alts = _alternatives(old), _alternatives(new)
    if len(old_alts) > 1 or len(new_alts) > 1 or _signature(old) != _signature(new):
        yield from _alternatives_changes(old_alts, new_alts, path)
        return
    yield from _same_kind(old, new, path)


def _merged(node: Schema) -> Schema:
    """``node`` with the parts of its ``allOf`` merged in: ``{"allOf": [{"$ref": …}]}`` is the class it names."""
    parts = node.get("allOf")
    if not isinstance(parts, list) or not all(isinstance(part, dict) for part in parts):
        return node
    merged = {k: v for k, v in node.items() if k != "allOf"}
    for part in parts:
        merged.update(_merged(part))
    return merged


def _alternatives(node: Schema) -> list[Schema]:
    """The schemas a value may match: the branches of ``anyOf``/``oneOf``, or one per listed type."""
    for key in ("anyOf", "oneOf"):
        if key in node and isinstance(node[key], list):
            return [branch for branch in node[key] if isinstance(branch, dict)]
    if isinstance(node.get("type"), list):
        return [{**node, "type": kind} for kind in node["type"]]
    return [node]


def _signature(node: Schema) -> str:
    """What kind of value a node stands for: its ``$ref`` target, its type, or ``any``."""
    if "$ref" in node:
        return "ref:" + str(node["$ref"]).rsplit("/", 1)[-1]
    if "type" in node and not isinstance(node["type"], list):
        return str(node["type"])
    if "enum" in node or "const" in node:
        return "enum"
    return "any"


def _shown(signature: str) -> str:
    return signature.removeprefix("ref:")


def _accepts(new: str, old: str) -> bool:
    return new in {old, "any"} or (new, old) == ("number", "integer")


def _alternatives_changes(old_alts: list[Schema], new_alts: list[Schema], path: str) -> Iterator[Change]:
    where = path or "(racine)"
    matched: set[int] = set()
    for old in old_alts:
        signature = _signature(old)
        match = next((i for i, n in enumerate(new_alts) if _signature(n) == signature and i not in matched), None)
        if match is None:
            match = next((i for i, n in enumerate(new_alts) if _accepts(_signature(n), signature)), None)
            if match is None:
                yield Change(where, f"type retiré : {_shown(signature)}", True)
                continue
            yield Change(where, f"type élargi : {_shown(signature)} → {_shown(_signature(new_alts[match]))}", False)
            matched.add(match)
            continue
        matched.add(match)
        yield from _same_kind(old, new_alts[match], path)
    for i, new in enumerate(new_alts):
        if i not in matched:
            yield Change(where, f"type ajouté : {_shown(_signature(new))}", False)


def _same_kind(old: Schema, new: Schema, path: str) -> Iterator[Change]:
    """Differences between two nodes that stand for the same kind of value."""
    where = path or "(racine)"
    yield from _enum(old, new, where)
    yield from _constraints(old, new, where)
    yield from _properties(old, new, path)
    if isinstance(old.get("items"), dict | bool) and isinstance(new.get("items"), dict | bool):
        yield from _node(old["items"], new["items"], f"{path}[]")
    yield from _additional(old, new, path)


def _enum(old: Schema, new: Schema, where: str) -> Iterator[Change]:
    if "enum" not in old and "enum" not in new:
        return
    if "enum" not in new:
        yield Change(where, "liste de valeurs supprimée : toute valeur admise", False)
        return
    if "enum" not in old:
        yield Change(where, "liste de valeurs ajoutée : " + ", ".join(map(str, new["enum"])), True)
        return
    for value in old["enum"]:
        if value not in new["enum"]:
            yield Change(where, f"valeur retirée : « {value} »", True)
    for value in new["enum"]:
        if value not in old["enum"]:
            yield Change(where, f"valeur ajoutée : « {value} »", False)


def _constraints(old: Schema, new: Schema, where: str) -> Iterator[Change]:
    for key in (*_UPPER, *_LOWER, *_EXACT, "uniqueItems"):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if after is None:
            yield Change(where, f"contrainte retirée : {key} = {before!r}", False)
        elif before is None:
            yield Change(where, f"contrainte ajoutée : {key} = {after!r}", key != "uniqueItems" or after is True)
        elif key in _UPPER:
            yield Change(where, f"{key} : {before!r} → {after!r}", after < before)
        elif key in _LOWER:
            yield Change(where, f"{key} : {before!r} → {after!r}", after > before)
        else:
            yield Change(where, f"{key} : {before!r} → {after!r}", True)


def _properties(old: Schema, new: Schema, path: str) -> Iterator[Change]:
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    prefix = f"{path}." if path else ""
    for name in old_props:
        if name not in new_props:
            yield Change(f"{prefix}{name}", "propriété supprimée", True)
    for name in new_props:
        if name not in old_props:
            if name in new_required:
                yield Change(f"{prefix}{name}", "propriété obligatoire ajoutée", True)
            else:
                yield Change(f"{prefix}{name}", "propriété facultative ajoutée", False)
    for name in old_props:
        if name in new_props:
            if name in new_required and name not in old_required:
                yield Change(f"{prefix}{name}", "propriété devenue obligatoire", True)
            if name in old_required and name not in new_required:
                yield Change(f"{prefix}{name}", "propriété devenue facultative", False)
            yield from _node(old_props[name], new_props[name], f"{prefix}{name}")


def _additional(old: Schema, new: Schema, path: str) -> Iterator[Change]:
    before, after = old.get("additionalProperties", True), new.get("additionalProperties", True)
    if isinstance(before, dict) and isinstance(after, dict):
        yield from _node(before, after, f"{path}.*" if path else "*")
    elif before != after:
        where = path or "(racine)"
        if after is False:
            yield Change(where, "propriétés supplémentaires désormais refusées", True)
        elif before is False:
            yield Change(where, "propriétés supplémentaires désormais admises", False)
        else:
            yield Change(where, "schéma des propriétés supplémentaires modifié", True)
