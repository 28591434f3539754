"""One JSON Schema (draft 2020-12) per flow, from its specification, with a valid example and invalid ones.

The schema of a flow is its message: the first class of the specification is the root object, the
other classes are ``$defs``. Every object forbids unknown properties, so that a misspelt attribute
is an error rather than silently ignored data. The examples are built from the attributes' example
values; each invalid example breaks the valid one in one way that every validator must reject.
"""

from __future__ import annotations

import json
from typing import Any

from model import Attribute, Flow, FlowSpec, Index, MessageClass, MosType
from model.mos import JSON_TYPES, SAMPLES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas/flux"

INVALID = {
    "champ-obligatoire-absent": "un attribut obligatoire du message est absent",
    "type-incorrect": "un attribut reçoit un objet à la place d'une valeur simple",
    "champ-inconnu": "le message porte un attribut que la spécification ne connaît pas",
}
"""The invalid examples shipped with each schema: file suffix and what is wrong."""


def type_schema(mos_type: str) -> dict[str, object]:
    """The JSON Schema of a value of a MOS type (``"DateHeure"`` → a string of format date-time)."""
    return dict(JSON_TYPES[MosType(mos_type)])


def schema_id(flow: Flow, spec: FlowSpec) -> str:
    """Stable, versioned identifier of a flow's schema: it changes only with the specification's version."""
    return f"urn:x-cadre-urbanisation-ms:de4:v1:schemas:flux:{flow.id}:{spec.version}"


def paths(flow: Flow) -> dict[str, str]:
    """Where the schema and its examples of a flow are written, under ``generated/``."""
    base = f"{FOLDER}/{flow.id}"
    return {
        "schema": f"{base}.schema.json",
        "example": f"{base}.exemple.json",
        **{f"invalid:{name}": f"{base}.invalide-{name}.json" for name in INVALID},
    }


def generate(index: Index) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of every specified flow."""
    outputs: dict[str, str] = {}
    for spec in index.framework.flow_specs:
        outputs.update(flow_files(index, spec))
    return outputs


def flow_files(index: Index, spec: FlowSpec) -> dict[str, str]:
    """The schema, the valid example and the invalid examples of one flow: path under ``generated/`` → text."""
    flow = index.flows[spec.flow]
    files = paths(flow)
    example = example_of(spec)
    outputs = {files["schema"]: _dump(flow_schema(index, flow, spec)), files["example"]: _dump(example)}
    for name, instance in invalid_examples(spec, example).items():
        outputs[files[f"invalid:{name}"]] = _dump(instance)
    return outputs


def flow_schema(index: Index, flow: Flow, spec: FlowSpec) -> dict[str, Any]:
    """The JSON Schema of a flow's message."""
    view = index.view_of[flow.id]
    root, *others = spec.classes
    return {
        "$schema": DRAFT,
        "$id": schema_id(flow, spec),
        "title": f"Flux {flow.letter} ({view.title}) — {flow.title}",
        "description": (
            f"Message du flux {spec.technical_name} (version {spec.version}, statut {spec.status.value}) : "
            f"{_plain(root.description)} Émetteur : {index.services[flow.emitter].name}. "
            f"Récepteur : {index.services[flow.receiver].name}."
        ),
        **_object(root),
        **({"$defs": {cls.name: {"title": cls.name, **_object(cls)} for cls in others}} if others else {}),
    }


def _object(cls: MessageClass) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {a.name: _property(a) for a in cls.attributes},
        "required": [a.name for a in cls.attributes if a.cardinality.startswith("1")],
        "additionalProperties": False,
    }


def _property(attribute: Attribute) -> dict[str, Any]:
    description = _plain(attribute.description)
    if attribute.value_set:
        description += f" Jeu de valeurs : {attribute.value_set}."
    if attribute.class_:
        item: dict[str, Any] = {"$ref": f"#/$defs/{attribute.class_}"}
    else:
        assert attribute.type is not None  # checked by the model: a type or a class
        item = dict(JSON_TYPES[attribute.type])
    title = f"{attribute.name} : [{attribute.cardinality}] {attribute.class_ or attribute.type}"
    if attribute.cardinality.endswith("*"):
        return {
            "title": title,
            "description": description,
            "type": "array",
            "items": item,
            **({"minItems": 1} if attribute.cardinality == "1..*" else {}),
        }
    return {"title": title, "description": description, **item}


def example_of(spec: FlowSpec, name: str | None = None) -> dict[str, Any]:
    """A valid message: every attribute of every class, with its example value."""
    cls = spec.message_class(name or spec.classes[0].name)
    instance: dict[str, Any] = {}
    for attribute in cls.attributes:
        if attribute.class_:
            value: object = example_of(spec, attribute.class_)
        else:
            assert attribute.type is not None
            value = attribute.example if attribute.example is not None else SAMPLES[attribute.type]
        instance[attribute.name] = [value] if attribute.cardinality.endswith("*") else value
    return instance


def invalid_examples(spec: FlowSpec, valid: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The valid message broken in each of the ways listed in :data:`INVALID`."""
    root = spec.classes[0]
    # The model requires a mandatory simple attribute in the message's first class.
    required = next(a.name for a in root.attributes if a.type is not None and a.cardinality.startswith("1"))
    simple = required
    missing = {k: v for k, v in valid.items() if k != required}
    wrong = {**valid, simple: {"valeur": "inattendue"}}
    unknown = {**valid, "champInconnu": "valeur"}
    return {"champ-obligatoire-absent": missing, "type-incorrect": wrong, "champ-inconnu": unknown}


def _plain(text: str) -> str:
    return " ".join(text.split())


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
