"""The versions of each flow's schema: the released ones, frozen, then the version being written, if new.

A released version (:mod:`model.releases`) is published from its frozen files, never regenerated. The
current version of the specification is published too, at its own versioned path, as long as its
number has not been released: once released, the frozen copy takes its place. Each version says what
changed from the one before (:func:`cadre.generators.schema_diff.compare`) and whether that breaks the
implementations of the previous one.
"""

from __future__ import annotations

import json
import posixpath
import weakref
from dataclasses import dataclass
from typing import Any

from cadre.generators import json_schemas
from cadre.generators.schema_diff import Change, compare
from model import FlowSpec, Index, Release, SpecStatus, version_key

FOLDER = json_schemas.FOLDER
_SPECS: weakref.WeakKeyDictionary[Index, dict[str, FlowSpec]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class SchemaVersion:
    """One published version of a flow's schema and of its examples."""

    flow: str
    version: str
    status: SpecStatus
    date: str | None
    """Release date (AAAA-MM-JJ); ``None`` for the current version not yet released."""
    technical_name: str
    section: str
    schema_id: str
    schema_file: str
    texts: dict[str, str]
    """File name → exact text."""
    previous: str | None = None
    changes: tuple[Change, ...] = ()

    @property
    def released(self) -> bool:
        """Whether this version is frozen in ``model/releases/``."""
        return self.date is not None

    @property
    def breaking(self) -> bool:
        """Whether an implementation of the previous version may refuse, or miss, what this one sends."""
        return any(change.breaking for change in self.changes)

    @property
    def schema(self) -> dict[str, Any]:
        """The schema, parsed."""
        parsed: dict[str, Any] = json.loads(self.texts[self.schema_file])
        return parsed

    def path(self, name: str) -> str:
        """Where one of its files is published, under ``generated/`` (``schemas/flux/mes-a/0.1.0/…``)."""
        return f"{version_folder(self.flow, self.version)}/{name}"


def version_folder(flow: str, version: str) -> str:
    """The stable folder of one version of a flow's schema, under ``generated/``."""
    return f"{FOLDER}/{flow}/{version}"


def role(name: str, schema_file: str) -> str:
    """What a published file is: ``schema``, ``example`` (valid) or ``invalid``."""
    if name == schema_file:
        return "schema"
    return "invalid" if ".invalide-" in name else "example"


def current(index: Index, flow: str) -> SchemaVersion | None:
    """The version the specification describes now, generated from the model; ``None`` without specification."""
    spec = spec_of(index, flow)
    if spec is None:
        return None
    files = json_schemas.flow_files(index, spec)
    schema_path = json_schemas.paths(index, spec)["schema"]
    return SchemaVersion(
        flow=flow,
        version=spec.version,
        status=spec.status,
        date=None,
        technical_name=spec.technical_name,
        section=spec.source.place,
        schema_id=json_schemas.schema_id(index.flows[flow], spec),
        schema_file=posixpath.basename(schema_path),
        texts={posixpath.basename(path): text for path, text in files.items()},
    )


def spec_of(index: Index, flow: str) -> FlowSpec | None:
    """The specification of ``flow``, looked up in a table built once per index (not by scanning every time)."""
    if index not in _SPECS:
        _SPECS[index] = {spec.flow: spec for spec in index.framework.flow_specs}
    return _SPECS[index].get(flow)


def frozen(release: Release) -> SchemaVersion:
    """A released version, from its frozen files."""
    record = release.record
    return SchemaVersion(
        flow=record.flow,
        version=record.version,
        status=record.status,
        date=record.date,
        technical_name=record.technical_name,
        section=record.section,
        schema_id=record.schema_id,
        schema_file=record.schema_file,
        texts=dict(release.texts),
    )


def history(index: Index, flow: str) -> list[SchemaVersion]:
    """Every published version of ``flow``'s schema, oldest first, each compared with the one before.

    The current version joins the released ones only when its number is above theirs (a lower or equal
    number is refused by ``validate``, :mod:`cadre.editor.versioning`).
    """
    versions = [frozen(release) for release in index.framework.released(flow)]
    now = current(index, flow)
    if now is not None and (not versions or version_key(now.version) > version_key(versions[-1].version)):
        versions.append(now)
    compared: list[SchemaVersion] = []
    for version in versions:
        if compared:
            before = compared[-1]
            version = _with_changes(version, before.version, tuple(compare(before.schema, version.schema)))
        compared.append(version)
    return compared


def _with_changes(version: SchemaVersion, previous: str, changes: tuple[Change, ...]) -> SchemaVersion:
    return SchemaVersion(**{**version.__dict__, "previous": previous, "changes": changes})


def flows(index: Index) -> list[str]:
    """Every flow with a published schema: those specified, in the model's order, then those only released."""
    specified = [spec.flow for spec in index.framework.flow_specs]
    return specified + sorted(set(index.framework.releases) - set(specified))
