"""``python -m cadre diff REV1 [REV2]``: what a change does to the model and to its JSON Schemas.

Each side is a git revision (its committed ``generated/framework.json`` and ``generated/schemas/``), a
``framework.json`` file (with the ``schemas/`` folder beside it, if any) or, when REV2 is left out, the
model being edited (read from ``model/content`` and generated in memory). The report lists the services,
flows, use cases and recommendations added, removed or changed, then, for each JSON Schema, whether its
change breaks existing implementations (:mod:`cadre.generators.schema_diff`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cadre.editor.diff_fields import fields, plural, use_case_title
from cadre.generators import build
from cadre.generators.schema_diff import Change, Schema, compare
from model import Index, ModelError, load_framework
from model.problems import terminal

Entity = dict[str, Any]


class DiffError(Exception):
    """A side of the comparison could not be read; the message says why, in French."""


@dataclass(frozen=True)
class Snapshot:
    """One side of the comparison: the model as ``framework.json`` data and its schemas by path."""

    label: str
    framework: dict[str, Any]
    schemas: dict[str, Schema]


def add_parser(commands: Any) -> None:
    """The ``diff`` sub-command."""
    command = commands.add_parser(
        "diff",
        help="compare deux états du modèle (révisions git ou fichiers framework.json)",
        description=(
            "Compare deux états du modèle : services, flux, cas d'usage et recommandations ajoutés, supprimés "
            "ou modifiés, et, pour chaque schéma JSON, si le changement casse les implémentations existantes."
        ),
    )
    command.add_argument("old", metavar="REV1", help="révision git (main, HEAD~1, v1…) ou fichier framework.json")
    command.add_argument(
        "new", metavar="REV2", nargs="?", help="idem ; par défaut, le modèle en cours de modification (model/content)"
    )


def run(root: Path, arguments: argparse.Namespace) -> int:
    """Print the comparison; 1 when a side cannot be read."""
    try:
        old = snapshot(root, arguments.old)
        new = snapshot(root, arguments.new)
    except DiffError as error:
        print(terminal(f"erreur : {error}"), file=sys.stderr)
        return 1
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print("\n".join(terminal(line) for line in report(old, new).splitlines()))
    return 0


def snapshot(root: Path, revision: str | None) -> Snapshot:
    """Read one side: the working model (``None``), a ``framework.json`` file or a git revision."""
    if revision is None:
        outputs = build(Index(load_framework(root / "model" / "content", shown_from=root)))
        schemas = {p: json.loads(t) for p, t in outputs.items() if p.startswith("schemas/") and p.endswith(".json")}
        return Snapshot("modèle en cours (model/content)", json.loads(outputs["framework.json"]), schemas)
    path = Path(revision)
    if path.is_file():
        folder = path.parent / "schemas"
        found = sorted(folder.rglob("*.json")) if folder.is_dir() else []
        schemas = {f"schemas/{p.relative_to(folder).as_posix()}": _json(p.read_text("utf-8"), str(p)) for p in found}
        return Snapshot(str(path), _json(path.read_text("utf-8"), str(path)), schemas)
    return _git_snapshot(root, revision)


def _git_snapshot(root: Path, revision: str) -> Snapshot:
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    if commit is None:
        raise DiffError(f"« {revision} » n'est ni un fichier ni une révision git du dépôt {root}")
    text = _git(root, "show", f"{commit}:generated/framework.json")
    if text is None:
        raise DiffError(f"la révision « {revision} » n'a pas de generated/framework.json")
    listing = _git(root, "ls-tree", "-r", "--name-only", commit, "--", "generated/schemas") or ""
    schemas = {}
    for name in listing.splitlines():
        if name.endswith(".json"):
            schemas[name.removeprefix("generated/")] = _json(_git(root, "show", f"{commit}:{name}") or "", name)
    return Snapshot(f"{revision} ({commit[:7]})", _json(text, "generated/framework.json"), schemas)


def _git(root: Path, *arguments: str) -> str | None:
    try:
        run = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise DiffError("git est introuvable : installez-le, ou comparez deux fichiers framework.json") from error
    return run.stdout.strip() if run.returncode == 0 else None


def _json(text: str, shown: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DiffError(f"{shown} n'est pas un fichier JSON lisible (ligne {error.lineno})") from error


# --- the model's entities ---------------------------------------------------------------------------


def _flows(fw: dict[str, Any]) -> Iterator[Entity]:
    for view in fw.get("views", []):
        yield from ({**flow, "view": view.get("id")} for flow in view.get("flows", []))


def _use_cases(fw: dict[str, Any]) -> Iterator[Entity]:
    for view in fw.get("views", []):
        for scenario in view.get("scenarios", []):
            yield from ({**uc, "scenario": scenario.get("id")} for uc in scenario.get("use_cases", []))


@dataclass(frozen=True)
class _Kind:
    title: str
    feminine: bool
    entities: Callable[[dict[str, Any]], Iterator[Entity]]
    name: Callable[[Entity], str]


KINDS = (
    _Kind("Services", False, lambda fw: iter(fw.get("services", [])), lambda e: str(e.get("name", ""))),
    _Kind("Flux", False, _flows, lambda e: f"flux {e.get('letter')} de la vue {e.get('view')} — {e.get('title')}"),
    _Kind("Cas d'usage", False, _use_cases, use_case_title),
    _Kind(
        "Recommandations",
        True,
        lambda fw: iter(fw.get("recommendations", [])),
        lambda e: " ".join(str(e.get("text", "")).split())[:70] + "…",
    ),
)


def entity_changes(kind: _Kind, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Lines for one kind of entity: ``+`` added, ``-`` removed, ``~`` changed with each field."""
    before = {str(e.get("id")): e for e in kind.entities(old)}
    after = {str(e.get("id")): e for e in kind.entities(new)}
    lines = [f"  + {ident} — {kind.name(after[ident])}" for ident in after if ident not in before]
    lines += [f"  - {ident} — {kind.name(before[ident])}" for ident in before if ident not in after]
    for ident in after:
        changed = list(fields(before[ident], after[ident])) if ident in before else []
        if changed:
            lines.append(f"  ~ {ident} — {kind.name(after[ident])}")
            lines += [f"      {line}" for line in changed]
    return lines


def _counts(lines: list[str], feminine: bool) -> str:
    e = "e" if feminine else ""
    words = {"+": f"ajouté{e}", "-": f"supprimé{e}", "~": f"modifié{e}"}
    counts = [(sum(1 for line in lines if line.startswith(f"  {mark} ")), word) for mark, word in words.items()]
    return ", ".join(f"{n} {word}{'s' if n > 1 else ''}" for n, word in counts if n) or "aucun changement"


# --- the report ----------------------------------------------------------------------------------


def schema_changes(old: dict[str, Schema], new: dict[str, Schema]) -> tuple[list[str], int, int]:
    """Lines for the schemas, the number of schemas with a breaking change, and of unchanged schemas."""
    lines: list[str] = []
    breaking = unchanged = 0
    for path in sorted(set(old) | set(new)):
        if path not in old:
            lines.append(f"  + {path} : nouveau schéma (compatible)")
        elif path not in new:
            lines.append(f"  - {path} : schéma supprimé — RUPTURE pour les implémentations existantes")
            breaking += 1
        else:
            changes: list[Change] = compare(old[path], new[path])
            if not changes:
                unchanged += 1
                continue
            broken = any(c.breaking for c in changes)
            breaking += broken
            verdict = "RUPTURE pour les implémentations existantes" if broken else "compatible"
            lines.append(f"  ~ {path} : {verdict}")
            lines += [f"      [{'rupture' if c.breaking else 'compatible'}] {c.path} : {c.message}" for c in changes]
    return lines, breaking, unchanged


def report(old: Snapshot, new: Snapshot) -> str:
    """The whole comparison, as the editor reads it."""
    out = [f"Comparaison : {old.label} → {new.label}", ""]
    total = 0
    for kind in KINDS:
        lines = entity_changes(kind, old.framework, new.framework)
        total += sum(1 for line in lines if line.startswith(("  +", "  -", "  ~")))
        out.append(f"{kind.title} : {_counts(lines, kind.feminine)}")
        out += lines
    lines, breaking, unchanged = schema_changes(old.schemas, new.schemas)
    changed = len(old.schemas | new.schemas) - unchanged
    out += [
        "",
        f"Schémas JSON : {plural(changed, 'modifié', 'modifiés')}, {plural(unchanged, 'inchangé', 'inchangés')}",
    ]
    out += lines
    verdict = (
        f"{plural(breaking, 'schéma', 'schémas')} avec rupture : les implémentations existantes "
        "devront être mises à jour."
        if breaking
        else "aucune rupture pour les implémentations existantes."
    )
    out += ["", f"Bilan : {plural(total, 'changement', 'changements')} dans le modèle ; {verdict}"]
    return "\n".join(out)
