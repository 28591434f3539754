"""One JSON Schema (draft 2020-12) per flow, from its specification, with a valid example and invalid ones.

The schema of a flow is its message: the first class of the specification is the root object, the
other classes are ``$defs``. Every object forbids unknown properties, so that a misspelt attribute
is an error rather than silently ignored data. The examples are built from the attributes' example
values; each invalid example breaks the valid one in one way that every validator must reject.
"""

from __future__ import annotations

import json
from typing import Any

from model import Attribute, Flow, FlowSpec, Index, MessageClass, MosType, Provenance, ValueSet
from model.mos import JSON_TYPES, SAMPLES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schemas/flux"

INVALID = {
    "champ-obligatoire-absent": "un attribut obligatoire du message est absent",
    "type-incorrect": "un attribut reçoit un objet à la place d'une valeur simple",
    "champ-inconnu": "le message porte un attribut que la spécification ne connaît pas",
}
"""The invalid examples shipped with each schema: file suffix and what is wrong."""

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
        flow = index.flows[spec.flow]
        files = paths(flow)
        example = example_of(spec, value_sets=index.value_sets)
        outputs[files["schema"]] = _dump(flow_schema(index, flow, spec))
        outputs[files["example"]] = _dump(example)
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
        **_object(root, index.value_sets),
        **(
            {"$defs": {cls.name: {"title": cls.name, **_object(cls, index.value_sets)} for cls in others}}
            if others
            else {}
        ),
    }


def _object(cls: MessageClass, value_sets: dict[str, ValueSet]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {a.name: _property(a, value_sets) for a in cls.attributes},
        "required": [a.name for a in cls.attributes if a.cardinality.startswith("1")],
        "additionalProperties": False,
    }


def _property(attribute: Attribute, value_sets: dict[str, ValueSet]) -> dict[str, Any]:
    description = _plain(attribute.description)
    if attribute.class_:
        item: dict[str, Any] = {"$ref": f"#/$defs/{attribute.class_}"}
    else:
        assert attribute.type is not None  # checked by the model: a type or a class
        item = dict(JSON_TYPES[attribute.type])
    if attribute.value_set:
        value_set = value_sets[attribute.value_set]  # checked by the model: every bound set exists
        description += " " + value_set_description(value_set)
        if value_set.embedded:
            item = {"type": "string", "enum": [c.code for c in value_set.codes]}
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


def example_of(spec: FlowSpec, name: str | None = None, *, value_sets: dict[str, ValueSet]) -> dict[str, Any]:
    """A valid message: every attribute of every class with its example value.

    An optional attribute without an example is left out (a reason is that no value fits the others, such
    as a motive for a status that has none); a mandatory one takes a typical value, a code of its set.
    """
    cls = spec.message_class(name or spec.classes[0].name)
    instance: dict[str, Any] = {}
    for attribute in cls.attributes:
        if attribute.class_:
            value: object = example_of(spec, attribute.class_, value_sets=value_sets)
        elif attribute.example is not None:
            value = attribute.example
        elif attribute.cardinality.startswith("0"):
            continue
        else:
            assert attribute.type is not None
            value_set = value_sets.get(attribute.value_set or "")
            value = value_set.codes[0].code if value_set and value_set.codes else SAMPLES[attribute.type]
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
