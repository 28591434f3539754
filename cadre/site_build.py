"""``python -m cadre.site_build``: build the static site, replacing ``site/`` only when the build succeeds.

``mkdocs build`` empties its output folder first and writes page by page, so a failing build (a broken
link under ``--strict``, a hook that stops) would leave a half-written site. The site is built into a
temporary folder beside ``site/`` and swapped in by two renames once MkDocs has finished without error:
a failed build leaves ``site/`` exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_site(root: Path = ROOT, site_dir: Path | None = None) -> int:
    """Run ``mkdocs build --strict`` for ``root/mkdocs.yml`` into ``site_dir`` (``root/site``); return its exit code."""
    target = (site_dir or root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}-construction-", dir=target.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(root / "mkdocs.yml")]
    try:
        code = subprocess.run([*command, "--site-dir", str(building)], cwd=root, check=False).returncode
        if code != 0:
            print(f"La construction du site a échoué : {target.name}/ n'a pas été modifié.", file=sys.stderr)
            return code
        previous = target.with_name(f".{target.name}-precedent-{os.getpid()}")
        if target.exists():
            os.replace(target, previous)
        os.replace(building, target)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    print(f"Site construit dans {target.name}/.")
    return 0


if __name__ == "__main__":
    sys.exit(build_site())
