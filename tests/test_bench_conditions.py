"""The conditions of ``make bench``'s measurements (:mod:`cadre.bench.conditions`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cadre.bench import conditions


def test_set_aside_moves_the_trees_without_freeing_a_file(tmp_path: Path) -> None:
    root, trash = tmp_path / "depot", tmp_path / "mis-de-cote"
    (root / "generated" / "docs").mkdir(parents=True)
    (root / ".cache" / "cadre").mkdir(parents=True)
    page, entry = root / "generated" / "docs" / "page.md", root / ".cache" / "cadre" / "entree"
    page.write_text("page", encoding="utf-8")
    entry.write_bytes(b"svg")
    inodes = {page.stat().st_ino, entry.stat().st_ino}

    conditions.set_aside(root, trash, ("generated", ".cache/cadre", "absent"))
    conditions.set_aside(root, trash, ("generated",))  # nothing left to move: an empty bin, no error

    assert not (root / "generated").exists() and not (root / ".cache" / "cadre").exists()
    assert (root / ".cache").is_dir()  # Zensical's cache, beside ours, stays
    moved = {p.stat().st_ino for p in trash.rglob("*") if p.is_file()}
    assert moved == inodes  # renamed, not copied then deleted
    assert sorted(p.name for p in trash.iterdir()) == ["0", "1"]


def test_commands_keep_their_bytecode_outside_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(conditions.DONT_WRITE, "1")
    monkeypatch.delenv(conditions.PREFIX, raising=False)
    package = tmp_path / "depot" / "paquet_banc"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VALEUR = 1\n", encoding="utf-8")

    said = conditions.prepare(tmp_path / "bytecode")
    subprocess.run([sys.executable, "-c", "import paquet_banc"], cwd=package.parent, check=True)

    assert conditions.DONT_WRITE not in os.environ
    assert said and conditions.DONT_WRITE in said[0]
    assert not (package / "__pycache__").exists()  # nothing written beside the sources
    assert list((tmp_path / "bytecode").rglob("paquet_banc/__init__.*.pyc"))
    assert conditions.prepare(tmp_path / "bytecode") == []  # said once: the variable is gone
