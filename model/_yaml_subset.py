"""The part of YAML the model's content is written in; everything else is refused with a located reason.

The content is plain data typed by an editor: mappings, lists, text, numbers, booleans and dates. Tags
(``!!python/object``, ``!foo``), anchors and aliases, merge keys, keys that are not text, invisible or
direction-changing characters, very deep nesting and very large files are never needed, and each is a
way to crash, stall or deceive a later step. They are refused here, before anything is built from
them: :mod:`model._yaml` builds the data from the parser's events one at a time, and checks each event
here (:func:`check_event`, :func:`scalar`) before using it, so that an alias is refused before it could
be expanded and a deep nesting before anything recurses into it.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

from ruamel.yaml.util import create_timestamp, timestamp_regexp
from yaml.events import AliasEvent, CollectionStartEvent, Event, NodeEvent, ScalarEvent

MAX_BYTES = 1024 * 1024
"""Largest file read (the largest file of the content is about 60 kB)."""

MAX_DEPTH = 20
"""Deepest nesting of mappings and lists (the content needs 9 levels)."""

MAX_DIGITS = 18
"""Longest integer: beyond, it is an identifier to quote, or a mistake."""

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff"
_RAW = re.compile(f"[{_INVISIBLE}{_BIDI}]|\r(?!\n)")
"""Characters refused in the text of a file: a carriage return only ends a line before a line feed."""
_IN_VALUE = re.compile(f"[\r{_INVISIBLE}{_BIDI}]")
"""Characters refused in a value once its escapes (``"\\x07"``, ``"\\u202e"``) are decoded."""

# How a plain scalar reads in YAML 1.2 (the core schema, as ruamel.yaml reads it), and what that is in words.
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+")
_FLOAT = re.compile(
    r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
    r"|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


class RefusedError(Exception):
    """A construct outside the subset, at a 1-based line and column, with what to do instead."""

    def __init__(self, line: int, column: int, message: str, fix: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message, self.fix = line, column, message, fix


def check_size(size: int) -> RefusedError | None:
    """Refuse a file larger than :data:`MAX_BYTES`, before it is read."""
    if size <= MAX_BYTES:
        return None
    return RefusedError(
        1,
        1,
        f"le fichier est trop gros ({size} octets, au plus {MAX_BYTES})",
        "découpez-le en plusieurs fichiers YAML dans le même dossier",
    )


def check_text(text: str) -> RefusedError | None:
    """Refuse the first invisible character written as such in the file, even in a comment."""
    found = _RAW.search(text)
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    line, column = text.count("\n", 0, found.start()) + 1, found.start() - start + 1
    message, fix = _describe(found.group(), escaped=False)
    return RefusedError(line, column, message, fix)


def _describe(char: str, *, escaped: bool) -> tuple[str, str]:
    """Why ``char`` is refused, and how to remove it."""
    code = f"U+{ord(char):04X}"
    if char == "\r" and not escaped:
        return (
            "retour chariot (\\r) seul, sans saut de ligne après lui",
            "enregistrez le fichier avec des fins de ligne LF (ou CRLF) dans votre éditeur",
        )
    if 0xD800 <= ord(char) <= 0xDFFF:
        return (
            f"demi-caractère {code} isolé (séquence \\u{ord(char):04x}) : ce n'est pas un caractère",
            "écrivez le caractère lui-même dans le texte, pas sa séquence d'échappement \\u",
        )
    if re.fullmatch(f"[{_BIDI}]", char):
        message = (
            f"caractère invisible de direction du texte {code} : il peut faire afficher le texte"
            " autrement qu'il n'est écrit"
        )
    elif char in "\u2028\u2029":
        message = f"séparateur de ligne Unicode {code} : YAML et votre éditeur ne compteraient pas les lignes pareil"
    else:
        message = f"caractère de contrôle invisible {code} interdit dans le texte"
    if escaped:
        return message, "retirez cette séquence d'échappement (\\x…, \\u…, \\e, \\0…) du texte entre guillemets"
    return message, (
        "supprimez ce caractère, souvent venu d'un copier-coller (faites afficher les caractères invisibles"
        " par votre éditeur) ; un texte ne contient que des caractères visibles, tabulations et retours à la ligne"
    )


def where(event: Event) -> tuple[int, int]:
    """The 1-based line and column where ``event`` starts."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class Checked:
    """What the events of a file may hold: :func:`check_event` keeps the depth of the collections opened."""

    def __init__(self) -> None:
        self.depth = 0

    def check_event(self, event: NodeEvent, *, is_key: bool) -> None:
        """Refuse an alias, an anchor, a tag, a key that is a collection, or a collection one level too deep."""
        line, column = where(event)
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise RefusedError(
                line,
                column,
                "les ancres (&nom) et les alias (*nom) ne sont pas acceptés",
                "recopiez la valeur à chaque endroit où elle sert",
            )
        if getattr(event, "tag", None) is not None:
            raise RefusedError(
                line,
                column,
                "les étiquettes YAML (!!str, !!binary, !nom…) ne sont pas acceptées",
                "retirez l'étiquette et écrivez la valeur comme un texte ordinaire",
            )
        if isinstance(event, CollectionStartEvent):
            if is_key:
                raise RefusedError(line, column, "une clé doit être un texte, pas une liste ni un bloc", _KEY_FIX)
            if self.depth >= MAX_DEPTH:
                raise RefusedError(
                    line,
                    column,
                    f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux de listes et de blocs)",
                    "aplatissez la structure : le modèle n'a jamais besoin d'autant de niveaux",
                )


_KEY_FIX = "écrivez un nom de champ du modèle (ou mettez la clé entre guillemets si c'est bien un texte)"


def scalar(event: ScalarEvent, *, is_key: bool) -> Any:
    """The value of a scalar as plain data, or the refusal of what the subset does not hold.

    Refused: a key that is not text, a value JSON cannot hold, an impossible date, an invisible
    character written as an escape (raw ones are refused before parsing).
    """
    line, column = where(event)
    text: str = event.value
    found = _IN_VALUE.search(text)
    if found is not None:
        message, fix = _describe(found.group(), escaped=True)
        raise RefusedError(line, column, message, fix)
    plain = event.implicit[0]
    if is_key and plain and text == "<<":
        raise RefusedError(
            line, column, "les clés de fusion (<<) ne sont pas acceptées", "recopiez les champs voulus dans ce bloc"
        )
    if is_key and plain:
        kind = _kind(text)
        if kind is not None:
            raise RefusedError(
                line, column, f"la clé « {text} » n'est pas un texte : YAML la lit comme {kind}", _KEY_FIX
            )
    return _resolve(text, line, column) if plain else text


def _kind(text: str) -> str | None:
    """What YAML reads a plain scalar as, in words; None when it reads it as text."""
    if _NULL.fullmatch(text):
        return "une valeur vide (null)"
    if text in _BOOL:
        return "un booléen (vrai ou faux)"
    if _INT.fullmatch(text) or _FLOAT.fullmatch(text):
        return "un nombre"
    return "une date" if timestamp_regexp.match(text) else None


def _resolve(text: str, line: int, column: int) -> Any:
    """A plain scalar read as YAML 1.2 reads it; a date is kept as its ISO text."""
    if _NULL.fullmatch(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        digits = text.replace("_", "")
        if len(digits.lstrip("+-")) > MAX_DIGITS:
            raise RefusedError(
                line,
                column,
                f"nombre trop grand ({len(text)} chiffres, au plus {MAX_DIGITS})",
                "vérifiez la valeur, ou mettez-la entre guillemets si c'est un identifiant",
            )
        sign, body = (-1, digits[1:]) if digits.startswith("-") else (1, digits.lstrip("+"))
        base = {"0b": 2, "0o": 8, "0x": 16}.get(body[:2], 10)
        return sign * int(body[2:] if base != 10 else body, base)
    if _FLOAT.fullmatch(text):
        lowered = text.lower()
        special = lowered.endswith((".inf", ".nan"))  # YAML's .inf and .nan are Python's inf and nan
        number = float(lowered.replace(".", "") if special else text.replace("_", ""))
        if not math.isfinite(number):
            raise RefusedError(
                line,
                column,
                f"« {text} » n'est pas un nombre fini (l'infini et NaN n'existent pas en JSON)",
                "écrivez un nombre ordinaire, ou mettez la valeur entre guillemets si c'est un texte",
            )
        return number
    match = timestamp_regexp.match(text)
    if match is not None:
        try:
            stamp = create_timestamp(**match.groupdict())
        except ValueError:
            raise RefusedError(
                line,
                column,
                f"« {text} » n'est pas une date qui existe",
                "écrivez une date réelle sous la forme AAAA-MM-JJ, ou mettez la valeur entre guillemets",
            ) from None
        return stamp.isoformat() if isinstance(stamp, datetime.date) else text
    return text
