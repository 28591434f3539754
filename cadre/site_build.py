"""``python -m cadre.site_build``: build the static site, replacing ``site/`` at once and only on success.

``mkdocs build`` empties its output folder first and writes page by page, so a failing build (a broken
link under ``--strict``, a hook that stops) would leave a half-written site. The site is built into a
hidden folder beside ``site/`` and swapped in at once (:mod:`cadre.tree`) once MkDocs has finished
without error: a failed or killed build leaves ``site/`` complete, as it was or as built. The build holds
the lock of the repository, so that ``generate`` does not change ``generated/`` while MkDocs reads it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cadre import tree

ROOT = Path(__file__).resolve().parent.parent


class _BuildError(Exception):
    """MkDocs stopped with an error: its exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def build_site(root: Path = ROOT, site_dir: Path | None = None) -> int:
    """Run ``mkdocs build --strict`` for ``root/mkdocs.yml`` into ``site_dir`` (``root/site``); return its exit code."""
    target = (site_dir or root / "site").resolve()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml")]
    try:
        with tree.locked(root, f"construire {target.name}/"):
            tree.recover(target)
            with tree.replacing(target) as building:
                code = subprocess.run([*command, "--site-dir", str(building)], cwd=root, check=False).returncode
                if code != 0:
                    raise _BuildError(code)
    except _BuildError as failure:
        print(f"La construction du site a échoué : {target.name}/ n'a pas été modifié.", file=sys.stderr)
        return failure.code
    except tree.TreeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Site construit dans {target.name}/.")
    return 0


if __name__ == "__main__":
    sys.exit(build_site())
