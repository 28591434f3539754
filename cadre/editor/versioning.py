"""The rule of ``validate`` on version numbers: a specification's version follows what its schema did.

Each flow's current schema (generated from the model) is compared with its latest released version
(:mod:`model.releases`):

- a released version never changes: the same number with other files is refused, whatever the status;
- a number lower than the latest released one is refused;
- once the latest released version is past ``draft`` (vendors implement it), a breaking change
  (:mod:`cadre.generators.schema_diff`) needs a new major version, a compatible change of structure at
  least a new minor version, a change of descriptions or examples at least a new patch version;
- a draft (``0.x``, status ``draft``) may change freely: any higher number will do.

The rule follows the status of the *released* version, because that is the promise vendors built on.
"""

from __future__ import annotations

from cadre.generators import schema_history
from cadre.generators.schema_diff import Change, compare
from model import Index, Loaded, Problem, Release, SpecStatus, version_key

DIFF_HINT = "« python -m cadre diff main » détaille les changements"


def version_problems(loaded: Loaded, flows: set[str] | None = None) -> list[Problem]:
    """Every specification whose version number does not follow the change of its schema (``flows``: only those)."""
    index = Index(loaded.framework)
    problems = []
    for spec in loaded.framework.flow_specs:
        released = loaded.framework.released(spec.flow)
        if not released or (flows is not None and spec.flow not in flows):
            continue
        found = _problem(index, spec.flow, released[-1])
        if found:
            message, fix = found
            problems.append(loaded.spec_problem(spec.flow, "version", message, fix))
    return sorted(problems)


def required_bump(latest: Release, changes: list[Change], changed: bool) -> int:
    """Which part of the version must grow: 0 major, 1 minor, 2 patch; 3 when nothing changed."""
    if not changed:
        return 3
    if latest.record.status is SpecStatus.DRAFT:
        return 2
    if any(change.breaking for change in changes):
        return 0
    return 1 if changes else 2


def _problem(index: Index, flow: str, latest: Release) -> tuple[str, str] | None:
    now = schema_history.current(index, flow)
    assert now is not None  # a specification exists
    old, new = version_key(latest.version), version_key(now.version)
    shown = f"le schéma du flux {flow}"
    if new < old:
        return (
            f"le flux {flow} est en version {now.version}, antérieure à sa dernière version publiée {latest.version}",
            f"écrivez une version supérieure à {latest.version} (les versions publiées sont dans {latest.folder})",
        )
    changes = compare(latest.schema, now.schema)
    bump = required_bump(latest, changes, now.texts != latest.texts)
    if bump == 3 or _grows(old, new, bump):
        return None
    target = _next(old, bump)
    what = _what(changes, latest)
    if new == old:
        return (
            f"{shown} a changé depuis sa publication en version {latest.version} ({what}), sans changer de version :"
            " une version publiée ne change plus",
            f'écrivez version: "{target}" ({_kind(bump)}) ; {DIFF_HINT}',
        )
    return (
        f"{shown} passe de {latest.version} (publiée, statut « {latest.record.status.label} ») à {now.version}, "
        f"mais le changement demande une {_kind(bump)} : {what}",
        f'écrivez version: "{target}" au moins, ou rendez le changement compatible ; {DIFF_HINT}',
    )


def _grows(old: tuple[int, int, int], new: tuple[int, int, int], bump: int) -> bool:
    """Whether ``new`` raises ``old`` at part ``bump`` or before it."""
    return new[: bump + 1] > old[: bump + 1]


def _next(old: tuple[int, int, int], bump: int) -> str:
    parts = [*old[:bump], old[bump] + 1] + [0] * (2 - bump)
    return ".".join(map(str, parts))


def _kind(bump: int) -> str:
    return ("nouvelle version majeure", "nouvelle version mineure", "nouvelle version corrective")[bump]


def _what(changes: list[Change], latest: Release) -> str:
    breaking = [c for c in changes if c.breaking]
    if breaking:
        shown = "; ".join(f"{c.path} : {c.message}" for c in breaking[:3])
        more = f" et {len(breaking) - 3} autre(s)" if len(breaking) > 3 else ""
        return f"rupture — {shown}{more}"
    if changes:
        return "changement compatible — " + "; ".join(f"{c.path} : {c.message}" for c in changes[:3])
    return "descriptions ou exemples modifiés" if latest.record.status is not SpecStatus.DRAFT else "fichiers modifiés"
