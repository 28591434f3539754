"""Reading one YAML file into plain Python data, remembering the line of every key and item.

Only the subset of YAML described in :mod:`model._yaml_subset` is accepted; whatever else the file
holds, reading it returns a located :class:`~model.problems.Problem`, never an exception. The file
is read by PyYAML's event parser (libyaml, in C, where installed) and the data is built here from
its events: ruamel.yaml's round-trip loader, used before, took thirty times longer on a large model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    CollectionEndEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from model._yaml_subset import Checked, RefusedError, check_size, check_text, scalar, where
from model.problems import Problem

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser (C) where PyYAML has it: it reads the events thirty times faster than pure Python."""


def read_yaml(path: Path, shown: str) -> tuple[Any, Positions] | Problem:
    """Parse ``path``; return its data and 1-based positions, or the problem that stops reading it.

    ``shown`` is the file name used in messages (relative to the repository).
    """
    refused = check_size(path.stat().st_size)
    if refused is not None:
        return _problem(shown, refused)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return Problem(
            shown,
            line,
            column,
            f"le fichier n'est pas encodé en UTF-8 (octet 0x{raw[error.start]:02x})",
            "enregistrez le fichier en UTF-8 dans votre éditeur",
        )
    refused = check_text(text)
    if refused is not None:
        return _problem(shown, refused)
    try:
        return _build(_events(text))
    except RefusedError as refusal:
        return _problem(shown, refusal)
    except yaml.MarkedYAMLError as error:
        return _syntax(shown, text, error)
    except Exception as error:  # last resort: whatever else the parser raises still names the file
        return Problem(
            shown,
            1,
            1,
            f"le fichier n'a pas pu être lu comme du YAML ({type(error).__name__})",
            "vérifiez qu'il ne contient que des blocs, des listes, des textes, des nombres et des dates",
        )


def _events(text: str) -> Any:
    """The parser's events for ``text``, one at a time (nothing is composed or constructed)."""
    return yaml.parse(text, Loader=_Loader)


def _problem(shown: str, refusal: RefusedError) -> Problem:
    return Problem(shown, refusal.line, refusal.column, refusal.message, refusal.fix)


_ESCAPE = re.compile(r"\\[uU]([0-9a-fA-F]{4,8})")


def _syntax(shown: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """A syntax error, at the place the parser names; an escaped half of a character said as such."""
    mark = error.problem_mark or error.context_mark
    if error.problem == "found invalid Unicode character escape code" and error.context_mark and mark:
        line = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        escape = _ESCAPE.search(line, max(0, line.rfind("\\", 0, mark.column + 1)))
        code = int(escape.group(1), 16) if escape else 0xD800
        start = error.context_mark
        return Problem(
            shown,
            start.line + 1,
            start.column + 1,
            f"demi-caractère U+{code:04X} isolé (séquence \\u{code:04x}) : ce n'est pas un caractère",
            "écrivez le caractère lui-même dans le texte, pas sa séquence d'échappement \\u",
        )
    return Problem(
        shown,
        mark.line + 1 if mark else 1,
        mark.column + 1 if mark else 1,
        f"syntaxe YAML invalide ({error.problem or error.context})",
        "vérifiez l'indentation, les deux-points et les guillemets sur cette ligne ou la précédente",
    )


@dataclass
class _Open:
    """A mapping or list being read: where it is in the document, and for a mapping the key that waits."""

    path: Path_
    data: dict[str, Any] | list[Any]
    key: str | None = None
    keys: dict[str, int] = field(default_factory=dict)


def _build(events: Any) -> tuple[Any, Positions]:
    """The document of ``events`` as plain data, with the position of every key and list item.

    The data is built from the events one at a time, without recursion: every event is checked
    (:class:`~model._yaml_subset.Checked`) before anything is made of it.
    """
    positions: Positions = {(): (1, 1)}
    checked = Checked()
    opened: list[_Open] = []
    document: Any = None
    documents = 0
    event: Event
    for event in events:
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise RefusedError(
                    *where(event),
                    "le fichier contient plusieurs documents YAML (séparés par ---)",
                    "gardez un seul document par fichier : déplacez la suite dans un autre fichier",
                )
            continue
        if isinstance(event, CollectionEndEvent):
            done = opened.pop()
            checked.depth -= 1
            if not opened:
                document = done.data
            else:
                _place(opened[-1], done.data)
            continue
        if not isinstance(event, NodeEvent):
            continue
        parent = opened[-1] if opened else None
        is_key = parent is not None and isinstance(parent.data, dict) and parent.key is None
        checked.check_event(event, is_key=is_key)
        here = where(event)
        if isinstance(event, ScalarEvent):
            value = scalar(event, is_key=is_key)
            if parent is None:
                document = value
            elif is_key:
                _key(parent, str(value), here, positions)
            else:
                _item(parent, here, positions)
                _place(parent, value)
            continue
        if parent is not None:
            _item(parent, here, positions)
        path = () if parent is None else _child(parent)
        opened.append(_Open(path, {} if isinstance(event, MappingStartEvent) else []))
        checked.depth += 1
    return document, positions


def _child(parent: _Open) -> Path_:
    """The path of the value that comes next in ``parent``."""
    if isinstance(parent.data, dict):
        return (*parent.path, str(parent.key))
    return (*parent.path, len(parent.data))


def _key(parent: _Open, key: str, here: tuple[int, int], positions: Positions) -> None:
    if key in parent.keys:
        raise RefusedError(
            *here, f"la clé « {key} » apparaît deux fois dans le même bloc", "gardez une seule occurrence de cette clé"
        )
    parent.keys[key] = here[0]
    parent.key = key
    positions[(*parent.path, key)] = here


def _item(parent: _Open, here: tuple[int, int], positions: Positions) -> None:
    """Record the position of a list item (a mapping's values are found at their key)."""
    if isinstance(parent.data, list):
        positions[(*parent.path, len(parent.data))] = here


def _place(parent: _Open, value: Any) -> None:
    if isinstance(parent.data, dict):
        parent.data[str(parent.key)] = value
        parent.key = None
    else:
        parent.data.append(value)


def position(positions: Positions, path: Path_) -> tuple[int, int]:
    """Position of the deepest known prefix of ``path`` (a missing key points at its parent)."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return (1, 1)
