"""``python -m cadre release FLUX…``: freeze the current version of flows' schemas into ``model/releases/``.

Releasing is the one act that publishes a version for good: what the generator publishes for the flow
(its schema and its examples) is copied, byte for byte, into ``model/releases/flux/<flow>/<version>/``
with a ``release.json`` (version, status, date, technical name, source section, ``$id``, SHA-256 of each
file). Nothing regenerates that folder afterwards (:mod:`model.releases` checks the SHA-256 on every
load), so a past version is never rebuilt from a model that has moved on. The version rule of
``validate`` (:mod:`cadre.editor.versioning`) is checked first: a number already released with other
content, or that does not follow the change, is refused. ``generated/`` is then regenerated.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from cadre.editor.versioning import version_problems
from cadre.generate import run_generate
from cadre.generators import schema_history
from model import Index, ModelError, ReleaseRecord, load_model, sha256
from model.loader import RELEASES
from model.problems import terminal
from model.releases import FOLDER, RECORD


class ReleaseError(Exception):
    """The release was refused; the message says why, in French."""


def add_parser(commands: Any) -> None:
    """The ``release`` sub-command."""
    command = commands.add_parser(
        "release",
        help="publie (fige) la version en cours du schéma d'un ou de plusieurs flux dans model/releases/",
        description=(
            "Fige la version en cours du schéma de chaque flux nommé (schéma et exemples) dans "
            "model/releases/flux/<flux>/<version>/, où elle reste publiée telle quelle, puis régénère generated/."
        ),
    )
    command.add_argument("flows", metavar="FLUX", nargs="+", help="identifiant du flux (mes-a…)")
    command.add_argument("--date", type=_date, help="date de publication AAAA-MM-JJ (par défaut : aujourd'hui)")


def _date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date AAAA-MM-JJ") from error


def run(root: Path, arguments: argparse.Namespace) -> int:
    """Freeze the flows, then regenerate; 1 when refused (nothing is written then)."""
    date = arguments.date or datetime.date.today().isoformat()
    try:
        written = release(root, list(dict.fromkeys(arguments.flows)), date)
    except ModelError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except ReleaseError as error:
        print(terminal(f"erreur : {error}"), file=sys.stderr)
        return 1
    for line in written:
        print(terminal(line))
    return run_generate(root)


def release(root: Path, flows: list[str], date: str) -> list[str]:
    """Freeze each of ``flows`` at its current version; the lines to print.

    Raises:
        ModelError: the model, or the version rule, has problems.
        ReleaseError: a flow has no specification.

    """
    loaded = load_model(root / "model" / "content", shown_from=root)
    specified = {spec.flow for spec in loaded.framework.flow_specs}
    unknown = [flow for flow in flows if flow not in specified]
    if unknown:
        raise ReleaseError(
            f"aucune spécification pour {', '.join(unknown)} → flux spécifiés : {', '.join(sorted(specified))}"
        )
    problems = version_problems(loaded, set(flows))
    if problems:
        raise ModelError(problems)
    index = Index(loaded.framework)
    lines = []
    for flow in flows:
        now = schema_history.current(index, flow)
        assert now is not None
        if now.version in {r.version for r in loaded.framework.released(flow)}:
            lines.append(f"{flow} {now.version} est déjà publiée, à l'identique : rien à faire.")
            continue
        folder = root / "model" / RELEASES / FOLDER / flow / now.version
        _write(folder, now, date)
        shown = folder.relative_to(root).as_posix()
        lines.append(f"{flow} {now.version} publiée ({now.status.value}, {date}) : {shown}/")
    return lines


def _write(folder: Path, version: schema_history.SchemaVersion, date: str) -> None:
    """Write the frozen folder aside, then move it in place: never half a release."""
    record = ReleaseRecord(
        flow=version.flow,
        version=version.version,
        status=version.status,
        date=date,
        technical_name=version.technical_name,
        section=version.section,
        schema_id=version.schema_id,
        schema_file=version.schema_file,
        files={name: sha256(text) for name, text in sorted(version.texts.items())},
    )
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, text in version.texts.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        data = record.model_dump(mode="json", by_alias=True)
        (staging / RECORD).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.chmod(staging, 0o755)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
