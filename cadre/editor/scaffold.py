"""``python -m cadre new service|flow|use-case ID``: a YAML skeleton written in the right file.

The new entry is appended to its list (the services, a view's flows, a schema's use cases) without
touching a byte of the rest of the file: its comments, order and layout stay as they are. The entry is
rendered by ruamel.yaml, spliced in after the last item of the list (before the comments that introduce
what follows), and the file is parsed again to prove that only that entry was added. Fields the command
was not given are left empty with a comment, and the model is validated at once: the editor is told,
field by field and line by line, what remains to fill.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from cadre.editor.scaffold_fields import FIELDS, ScaffoldError, Target, empty_comment, locate, spec_entry, spec_path
from model import ModelError, Problem, content_files, load_model
from model.problems import terminal

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EMPTY = re.compile(r"^(\s*(?:- )?[a-z_]+:) +#")


def add_parser(commands: Any) -> None:
    """The ``new`` sub-command and its three kinds."""
    command = commands.add_parser(
        "new",
        help="ajoute au modèle le squelette d'un service, d'un flux ou d'un cas d'usage",
        description=(
            "Écrit le squelette YAML d'un nouvel élément dans le bon fichier de model/content, sans rien changer "
            "au reste du fichier, puis dit quels champs restent à compléter."
        ),
    )
    kinds = command.add_subparsers(dest="entity", required=True, metavar="NATURE")
    for kind, (help_text, options) in FIELDS.items():
        sub = kinds.add_parser(kind, help=help_text)
        sub.add_argument("id", metavar="ID", help="identifiant : minuscules sans accent, chiffres et tirets")
        for option in (o for o in options if o.on_command_line):
            if option.repeated:
                sub.add_argument(
                    f"--{option.flag}", dest=option.key, help=option.help, metavar=option.metavar, action="append"
                )
                continue
            sub.add_argument(
                f"--{option.flag}",
                dest=option.key,
                help=option.help,
                metavar=option.metavar,
                type=_comma_list if option.many else int if option.integer else str,
            )


def _comma_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def run(root: Path, arguments: argparse.Namespace) -> int:
    """Write the skeleton and report what is left to fill; 1 when nothing could be written."""
    values = {key: value for key, value in vars(arguments).items() if value is not None}
    try:
        written = new_entry(root, arguments.entity, arguments.id, values)
    except ScaffoldError as error:
        print(terminal(f"erreur : {error}"), file=sys.stderr)
        return 1
    places = [f"{w.path.relative_to(root).as_posix()}, lignes {w.first} à {w.last}" for w in written]
    print(
        terminal(f"« {arguments.id} » ajouté à {places[0]}" + "".join(f" ; sa spécification à {p}" for p in places[1:]))
        + "."
    )
    todo, elsewhere = _remaining(root, written)
    if todo:
        print("À compléter avant de publier :")
        print("\n".join(str(problem) for problem in todo))
    else:
        print("Le nouvel élément est complet : « make serve » le montre sur le site.")
    if elsewhere:
        others = "autre problème" if elsewhere == 1 else "autres problèmes"
        print(f"Le modèle signale aussi {elsewhere} {others} : voir « make validate ».")
    return 0


@dataclass(frozen=True)
class Written:
    """Lines ``first`` to ``last`` (1-based) of ``path`` hold the new entry; ``text`` is the whole file."""

    path: Path
    text: str
    first: int
    last: int


def new_entry(root: Path, kind: str, ident: str, values: dict[str, Any]) -> list[Written]:
    """Append the skeleton of a ``kind`` entry to its file (and a new flow's specification to its own).

    Every file is computed and checked before any is written.
    """
    if not ID.fullmatch(ident) or len(ident) > 60:
        raise ScaffoldError(
            f"« {ident} » n'est pas un identifiant : minuscules sans accent, chiffres et tirets (ex. « mes-f »)"
        )
    content = root / "model" / "content"
    target = locate(kind, ident, values, [(p, _load(p)) for p in content_files(content)])
    plans = [_append(root, target.path, target.list_path, _entry(kind, ident, values, target))]
    if kind == "flow":
        plans.append(_append(root, spec_path(content, values["view"]), ("flow_specs",), spec_entry(ident, values)))
    for plan in plans:
        _write(plan.path, plan.text)
    return plans


def _append(root: Path, path: Path, list_path: tuple[str | int, ...], entry: CommentedMap) -> Written:
    """The file with ``entry`` at the end of the list at ``list_path``, proved to change nothing else."""
    if not path.exists():
        schema = os.path.relpath(root / "generated" / "schemas" / "framework.schema.json", path.parent)
        header = f"# yaml-language-server: $schema={Path(schema).as_posix()}\n"
        block = CommentedMap()
        block[list_path[-1]] = CommentedSeq([entry])
        rendered = _render(block, 0)
        return Written(path, header + "".join(rendered), 2, 1 + len(rendered))
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at, rendered = _splice_point(_load(path), list_path, entry, lines)
    new_text = "".join([*lines[:at], *rendered, *lines[at:]])
    _prove_only_added(text, new_text, list_path, entry)
    return Written(path, new_text, at + 1, at + len(rendered))


def _load(path: Path) -> Any:
    try:
        return _yaml().load(path.read_text(encoding="utf-8"))
    except Exception as error:
        raise ScaffoldError(
            f"{path.name} ne peut pas être lu ({error}) : corrigez-le d'abord (make validate)"
        ) from None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _entry(kind: str, ident: str, values: dict[str, Any], target: Target) -> CommentedMap:
    """The new entry: given values, computed ones (letter, number), empty fields with a comment."""
    entry = CommentedMap()
    entry["id"] = ident
    for field in FIELDS[kind][1]:
        if not field.in_yaml:
            continue
        value = values.get(field.key, target.computed.get(field.key))
        if value is None and not field.required:
            continue
        if field.key == "section":
            source = CommentedMap()
            source["section"] = DoubleQuotedScalarString(value) if value else None
            if value is None:
                source.yaml_add_eol_comment(empty_comment(field), "section")
            else:
                source.fa.set_flow_style()
            entry["source"] = source
            continue
        if isinstance(value, list) and not isinstance(value, CommentedSeq):
            value = CommentedSeq(value)
            if not field.repeated:
                value.fa.set_flow_style()
        entry[field.key] = value
        if value is None:
            entry.yaml_add_eol_comment(empty_comment(field), field.key)
    return entry


def _splice_point(
    data: Any, list_path: tuple[str | int, ...], entry: CommentedMap, lines: list[str]
) -> tuple[int, list[str]]:
    """Where to insert (a 0-based line) and the rendered lines, indented like their neighbours."""
    parent = data
    for key in list_path[:-1]:
        parent = parent[key]
    key = list_path[-1]
    items = parent.get(key)
    if items is None:
        # No such list yet: a new key at the end of its block.
        last = list(parent)[-1]
        at = _end_of(data, (*list_path[:-1], last), lines, parent.lc.key(last)[1])
        block = CommentedMap()
        block[key] = CommentedSeq([entry])
        return at, _render(block, parent.lc.key(last)[1])
    if not isinstance(items, CommentedSeq) or not items or items.fa.flow_style():
        raise ScaffoldError(
            f"la liste « {key} » est vide ou écrite sur une ligne (« [] ») : écrivez-la sous forme de liste à tirets"
        )
    line, _ = items.lc.item(0)
    dash = lines[line].index("-")
    at = _end_of(data, (*list_path, len(items) - 1), lines, dash)
    return at, _render(CommentedSeq([entry]), dash)


def _end_of(data: Any, path: tuple[str | int, ...], lines: list[str], indent: int) -> int:
    """First line after the node at ``path``, before the blank lines and comments that introduce what follows."""
    end = len(lines)
    for depth in range(len(path), 0, -1):
        container = data
        for step in path[: depth - 1]:
            container = container[step]
        step = path[depth - 1]
        if isinstance(container, CommentedSeq) and isinstance(step, int) and step + 1 < len(container):
            end = container.lc.item(step + 1)[0]
            break
        if isinstance(container, CommentedMap):
            keys = list(container)
            position = keys.index(step)
            if position + 1 < len(keys):
                end = container.lc.key(keys[position + 1])[0]
                break
    while end > 0 and _introduces_next(lines[end - 1], indent):
        end -= 1
    return end


def _introduces_next(line: str, indent: int) -> bool:
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and len(line) - len(line.lstrip()) <= indent)


def _render(node: Any, indent: int) -> list[str]:
    stream = io.StringIO()
    _yaml().dump(node, stream)
    # An empty field and its comment: « key:  # à compléter … », whatever column ruamel.yaml chose.
    rendered = [_EMPTY.sub(r"\1  #", line) for line in stream.getvalue().splitlines(keepends=True)]
    shift = " " * indent
    if isinstance(node, CommentedSeq):
        return [shift + line[2:] if line.startswith("  ") else shift + line for line in rendered]
    return [shift + line for line in rendered]


def _prove_only_added(old: str, new: str, list_path: tuple[str | int, ...], entry: CommentedMap) -> None:
    """Parse both texts: the new one must be the old one with ``entry`` at the end of its list."""
    safe = YAML(typ="safe")
    expected = safe.load(old)
    parent = expected
    for key in list_path[:-1]:
        parent = parent[key]
    parent.setdefault(list_path[-1], []).append(safe.load(_yaml_text(entry)))
    try:
        written = safe.load(new)
    except Exception:
        written = None
    if written != expected:
        raise ScaffoldError(
            "le fichier ne peut pas être complété sans en modifier le reste : ajoutez l'élément à la main"
        )


def _yaml_text(entry: CommentedMap) -> str:
    stream = io.StringIO()
    _yaml().dump(entry, stream)
    return stream.getvalue()


def _write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remaining(root: Path, written: list[Written]) -> tuple[list[Problem], int]:
    """Problems inside the new entries (what to fill), and how many others the model has."""
    try:
        problems: Sequence[Problem] = load_model(root / "model" / "content", shown_from=root).warnings
    except ModelError as error:
        problems = error.problems
    places = {(w.path.relative_to(root).as_posix(), line) for w in written for line in range(w.first, w.last + 1)}
    mine = [p for p in problems if (p.file, p.line) in places]
    return mine, len(problems) - len(mine)
