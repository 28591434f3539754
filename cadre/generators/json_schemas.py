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

import json
from typing import Any

from cadre.generators.schema_examples import BREACHES, Breach, invalid_examples, valid_example
from model import Attribute, Flow, FlowSpec, Index, MessageClass, MosType
from model.mos import JSON_TYPES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas/flux"


def type_schema(mos_type: str) -> dict[str, object]:
    """The JSON Schema of a value of a MOS type (``"DateHeure"`` → a string of format date-time)."""
    return dict(JSON_TYPES[MosType(mos_type)])


def schema_id(flow: Flow, spec: FlowSpec) -> str:
    """Stable, versioned identifier of a flow's schema: it changes only with the specification's version."""
    return f"urn:x-cadre-urbanisation-ms:de4:v1:schemas:flux:{flow.id}:{spec.version}"


def paths(flow: Flow, spec: FlowSpec) -> dict[str, str]:
    """Where the schema and the examples of a flow are written, under ``generated/``.

    Keys: ``schema``, ``example``, then ``invalid:<suffix>`` for each invalid example (see :func:`invalid`).
    """
    base = f"{FOLDER}/{flow.id}"
    return {
        "schema": f"{base}.schema.json",
        "example": f"{base}.exemple.json",
        **{f"invalid:{name}": f"{base}.invalide-{name}.json" for name in invalid(spec)},
    }


def invalid(spec: FlowSpec) -> dict[str, Breach]:
    """The invalid examples of a flow's schema, one per kind of constraint it holds: suffix → what it breaks."""
    return {name: BREACHES[name] for name in invalid_examples(message_schema(spec), valid_example(spec))}


def generate(index: Index) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of every specified flow."""
    outputs: dict[str, str] = {}
    for spec in index.framework.flow_specs:
        outputs.update(flow_files(index, spec))
    return outputs


def flow_files(index: Index, spec: FlowSpec) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of one flow: path under ``generated/`` → text."""
    flow = index.flows[spec.flow]
    files = paths(flow, spec)
    schema = flow_schema(index, flow, spec)
    example = valid_example(spec)
    outputs = {files["schema"]: _dump(schema), files["example"]: _dump(example)}
    for name, instance in invalid_examples(schema, example).items():
        outputs[files[f"invalid:{name}"]] = _dump(instance)
    return outputs


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
            f"Émetteur : {index.services[flow.emitter].name}. Récepteur : {index.services[flow.receiver].name}."
        ),
        **message_schema(spec),
    }


def message_schema(spec: FlowSpec) -> dict[str, Any]:
    """The constraints of a flow's message: its first class, with the other classes as ``$defs``."""
    root, *others = spec.classes
    defs = {
        cls.name: {"title": cls.name, "description": _plain(cls.description), **_object(spec, cls)} for cls in others
    }
    return {**_object(spec, root), **({"$defs": defs} if defs else {})}


def _object(spec: FlowSpec, cls: MessageClass) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {a.name: _property(spec, a) for a in cls.attributes},
        "required": [a.name for a in cls.attributes if a.cardinality.startswith("1")],
        "additionalProperties": False,
    }


def _property(spec: FlowSpec, attribute: Attribute) -> dict[str, Any]:
    """An attribute: no title (the type's name comes from its class or is a plain JSON type).

    A single class is ``allOf: [{$ref}]`` so that the attribute's own description stays with the attribute
    while the class remains one definition; a list has its description and ``items: {$ref}``.
    """
    kind = attribute.class_ or attribute.type
    description = f"{attribute.name} : [{attribute.cardinality}] {kind}. {_plain(attribute.description)}"
    if attribute.value_set:
        description += f" Jeu de valeurs : {attribute.value_set}."
    if attribute.class_:
        target = "#" if attribute.class_ == spec.classes[0].name else f"#/$defs/{attribute.class_}"
        item: dict[str, Any] = {"$ref": target}
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
    if attribute.class_:
        # Not a sibling of "$ref": json-schema-to-typescript would make one more type (Usager1) for it.
        return {"description": description, "allOf": [item]}
    return {"description": description, **item}


def _plain(text: str) -> str:
    return " ".join(text.split())


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
