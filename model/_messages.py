"""Turning pydantic's validation errors into French messages that name the field and the fix."""

from __future__ import annotations

import difflib
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from model._base import shown
from model.framework import Framework

_LIST = "une liste (lignes commençant par « - »)"
_BLOCK = "un bloc de champs (clé: valeur)"
_TYPE_NAMES = {
    "string_type": "du texte",
    "string_unicode": "du texte (caractères Unicode valides)",
    "bytes_type": "du texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "int_from_float": "un nombre entier, sans décimale",
    "int_parsing_size": "un nombre entier de taille raisonnable",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "decimal_type": "un nombre",
    "decimal_parsing": "un nombre",
    "fraction_type": "un nombre",
    "fraction_parsing": "un nombre",
    "complex_type": "un nombre",
    "complex_str_parsing": "un nombre",
    "finite_number": "un nombre fini",
    "bool_type": "vrai ou faux (true / false)",
    "bool_parsing": "vrai ou faux (true / false)",
    "none_required": "vide",
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "frozen_set_type": _LIST,
    "deque_type": _LIST,
    "iterable_type": _LIST,
    "iteration_error": _LIST,
    "set_item_not_hashable": "une liste de valeurs simples",
    "model_type": _BLOCK,
    "model_attributes_type": _BLOCK,
    "dict_type": _BLOCK,
    "frozen_dict_type": _BLOCK,
    "ordered_dict_type": _BLOCK,
    "counter_type": _BLOCK,
    "mapping_type": _BLOCK,
    "dataclass_type": _BLOCK,
    "dataclass_exact_type": _BLOCK,
    "named_tuple_type": _BLOCK,
    "arguments_type": _BLOCK,
    "json_type": "du texte au format JSON",
    "json_invalid": "du texte au format JSON",
    "date_type": "une date (AAAA-MM-JJ)",
    "date_parsing": "une date réelle (AAAA-MM-JJ)",
    "date_from_datetime_parsing": "une date réelle (AAAA-MM-JJ)",
    "date_from_datetime_inexact": "une date sans heure (AAAA-MM-JJ)",
    "datetime_type": "une date et heure (AAAA-MM-JJThh:mm:ss±hh:mm)",
    "datetime_parsing": "une date et heure réelles (AAAA-MM-JJThh:mm:ss±hh:mm)",
    "datetime_object_invalid": "une date et heure réelles (AAAA-MM-JJThh:mm:ss±hh:mm)",
    "datetime_from_date_parsing": "une date et heure réelles (AAAA-MM-JJThh:mm:ss±hh:mm)",
    "time_type": "une heure (hh:mm:ss)",
    "time_parsing": "une heure réelle (hh:mm:ss)",
    "time_delta_type": "une durée",
    "time_delta_parsing": "une durée",
    "url_type": "une adresse (URL)",
    "url_parsing": "une adresse (URL) valide",
    "url_syntax_violation": "une adresse (URL) valide",
    "uuid_type": "un identifiant UUID",
    "uuid_parsing": "un identifiant UUID",
    "callable_type": "une valeur du type attendu",
    "is_instance_of": "une valeur du type attendu",
    "is_subclass_of": "une valeur du type attendu",
}
"""Errors of a value of the wrong kind: what the value must be."""

_CONSTRAINTS = {
    "greater_than": ("« {field} » doit être supérieur à {gt}", "corrigez le nombre"),
    "greater_than_equal": ("« {field} » doit être au moins {ge}", "corrigez le nombre"),
    "less_than": ("« {field} » doit être inférieur à {lt}", "corrigez le nombre"),
    "less_than_equal": ("« {field} » doit être au plus {le}", "corrigez le nombre"),
    "multiple_of": ("« {field} » doit être un multiple de {multiple_of}", "corrigez le nombre"),
    "too_long": ("« {field} » a trop d'éléments ({actual_length})", "au plus {max_length} éléments"),
    "string_not_ascii": ("« {field} » doit être écrit sans accent ni caractère spécial", "corrigez la valeur"),
    "bytes_too_short": ("« {field} » est trop court", "au moins {min_length} caractères"),
    "bytes_too_long": ("« {field} » est trop long", "au plus {max_length} caractères"),
    "bytes_invalid_encoding": ("« {field} » n'est pas un texte {encoding} valide", "corrigez la valeur"),
    "decimal_max_digits": ("« {field} » a trop de chiffres", "au plus {max_digits} chiffres"),
    "decimal_max_places": ("« {field} » a trop de décimales", "au plus {decimal_places} décimales"),
    "decimal_whole_digits": ("« {field} » a trop de chiffres avant la virgule", "au plus {whole_digits} chiffres"),
    "date_past": ("« {field} » doit être une date passée", "corrigez la date"),
    "date_future": ("« {field} » doit être une date à venir", "corrigez la date"),
    "datetime_past": ("« {field} » doit être une date et heure passées", "corrigez la date"),
    "datetime_future": ("« {field} » doit être une date et heure à venir", "corrigez la date"),
    "timezone_naive": ("« {field} » ne doit pas porter de décalage horaire", "retirez le décalage (+01:00, Z)"),
    "timezone_aware": ("« {field} » doit porter son décalage horaire", "ajoutez le décalage (ex. +01:00 ou Z)"),
    "timezone_offset": ("« {field} » n'a pas le décalage horaire attendu ({tz_expected})", "corrigez le décalage"),
    "uuid_version": ("« {field} » n'est pas un UUID de version {expected_version}", "corrigez l'identifiant"),
    "url_too_long": ("l'adresse « {field} » est trop longue", "au plus {max_length} caractères"),
    "url_scheme": ("l'adresse « {field} » n'a pas le schéma attendu", "schémas admis : {expected_schemes}"),
    "literal_error": ("valeur « {input} » non admise pour « {field} »", "valeurs admises : {expected}"),
    "union_tag_invalid": (
        "« {field} » : la valeur « {tag} » de « {discriminator} » n'est pas admise",
        "valeurs admises : {expected_tags}",
    ),
    "union_tag_not_found": ("« {field} » : le champ « {discriminator} » manque", "ajoutez « {discriminator}: … »"),
    "invalid_key": ("une clé de « {field} » n'est pas du texte", "écrivez chaque clé comme un mot"),
    "frozen_field": ("« {field} » ne peut pas être modifié", "retirez ce champ"),
    "frozen_instance": ("« {field} » ne peut pas être modifié", "retirez ce champ"),
    "no_such_attribute": ("« {field} » n'existe pas", "retirez ce champ"),
    "recursion_loop": ("« {field} » se contient lui-même", "supprimez la boucle"),
    "recursion_depth_exceeded": ("« {field} » est imbriqué trop profondément", "simplifiez ce bloc"),
    "text_blank": (
        "« {field} » ne contient que des espaces",
        "écrivez le texte, ou retirez le champ s'il est facultatif",
    ),
    "text_unseen": (
        "« {field} » contient un caractère invisible ({character}) en position {position}",
        "supprimez ce caractère ; un saut de ligne s'écrit en passant à la ligne",
    ),
}
"""Errors of a value of the right kind that breaks a rule: message and fix, formatted with the error's context."""

_GENERIC = ("« {field} » : valeur non admise", "corrigez la valeur de ce champ")
"""Any other error (``{kind}`` names it for the maintainers): still French, never pydantic's English text."""


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
    if loc and loc[-1] == "[key]":  # a key of a mapping (``scores``): named as its mapping, the key is the input
        loc = loc[:-2]
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
    if kind in {"value_error", "assertion_error"}:
        message, _, fix = str(ctx.get("error", "")).partition(" → ")
        if message.startswith("Assertion failed"):  # a bare assert in a validator: its text is not for editors
            message = ""
        return message or f"« {field} » : valeur non admise", fix or "corrigez ce bloc"
    message, fix = _CONSTRAINTS.get(kind, _GENERIC)
    context = _Context(
        {k: shown(v, limit=500).replace(" or ", " ou ") for k, v in ctx.items()}, field=field, input=_short(value)
    )
    return message.format_map(context), fix.format_map(context)


class _Context(dict[str, str]):
    """The context of an error for a French template; a missing entry prints as « ? »."""

    def __missing__(self, key: str) -> str:
        return "?"


def _field_name(loc: tuple[int | str, ...]) -> str:
    names = [part for part in loc if isinstance(part, str)]
    return names[-1] if names else "(fichier)"


def _short(value: Any) -> str:
    """The value as a message quotes it: control and bidi characters escaped, cut at 60 characters."""
    if isinstance(value, bool):
        return str(value).lower()
    return shown(value)


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
