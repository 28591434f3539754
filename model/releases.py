"""The released versions of the flows' schemas, frozen in ``model/releases/`` and never regenerated.

``python -m cadre release FLUX`` copies what the generator publishes for a flow (its schema and its
examples) into ``model/releases/flux/<flow>/<version>/``, with a ``release.json`` that records the
version, its status, its date, the flow's technical name and source section, the schema's ``$id`` and
the SHA-256 of each file. Nothing rewrites these folders afterwards: a past version is published as it
was released, byte for byte, whatever the model becomes. Reading them checks that every file still has
its recorded SHA-256, so that a frozen file edited by hand is an error, not a silent change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, StringConstraints, ValidationError

from model._base import Id, Label, _Entity
from model.enums import SpecStatus
from model.problems import Problem

FOLDER = "flux"
"""Sub-folder of ``model/releases/`` that holds the flows, one folder per flow, then one per version."""
RECORD = "release.json"
"""The file of a version's folder that describes it."""

SemVer = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
FileName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*\.json$")]


class ReleaseRecord(_Entity):
    """Ce que ``release.json`` dit d'une version publiée du schéma d'un flux (écrit par ``cadre release``)."""

    flow: Id
    version: SemVer
    status: SpecStatus
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    technical_name: Label
    section: Label
    schema_id: Label = Field(alias="$id")
    schema_file: FileName = Field(description="Celui des fichiers qui est le schéma.")
    files: dict[FileName, Sha256] = Field(min_length=1, description="Chaque fichier figé et son SHA-256.")


@dataclass(frozen=True)
class Release:
    """One released version of a flow's schema: its record and the exact text of each frozen file."""

    record: ReleaseRecord
    texts: dict[str, str]
    """File name → text, exactly as released."""
    folder: str
    """Where it lies, as messages show it (``model/releases/flux/mes-a/0.1.0``)."""

    @property
    def version(self) -> str:
        """The released version number."""
        return self.record.version

    @property
    def schema(self) -> dict[str, Any]:
        """The released schema, parsed."""
        parsed: dict[str, Any] = json.loads(self.texts[self.record.schema_file])
        return parsed


Releases = dict[str, tuple[Release, ...]]
"""Flow id → its released versions, oldest first."""


def version_key(version: str) -> tuple[int, int, int]:
    """A semantic version as a sortable triple (``"0.10.0"`` after ``"0.9.2"``)."""
    major, minor, patch = (int(part) for part in version.split("."))
    return major, minor, patch


def sha256(text: str) -> str:
    """The SHA-256 of a file's text as it is written (UTF-8), in hexadecimal."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_releases(releases_dir: Path, shown: str) -> tuple[Releases, list[Problem]]:
    """Every release under ``releases_dir`` (shown as ``shown`` in messages), with the problems found.

    A folder whose record is unreadable, or whose files no longer match their SHA-256, is left out and
    reported; the others are returned.
    """
    found: dict[str, list[Release]] = {}
    problems: list[Problem] = []
    base = releases_dir / FOLDER
    found_records = base.glob(f"*/*/{RECORD}") if base.is_dir() else []
    # A hidden folder is a release being written (cadre release writes aside, then renames): not yet one.
    records = sorted(p for p in found_records if not any(part.startswith(".") for part in p.parent.parts[-2:]))
    for path in records:
        folder = f"{shown}/{path.parent.relative_to(releases_dir).as_posix()}"
        release = _read_one(path, folder, problems)
        if release is not None:
            found.setdefault(release.record.flow, []).append(release)
    return {flow: tuple(sorted(items, key=lambda r: version_key(r.version))) for flow, items in found.items()}, problems


def _read_one(path: Path, folder: str, problems: list[Problem]) -> Release | None:
    shown = f"{folder}/{RECORD}"
    fix = "une version publiée ne se modifie pas : restaurez le dossier depuis git (git checkout -- " + folder + ")"
    try:
        record = ReleaseRecord.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError, ValidationError) as error:
        problems.append(Problem(shown, 1, 1, f"description de version illisible ({_reason(error)})", fix))
        return None
    flow_dir, version_dir = path.parent.parent.name, path.parent.name
    if (record.flow, record.version) != (flow_dir, version_dir):
        problems.append(
            Problem(
                shown,
                1,
                1,
                f"ce dossier est celui de {flow_dir} {version_dir}, mais sa description dit {record.flow} "
                f"{record.version}",
                fix,
            )
        )
        return None
    if record.schema_file not in record.files:
        problems.append(Problem(shown, 1, 1, f"le schéma « {record.schema_file} » n'est pas dans « files »", fix))
        return None
    texts: dict[str, str] = {}
    for name, expected in sorted(record.files.items()):
        file = path.parent / name
        text = file.read_text(encoding="utf-8") if file.is_file() else None
        if text is None or sha256(text) != expected:
            what = "est absent" if text is None else "a été modifié depuis sa publication (SHA-256 différent)"
            problems.append(Problem(f"{folder}/{name}", 1, 1, f"ce fichier de {flow_dir} {version_dir} {what}", fix))
            return None
        texts[name] = text
    return Release(record, texts, folder)


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "racine"
        return f"{where} : {first['msg']}"
    return "JSON invalide" if isinstance(error, json.JSONDecodeError) else "encodage invalide"
