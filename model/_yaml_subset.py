"""The part of YAML the model's content is written in; everything else is refused with a located reason.

The content is plain data typed by an editor: mappings, lists, text, numbers, booleans and dates. Tags
(``!!python/object``, ``!foo``), anchors and aliases, merge keys, keys that are not text, invisible or
direction-changing characters, very deep nesting and very large files are never needed, and each is a
way to crash, stall or deceive a later step. They are refused here, before anything is built from
them: :class:`SubsetComposer` checks every node as ruamel composes it, so that an alias is refused
before it could be expanded and a deep nesting before the composer recurses into it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ruamel.yaml.composer import Composer
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.util import create_timestamp, timestamp_regexp

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

_STR = "tag:yaml.org,2002:str"
_KINDS = {
    "tag:yaml.org,2002:int": "un nombre",
    "tag:yaml.org,2002:float": "un nombre",
    "tag:yaml.org,2002:bool": "un booléen (vrai ou faux)",
    "tag:yaml.org,2002:null": "une valeur vide (null)",
    "tag:yaml.org,2002:timestamp": "une date",
}


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


def _tag(node: Any) -> str:
    tag = node.tag
    return tag if isinstance(tag, str) else str(getattr(tag, "value", tag))


class SubsetComposer(Composer):
    """ruamel's composer, refusing each node outside the subset before it is composed."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader)
        self._levels = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Check the next node (its kind, tag, anchor, depth, and for a key its type), then compose it."""
        event = self.parser.peek_event()
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, AliasEvent) or event.anchor is not None:
            raise RefusedError(
                line,
                column,
                "les ancres (&nom) et les alias (*nom) ne sont pas acceptés",
                "recopiez la valeur à chaque endroit où elle sert",
            )
        if getattr(event, "ctag", None) is not None or getattr(event, "tag", None) is not None:
            raise RefusedError(
                line,
                column,
                "les étiquettes YAML (!!str, !!binary, !nom…) ne sont pas acceptées",
                "retirez l'étiquette et écrivez la valeur comme un texte ordinaire",
            )
        is_key = isinstance(parent, MappingNode) and index is None
        if is_key and not isinstance(event, ScalarEvent):
            raise RefusedError(line, column, "une clé doit être un texte, pas une liste ni un bloc", _KEY_FIX)
        if not isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            node = super().compose_node(parent, index)
            if isinstance(node, ScalarNode):
                _check_scalar(node, is_key=is_key)
            return node
        if self._levels >= MAX_DEPTH:
            raise RefusedError(
                line,
                column,
                f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux de listes et de blocs)",
                "aplatissez la structure : le modèle n'a jamais besoin d'autant de niveaux",
            )
        self._levels += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._levels -= 1


_KEY_FIX = "écrivez un nom de champ du modèle (ou mettez la clé entre guillemets si c'est bien un texte)"


def _check_scalar(node: ScalarNode, *, is_key: bool) -> None:
    """Refuse a key that is not text, a value YAML would read wrongly, or an invisible character."""
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    value: str = node.value
    tag = _tag(node)
    if is_key and tag == "tag:yaml.org,2002:merge":
        raise RefusedError(
            line, column, "les clés de fusion (<<) ne sont pas acceptées", "recopiez les champs voulus dans ce bloc"
        )
    if is_key and tag != _STR:
        kind = _KINDS.get(tag, "autre chose qu'un texte")
        raise RefusedError(line, column, f"la clé « {value} » n'est pas un texte : YAML la lit comme {kind}", _KEY_FIX)
    # In a folded scalar, ruamel marks each folded line break with \a, removed when it builds the value.
    found = _IN_VALUE.search(value.replace("\a", "") if node.style == ">" else value)
    if found is not None:
        message, fix = _describe(found.group(), escaped=True)
        raise RefusedError(line, column, message, fix)
    if tag == "tag:yaml.org,2002:float":
        try:
            finite = math.isfinite(float(value.replace("_", "")))
        except ValueError:
            finite = not re.search("inf|nan", value, re.IGNORECASE)
        if not finite:
            raise RefusedError(
                line,
                column,
                f"« {value} » n'est pas un nombre fini (l'infini et NaN n'existent pas en JSON)",
                "écrivez un nombre ordinaire, ou mettez la valeur entre guillemets si c'est un texte",
            )
    elif tag == "tag:yaml.org,2002:int" and len(value.lstrip("+-").replace("_", "")) > MAX_DIGITS:
        raise RefusedError(
            line,
            column,
            f"nombre trop grand ({len(value)} chiffres, au plus {MAX_DIGITS})",
            "vérifiez la valeur, ou mettez-la entre guillemets si c'est un identifiant",
        )
    elif tag == "tag:yaml.org,2002:timestamp":
        match = timestamp_regexp.match(value)
        try:
            create_timestamp(**match.groupdict()) if match else None
        except ValueError:
            raise RefusedError(
                line,
                column,
                f"« {value} » n'est pas une date qui existe",
                "écrivez une date réelle sous la forme AAAA-MM-JJ, ou mettez la valeur entre guillemets",
            ) from None
