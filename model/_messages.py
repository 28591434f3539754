"""Turning pydantic's validation errors into French messages that name the field and the fix."""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from model.entities import Framework

_TYPE_NAMES = {
    "string_type": "du texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "bool_type": "vrai ou faux (true / false)",
    "bool_parsing": "vrai ou faux (true / false)",
    "list_type": "une liste (lignes commençant par « - »)",
    "model_type": "un bloc de champs (clé: valeur)",
    "dict_type": "un bloc de champs (clé: valeur)",
    "model_attributes_type": "un bloc de champs (clé: valeur)",
}


def without_typo_echoes(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """Drop "missing field" errors explained by a misspelt key of the same block.

    ``catgory: portals`` gives both an unknown ``catgory`` and a missing ``category``; the editor
    needs only the first, whose fix names the right spelling.
    """
    unknown: dict[tuple[int | str, ...], list[str]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            unknown.setdefault(tuple(error["loc"][:-1]), []).append(str(error["loc"][-1]))
    kept = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and difflib.get_close_matches(str(loc[-1]), unknown.get(loc[:-1], []), n=1):
            continue
        kept.append(error)
    return kept


def describe(error: ErrorDetails) -> tuple[str, str]:
    """French message and fix for one pydantic error."""
    loc = error["loc"]
    kind = error["type"]
    field = _field_name(loc)
    value = error.get("input")
    ctx = error.get("ctx") or {}
    owner, name = _owner(loc)
    if kind == "missing":
        return f"champ obligatoire « {field} » absent", f"ajoutez « {field}: … » à ce bloc"
    if value is None and (kind in _TYPE_NAMES or kind in {"enum", "string_pattern_mismatch"}):
        if kind == "enum":
            hint = "valeurs admises : " + str(ctx.get("expected", "")).replace(" or ", " ou ")
        else:
            hint = _field_description(owner, name) or f"donnez {_TYPE_NAMES.get(kind, 'une valeur')}"
            values = _enum_items(owner, name)
            if values:
                hint = f"{hint.rstrip('.')} : une liste parmi {', '.join(values)}"
        return f"« {field} » est vide", hint
    if kind == "extra_forbidden":
        allowed = _allowed(loc[:-1])
        close = difflib.get_close_matches(field, allowed, n=1)
        hint = f"vouliez-vous dire « {close[0]} » ? " if close else ""
        return f"champ inconnu « {field} »", f"{hint}champs admis ici : {', '.join(allowed)}"
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", " ou ")
        return f"valeur « {_short(value)} » non admise pour « {field} »", f"valeurs admises : {expected}"
    if kind == "string_pattern_mismatch":
        return (
            f"« {_short(value)} » n'a pas la forme attendue pour « {field} »",
            _field_description(owner, name) or f"forme attendue : {ctx.get('pattern')}",
        )
    if kind in _TYPE_NAMES:
        return (
            f"« {field} » doit être {_TYPE_NAMES[kind]}, pas « {_short(value)} »",
            "corrigez la valeur de ce champ",
        )
    if kind == "string_too_long":
        return (
            f"« {field} » est trop long ({len(str(value))} caractères)",
            f"au plus {ctx.get('max_length')} caractères",
        )
    if kind in {"string_too_short", "too_short"}:
        return f"« {field} » est vide", "donnez au moins une valeur"
    if kind == "value_error":
        message, _, fix = str(ctx.get("error", error["msg"])).partition(" → ")
        return message, fix or "corrigez ce bloc"
    if kind == "less_than_equal":
        return f"« {field} » doit être au plus {ctx.get('le')}", "corrigez le nombre"
    if kind == "greater_than_equal":
        return f"« {field} » doit être au moins {ctx.get('ge')}", "corrigez le nombre"
    return f"« {field} » : {error['msg']}", "corrigez la valeur de ce champ"


def _field_name(loc: tuple[int | str, ...]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "(fichier)"


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "…"


def _owner(loc: tuple[int | str, ...]) -> tuple[type[BaseModel] | None, str]:
    """The model class that holds the last field of ``loc``, and that field's name."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return None, ""
    last = len(loc) - 1 - [isinstance(p, str) for p in reversed(loc)].index(True)
    return _model_at(loc[:last]), str(loc[last])


def _allowed(loc: tuple[int | str, ...]) -> list[str]:
    model = _model_at(loc)
    if model is None:
        return []
    return [info.alias or name for name, info in model.model_fields.items()]


def _field_description(model: type[BaseModel] | None, name: str) -> str:
    if model is None:
        return ""
    for field_name, info in model.model_fields.items():
        if name in {field_name, info.alias}:
            return info.description or ""
    return ""


def _enum_items(model: type[BaseModel] | None, name: str) -> list[str]:
    """The values a list field of enumerated items admits (none when it is not such a list)."""
    info = model.model_fields.get(name) if model else None
    if info is None or typing.get_origin(info.annotation) is not list:
        return []
    [item] = typing.get_args(info.annotation)
    return [str(member.value) for member in item] if isinstance(item, type) and issubclass(item, Enum) else []


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """Walk the annotations of :class:`Framework` along ``loc`` to the model class found there."""
    current: Any = Framework
    for part in loc:
        if isinstance(part, int):
            continue
        model = _as_model(current)
        if model is None:
            return None
        info = next(
            (i for n, i in model.model_fields.items() if part in {n, i.alias}),
            None,
        )
        if info is None:
            return None
        current = info.annotation
    return _as_model(current)


def _as_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in {list, typing.Union, types.UnionType}:
        for argument in typing.get_args(annotation):
            found = _as_model(argument)
            if found is not None:
                return found
    return None
