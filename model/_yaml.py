"""Reading one YAML file into plain Python data, remembering the line of every key and item.

Only the subset of YAML described in :mod:`model._yaml_subset` is accepted; whatever else the file
holds, reading it returns a located :class:`~model.problems.Problem`, never an exception.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from model._yaml_subset import RefusedError, SubsetComposer, check_size, check_text
from model.problems import Problem

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]


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
    yaml = YAML(typ="rt")
    yaml.Composer = SubsetComposer
    try:
        document = yaml.load(text)
    except RefusedError as refusal:
        return _problem(shown, refusal)
    except DuplicateKeyError as error:
        mark = error.problem_mark
        key = _duplicate_key(error)
        return Problem(
            shown,
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
            f"la clé « {key} » apparaît deux fois dans le même bloc",
            "gardez une seule occurrence de cette clé",
        )
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return Problem(
            shown,
            mark.line + 1 if mark else 1,
            mark.column + 1 if mark else 1,
            f"syntaxe YAML invalide ({error.problem or error.context})",
            "vérifiez l'indentation, les deux-points et les guillemets sur cette ligne ou la précédente",
        )
    except Exception as error:  # last resort: whatever else ruamel raises still names the file
        return Problem(
            shown,
            1,
            1,
            f"le fichier n'a pas pu être lu comme du YAML ({type(error).__name__})",
            "vérifiez qu'il ne contient que des blocs, des listes, des textes, des nombres et des dates",
        )
    positions: Positions = {(): (1, 1)}
    return _plain(document, (), positions), positions


def _problem(shown: str, refusal: RefusedError) -> Problem:
    return Problem(shown, refusal.line, refusal.column, refusal.message, refusal.fix)


def _duplicate_key(error: DuplicateKeyError) -> str:
    problem = error.problem or ""
    start = problem.find('"')
    end = problem.find('"', start + 1)
    return problem[start + 1 : end] if 0 <= start < end else "?"


def _plain(node: Any, path: Path_, positions: Positions) -> Any:
    """Copy ``node`` into builtin types, recording the position of each key and list item."""
    if isinstance(node, CommentedMap):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            line, column = node.lc.key(key)
            child = (*path, str(key))
            positions[child] = (line + 1, column + 1)
            result[str(key)] = _plain(value, child, positions)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            line, column = node.lc.item(index)
            child = (*path, index)
            positions[child] = (line + 1, column + 1)
            items.append(_plain(value, child, positions))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, datetime.date):
        return node.isoformat()
    return str(node)


def position(positions: Positions, path: Path_) -> tuple[int, int]:
    """Position of the deepest known prefix of ``path`` (a missing key points at its parent)."""
    for end in range(len(path), -1, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return (1, 1)
