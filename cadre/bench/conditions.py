"""The conditions of ``make bench``'s measurements: what an editor's machine has, and nothing of the bench's own.

Two things of this workplace, not of the pipeline, weighed on the figures:

- **Python's bytecode cache.** With ``PYTHONDONTWRITEBYTECODE`` set, every command compiles again every
  module it imports (0.5 s for ``python -m cadre generate``); an editor's Python keeps them in
  ``__pycache__`` after the first run. The bench's commands keep theirs in a folder of the bench
  (``PYTHONPYCACHEPREFIX``), so that nothing is written under the repository either.
- **Files deleted just before.** On ext4 without a journal (this machine's disk), creating a file makes
  the kernel skip, one by one, the inodes of its block group freed in the last minutes
  (``recently_deleted`` in ``fs/ext4/ialloc.c``). Deleting ``generated/`` and the cache, about 6,000 files,
  just before a generation without cache made that generation pay 2 to 5 s of kernel time (``perf``:
  17 % of the samples in ``recently_deleted``), which no editor pays on a fresh clone; and a pass's
  site builds, replacing the previous pass's sites, slowed the next pass's generation the same way.
  What a pass starts without is moved aside instead (:func:`set_aside`), and deleted with the bench's
  temporary folder, once it has ended: a bench started within minutes of that still pays for it
  (measured: 5.3 to 6.5 s instead of 4.3 to 4.7 s for the generation without cache at 10×).

:func:`prepare` says which of these it changed; the bench prints it above its table.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

DONT_WRITE = "PYTHONDONTWRITEBYTECODE"
PREFIX = "PYTHONPYCACHEPREFIX"


def prepare(folder: Path) -> list[str]:
    """Set the environment of the bench's commands, its bytecode kept under ``folder``; what changed, in French."""
    said = []
    if os.environ.pop(DONT_WRITE, None) is not None:
        said.append(
            f"{DONT_WRITE} est défini ici : les commandes mesurées gardent malgré tout leur bytecode, comme "
            "chez un éditeur qui ne l'a pas défini (sans lui, chaque commande coûte environ 0,5 s de plus)."
        )
    os.environ[PREFIX] = str(folder)
    os.environ["DISABLE_MKDOCS_2_WARNING"] = "true"
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    return said


def set_aside(root: Path, trash: Path, names: tuple[str, ...]) -> None:
    """Move ``root``'s folders ``names`` (relative paths) into a new folder under ``trash``, if they exist.

    ``trash`` must be on the same file system as ``root``: the move is then a rename, which frees no inode.
    """
    trash.mkdir(parents=True, exist_ok=True)
    folder = trash / str(sum(1 for _ in trash.iterdir()))
    folder.mkdir()
    for name in names:
        if (root / name).exists():
            shutil.move(root / name, folder / name.replace("/", "-"))
