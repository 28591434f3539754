"""How each MOS type is written in JSON, and whether an example value is one.

The JSON Schemas of the flows (``cadre/generators/json_schemas.py``) print :data:`JSON_TYPES` as they are, and the
model checks every example against the same table (:func:`example_problem`): a value accepted by
``validate`` is therefore a value that the published schema accepts, formats included.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import math
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from model._base import UNSEEN, shown
from model.enums import MosType

JSON_TYPES: Mapping[MosType, Mapping[str, Any]] = MappingProxyType(
    {
        MosType.IDENTIFIER: {"type": "string", "minLength": 1},
        MosType.TEXT: {"type": "string", "minLength": 1},
        MosType.CODE: {"type": "string", "minLength": 1},
        MosType.DATE: {"type": "string", "format": "date"},
        MosType.DATETIME: {"type": "string", "format": "date-time"},
        MosType.NUMBER: {"type": "number"},
        MosType.INDICATOR: {"type": "boolean"},
        MosType.BINARY: {"type": "string", "contentEncoding": "base64"},
    }
)
"""The JSON Schema of a value of each MOS type."""

SAMPLES: Mapping[MosType, object] = MappingProxyType(
    {
        MosType.IDENTIFIER: "ID-0001",
        MosType.TEXT: "Texte d'exemple",
        MosType.CODE: "code",
        MosType.DATE: "2024-01-31",
        MosType.DATETIME: "2024-01-31T09:00:00+01:00",
        MosType.NUMBER: 1,
        MosType.INDICATOR: True,
        MosType.BINARY: "SGVsbG8=",
    }
)
"""Example value of an attribute whose specification gives none."""

_KINDS: dict[str, tuple[Callable[[object], bool], str, str]] = {
    "string": (lambda v: isinstance(v, str), "du texte", "écrivez la valeur entre guillemets"),
    "number": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
        "un nombre fini",
        "écrivez un nombre sans guillemets (ex. 12 ou 12.5)",
    ),
    "integer": (
        lambda v: isinstance(v, int) and not isinstance(v, bool),
        "un nombre entier",
        "écrivez un nombre entier sans guillemets (ex. 12)",
    ),
    "boolean": (lambda v: isinstance(v, bool), "vrai ou faux", "écrivez true ou false, sans guillemets"),
}
"""JSON type → test of a value, what it must be, how to write one (in French, for the editor)."""

_DATE = r"(\d{4})-(\d{2})-(\d{2})"
_TIME = r"(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))"


def _is_date(text: str) -> bool:
    """An RFC 3339 full-date that exists in the calendar (no 30 February)."""
    match = re.fullmatch(_DATE, text, flags=re.ASCII)
    if not match:
        return False
    try:
        datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def _is_date_time(text: str) -> bool:
    """An RFC 3339 date-time: real date, real time (no leap second), ``T`` and an offset (``Z`` or ``±hh:mm``)."""
    match = re.fullmatch(f"{_DATE}[Tt]{_TIME}", text, flags=re.ASCII)
    if not match or not _is_date(text[:10]):
        return False
    hour, minute, second, offset_hour, offset_minute = (int(p or 0) for p in match.groups()[3:])
    return hour <= 23 and minute <= 59 and second <= 59 and offset_hour <= 23 and offset_minute <= 59


_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


FORMATS: Mapping[str, tuple[Callable[[str], bool], str, str]] = MappingProxyType(
    {
        "date": (_is_date, "une date réelle au format AAAA-MM-JJ", "2024-01-31"),
        "date-time": (
            _is_date_time,
            "une date et heure réelles avec leur décalage horaire (AAAA-MM-JJThh:mm:ss±hh:mm ou Z)",
            "2024-01-31T09:00:00+01:00",
        ),
        "uri": (lambda t: _URI.fullmatch(t) is not None, "une adresse absolue (URI)", "https://exemple.fr/page"),
    }
)
"""JSON Schema format → test of a text, what it must be, an example (checked by ``jsonschema`` in the tests)."""

ENCODINGS: Mapping[str, tuple[Callable[[str], bool], str, str]] = MappingProxyType(
    {"base64": (_is_base64, "du base64 (lettres, chiffres, « + », « / », « = » final)", "SGVsbG8=")}
)
"""JSON Schema content encoding → test of a text, what it must be, an example."""


def _written(value: object) -> str:
    """``value`` as the editor wrote it in YAML: ``true``, ``12``, or a quoted text."""
    if isinstance(value, bool):
        return f"« {str(value).lower()} »"
    if isinstance(value, str):
        return f"le texte « {shown(value)} »"
    return f"« {shown(value)} »"


def example_problem(mos_type: MosType, value: object) -> tuple[str, str] | None:
    """Why ``value`` cannot be the example of an attribute of type ``mos_type``, and the fix; None if it can.

    Every keyword of the type's JSON Schema is checked, so that the published example is valid.
    """
    schema = JSON_TYPES[mos_type]
    accepts, expected, fix = _KINDS[schema["type"]]
    if not accepts(value):
        return f"doit être {expected} (type {mos_type.value}), pas {_written(value)}", fix
    hidden = UNSEEN.search(value) if isinstance(value, str) else None
    if hidden:
        return (
            f"contient un caractère invisible ({shown(hidden.group())}) en position {hidden.start() + 1}",
            "supprimez ce caractère",
        )
    if isinstance(value, str) and len(value) < schema.get("minLength", 0):
        return f"est vide (type {mos_type.value})", f"donnez une valeur, par exemple « {SAMPLES[mos_type]} »"
    for keyword, table in (("format", FORMATS), ("contentEncoding", ENCODINGS)):
        if keyword in schema and isinstance(value, str):
            check, expected, sample = table[schema[keyword]]
            if not check(value):
                return (
                    f"doit être {expected} (type {mos_type.value}), pas « {shown(value)} »",
                    f"corrigez la valeur, par exemple « {sample} »",
                )
    return None
