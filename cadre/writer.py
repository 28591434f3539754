"""The one place that touches ``generated/``: atomic writes, stale-file removal and the freshness check."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Changes:
    """What writing (or checking) an output set changes in the output directory."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        """One line per changed file, prefixed with +, ~ or -."""
        lines = [f"  + {p}" for p in self.added]
        lines += [f"  ~ {p}" for p in self.changed]
        lines += [f"  - {p}" for p in self.removed]
        return "\n".join(lines)


def compare(outputs: dict[str, str], directory: Path) -> Changes:
    """What :func:`write` would change in ``directory`` to make it hold exactly ``outputs``."""
    changes = Changes()
    existing = _existing(directory)
    for relative in sorted(outputs):
        target = directory / relative
        if relative not in existing:
            changes.added.append(relative)
        elif target.read_bytes() != outputs[relative].encode("utf-8"):
            changes.changed.append(relative)
    changes.removed = sorted(existing - set(outputs))
    return changes


def write(outputs: dict[str, str], directory: Path) -> Changes:
    """Make ``directory`` hold exactly ``outputs``, touching only files whose bytes change.

    Each file is written to a temporary file then renamed, so a reader never sees half a file.
    """
    for relative in outputs:
        _check_relative(relative)
    changes = compare(outputs, directory)
    for relative in changes.added + changes.changed:
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(outputs[relative].encode("utf-8"))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    for relative in changes.removed:
        (directory / relative).unlink()
    _remove_empty_dirs(directory)
    return changes


def _check_relative(relative: str) -> None:
    parts = relative.split("/")
    if relative.startswith("/") or any(p in {"", ".", ".."} for p in parts) or "\\" in relative:
        raise ValueError(f"chemin de sortie refusé : {relative!r}")


def _existing(directory: Path) -> set[str]:
    if not directory.is_dir():
        return set()
    return {
        p.relative_to(directory).as_posix()
        for p in directory.rglob("*")
        if p.is_file() and not p.name.startswith(".tmp-")
    }


def _remove_empty_dirs(directory: Path) -> None:
    if not directory.is_dir():
        return
    for path in sorted(directory.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
