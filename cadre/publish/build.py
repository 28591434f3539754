"""``python -m cadre.publish [--generator mkdocs|zensical]``: build the static site, replacing ``site/`` at once.

Three steps, under the lock of the repository (so that ``generate`` does not change ``generated/``
meanwhile):

1. assemble the source tree of the site, ``build/site-src/`` (:mod:`cadre.site.assemble`);
2. run the site generator on it, strictly (``mkdocs build --strict`` or ``zensical build --strict``:
   a broken link fails the build), into a hidden folder beside ``site/``;
3. apply the post-build steps (:func:`cadre.site.post_build.finish`: the diagrams put in place, the print
   view's pages filled, search without accents, the Content-Security-Policy of every page), then swap the
   folder in (:mod:`cadre.output.tree`).

``mkdocs build`` empties its output folder first and writes page by page, so a failing build would leave
a half-written site: a failed or killed build leaves ``site/`` complete, as it was or as built.

Zensical takes no output folder on its command line: it is given a configuration that inherits
``mkdocs.yml`` (``INHERIT``) and only sets ``site_dir``, written for the build beside it and deleted after.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from cadre.output import tree
from cadre.output.site_paths import SITE_GENERATORS
from cadre.site import assemble, csp, diagrams, post_build

ROOT = Path(__file__).resolve().parents[2]
_PR_SET_PDEATHSIG = 1


class _BuildError(Exception):
    """The generator stopped with an error: its exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _die_with_parent() -> None:
    """In the generator's process (Linux): be killed when the build that started it dies.

    Otherwise a killed build would leave its generator writing into a staging folder that the next
    build has already cleaned up.
    """
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _run(generator: str, root: Path, output: Path) -> int:
    """Run ``generator`` strictly on ``root/mkdocs.yml`` into ``output``; its exit code."""
    config = root / "mkdocs.yml"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    if generator == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
        command += ["--site-dir", str(output)]
        return subprocess.run(command, cwd=root, env=env, check=False, preexec_fn=_die_with_parent).returncode
    # Zensical resolves every path of its configuration from the folder that holds it (the root), and
    # wants its output inside: elsewhere, it builds into build/ and the result is moved.
    inside = output.is_relative_to(root)
    built = output if inside else Path(tempfile.mkdtemp(prefix=".zensical-site-", dir=root / "build"))
    handle, name = tempfile.mkstemp(prefix=".zensical-", suffix=".yml", dir=root)
    variant = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(f"INHERIT: {config.name}\nsite_dir: {built.relative_to(root).as_posix()}\n")
        command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(variant)]
        code = subprocess.run(command, cwd=root, env=env, check=False, preexec_fn=_die_with_parent).returncode
        if code == 0 and not inside:
            shutil.copytree(built, output, dirs_exist_ok=True)
        return code
    finally:
        variant.unlink(missing_ok=True)
        if not inside:
            shutil.rmtree(built, ignore_errors=True)


def build_site(root: Path = ROOT, site_dir: Path | None = None, generator: str = "mkdocs") -> int:
    """Assemble, build with ``generator`` into ``site_dir`` (``root/site``), finish; return an exit code."""
    target = (site_dir or root / "site").resolve()
    try:
        with tree.locked(root, f"construire {target.name}/"):
            assemble.assemble(root)
            tree.recover(target)
            with tree.replacing(target) as building:
                code = _run(generator, root.resolve(), building)
                if code != 0:
                    raise _BuildError(code)
                post_build.finish(building, root / assemble.SOURCE, root / "generated")
    except _BuildError as failure:
        print(f"La construction du site a échoué : {target.name}/ n'a pas été modifié.", file=sys.stderr)
        return failure.code
    except (csp.UnsafePageError, diagrams.DiagramError) as error:
        print(f"{error}\n{target.name}/ n'a pas été modifié.", file=sys.stderr)
        return 1
    except tree.TreeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Site construit par {generator} dans {target.name}/.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: which generator builds the site."""
    parser = argparse.ArgumentParser(prog="python -m cadre.publish", description="Construit le site statique.")
    parser.add_argument(
        "--generator", choices=tuple(SITE_GENERATORS), default="mkdocs", help="générateur du site (par défaut : mkdocs)"
    )
    parser.add_argument("--site-dir", type=Path, default=None, help="dossier du site (par défaut : site/)")
    arguments = parser.parse_args(argv)
    return build_site(ROOT, arguments.site_dir, arguments.generator)
