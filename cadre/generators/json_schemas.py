"""One JSON Schema (draft 2020-12) per flow, from its specification, with a valid example and invalid ones.

The schema of a flow is its message: the first class of the specification is the root object, the
other classes are ``$defs`` reached by ``$ref``, so that a class used twice is one type in the code a
vendor generates from the schema. Titles are type names for code generators (the root: the flow's
technical name; a class: its name; an attribute of a MOS type: none, the generators then write the
plain type), and the French wording with the cardinality is in ``description``. Every object forbids
unknown properties, so that a misspelt attribute is an error rather than silently ignored data. The
examples are made by :mod:`cadre.generators.schema_examples`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping
from typing import Any

from cadre.generators.schema_examples import BREACHES, Breach, invalid_examples, valid_example
from cadre.output import json_text
from model import Attribute, Flow, FlowSpec, Index, MessageClass, MosType, Provenance, ValueSet
from model.mos import JSON_TYPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas/flux"

PROVENANCE = {
    Provenance.NATIONAL: "nomenclature nationale de l'ANS",
    Provenance.EXTERNAL: "terminologie internationale",
    Provenance.PROPOSAL: "proposition de ce cadre (ni l'ANS ni un autre organisme ne le publie)",
}
"""How a schema's description names the provenance of a value set."""


def type_schema(mos_type: str) -> dict[str, object]:
    """The JSON Schema of a value of a MOS type (``"DateHeure"`` → a string of format date-time)."""
    return dict(JSON_TYPES[MosType(mos_type)])


def schema_id(flow: Flow, spec: FlowSpec) -> str:
    """Stable, versioned identifier of a flow's schema: it changes only with the specification's version."""
    return f"urn:x-cadre-urbanisation-ms:de4:v1:schemas:flux:{flow.id}:{spec.version}"


def paths(index: Index, spec: FlowSpec) -> dict[str, str]:
    """Where the schema and the examples of a flow are written, under ``generated/``.

    Keys: ``schema``, ``example``, then ``invalid:<suffix>`` for each invalid example (see :func:`invalid`).
    """
    return _paths(spec.flow, _built(index, spec)[1])


def _paths(flow: str, invalid_names: Iterable[str]) -> dict[str, str]:
    base = f"{FOLDER}/{flow}"
    return {
        "schema": f"{base}.schema.json",
        "example": f"{base}.exemple.json",
        **{f"invalid:{name}": f"{base}.invalide-{name}.json" for name in invalid_names},
    }


def invalid(index: Index, spec: FlowSpec) -> dict[str, Breach]:
    """The invalid examples of a flow's schema, one per kind of constraint it holds: suffix → what it breaks."""
    return {name: BREACHES[name] for name in _built(index, spec)[1]}


def generate(index: Index) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of every specified flow."""
    outputs: dict[str, str] = {}
    for spec in index.framework.flow_specs:
        outputs.update(flow_files(index, spec))
    return outputs


def flow_files(index: Index, spec: FlowSpec) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of one flow: path under ``generated/`` → text."""
    return dict(_built(index, spec)[0])


_BUILT: weakref.WeakKeyDictionary[Index, dict[int, tuple[FlowSpec, dict[str, str], tuple[str, ...]]]] = (
    weakref.WeakKeyDictionary()
)


def _built(index: Index, spec: FlowSpec) -> tuple[dict[str, str], tuple[str, ...]]:
    """The files of a flow and the names of its invalid examples, built once per index and specification.

    The registry, the flow's page, the downloads page and the schema's history all ask for them.
    """
    built = _BUILT.setdefault(index, {})
    found = built.get(id(spec))
    if found is None or found[0] is not spec:
        schema = flow_schema(index, index.flows[spec.flow], spec)
        example = valid_example(spec, value_sets=index.value_sets)
        invalids = invalid_examples(schema, example)
        files = _paths(spec.flow, invalids)
        outputs = {files["schema"]: json_text.dumps(schema), files["example"]: json_text.dumps(example)}
        for name, instance in invalids.items():
            outputs[files[f"invalid:{name}"]] = json_text.dumps(instance)
        found = built[id(spec)] = (spec, outputs, tuple(invalids))
    return found[1], found[2]


def flow_schema(index: Index, flow: Flow, spec: FlowSpec) -> dict[str, Any]:
    """The JSON Schema of a flow's message, titled with the flow's technical name."""
    view = index.view_of[flow.id]
    return {
        "$schema": DRAFT,
        "$id": schema_id(flow, spec),
        "title": spec.technical_name,
        "description": (
            f"Flux {flow.letter} ({view.title}) — {flow.title}. "
            f"Message du flux {spec.technical_name} (version {spec.version}, statut {spec.status.value}), "
            f"classe {spec.classes[0].name} : {_plain(spec.classes[0].description)} "
            f"{_ends(index, 'Émetteur', flow.emitters)} {_ends(index, 'Récepteur', flow.receivers)}"
        ),
        **message_schema(spec, index.value_sets),
    }


def _ends(index: Index, role: str, idents: list[str]) -> str:
    """« Émetteur : ROR. », or « Émetteurs : ROR, Ma Boussole Aidants. » when the flow has several."""
    plural = "s" if len(idents) > 1 else ""
    return f"{role}{plural} : {', '.join(index.services[i].name for i in idents)}."


def message_schema(spec: FlowSpec, value_sets: Mapping[str, ValueSet]) -> dict[str, Any]:
    """The constraints of a flow's message: its first class, with the other classes and the value sets as ``$defs``.

    A value set whose codes the model holds is one definition (a type named after the set, its codes as
    ``enum``), shared by every attribute bound to it: generated code gets one enumeration per set.
    """
    root, *others = spec.classes
    defs: dict[str, Any] = {
        cls.name: {"title": cls.name, "description": _plain(cls.description), **_object(spec, cls, value_sets)}
        for cls in others
    }
    for attribute in (a for cls in spec.classes for a in cls.attributes):
        value_set = value_sets.get(attribute.value_set or "")
        if value_set is not None and value_set.embedded:
            defs[type_name(value_set)] = {
                "title": type_name(value_set),
                "description": value_set_description(value_set),
                "type": "string",
                "enum": [code.code for code in value_set.codes],
            }
    return {**_object(spec, root, value_sets), **({"$defs": defs} if defs else {})}


def type_name(value_set: ValueSet) -> str:
    """The type name of a value set in the schemas (``JDV_J55-CategorieEG-ROR`` → ``CategorieEGROR``)."""
    name = value_set.id
    for prefix in ("CADRE-DE4-", "JDV_", "TRE_", "ASS_"):
        name = name.removeprefix(prefix)
    parts = name.split("-")
    if len(parts) > 1 and parts[0][:1].isalpha() and parts[0][1:].isdigit():
        parts = parts[1:]  # the ANS's number (J55, R247) is not part of a type name
    return "".join(part[:1].upper() + part[1:] for part in parts if part)


def value_set_description(value_set: ValueSet) -> str:
    """What a schema says of an attribute's value set: its name, provenance, and where its codes are."""
    text = f"Jeu de valeurs {value_set.id} « {value_set.title} », {PROVENANCE[value_set.provenance]}."
    if value_set.embedded:
        return text
    if value_set.codes:
        return (
            f"{text} Ce cadre n'en connaît qu'une partie des codes : le schéma accepte tout texte non vide ;"
            f" la liste de référence est publiée sur {value_set.codes_url}."
        )
    return (
        f"{text} Codes non recopiés dans ce schéma, qui accepte tout texte non vide : ils sont publiés sur"
        f" {value_set.codes_url}."
    )


def _object(spec: FlowSpec, cls: MessageClass, value_sets: Mapping[str, ValueSet]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {a.name: _property(spec, a, value_sets) for a in cls.attributes},
        "required": [a.name for a in cls.attributes if a.cardinality.startswith("1")],
        "additionalProperties": False,
    }


def _property(spec: FlowSpec, attribute: Attribute, value_sets: Mapping[str, ValueSet]) -> dict[str, Any]:
    """An attribute: no title (the type's name comes from its class, its value set, or is a plain JSON type).

    A single class or value set is ``allOf: [{$ref}]`` so that the attribute's own description stays with
    the attribute while the type remains one definition; a list has its description and ``items: {$ref}``.
    """
    kind = attribute.class_ or attribute.type
    description = f"{attribute.name} : [{attribute.cardinality}] {kind}. {_plain(attribute.description)}"
    value_set = value_sets[attribute.value_set] if attribute.value_set else None  # checked by the model
    if value_set is not None:
        description += " " + value_set_description(value_set)
    if attribute.class_:
        target = "#" if attribute.class_ == spec.classes[0].name else f"#/$defs/{attribute.class_}"
        item: dict[str, Any] = {"$ref": target}
    elif value_set is not None and value_set.embedded:
        item = {"$ref": f"#/$defs/{type_name(value_set)}"}
    else:
        assert attribute.type is not None  # checked by the model: a type or a class
        item = dict(JSON_TYPES[attribute.type])
    if attribute.cardinality.endswith("*"):
        return {
            "description": description,
            "type": "array",
            "items": item,
            **({"minItems": 1} if attribute.cardinality == "1..*" else {}),
        }
    if "$ref" in item:
        # Not a sibling of "$ref": json-schema-to-typescript would make one more type (Usager1) for it.
        return {"description": description, "allOf": [item]}
    return {"description": description, **item}


def _plain(text: str) -> str:
    return " ".join(text.split())
