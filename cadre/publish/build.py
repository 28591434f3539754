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
``mkdocs.yml`` (``INHERIT``) and only sets ``site_dir``, written for the build beside it and deleted after;
both are the same at every build, so that Zensical's cache serves the next one (half the time at ten
times the model when few pages changed).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from cadre.output import tree
from cadre.output.site_paths import SITE_GENERATORS
from cadre.site import assemble, csp, diagrams, post_build

ROOT = Path(__file__).resolve().parents[2]
ZENSICAL_CONFIG = ".zensical-build.yml"
"""Zensical's configuration for a build, beside ``mkdocs.yml``: it inherits it and sets ``site_dir``."""
ZENSICAL_SITE = Path("build") / "zensical-site"
"""Where Zensical builds, relative to the root, before the site is moved into its staging folder."""
_PR_SET_PDEATHSIG = 1


class _Clock:
    """Notes in ``times`` how long each timed block takes."""

    def __init__(self, times: dict[str, float]) -> None:
        self.times = times

    @contextlib.contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.times[phase] = time.perf_counter() - start


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


def _run(generator: str, root: Path, output: Path, *, fresh: bool = False) -> int:
    """Run ``generator`` strictly on ``root/mkdocs.yml`` into ``output``; its exit code (``fresh``: see build_site)."""
    config = root / "mkdocs.yml"
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    if generator == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
        command += ["--site-dir", str(output)]
        return subprocess.run(command, cwd=root, env=env, check=False, preexec_fn=_die_with_parent).returncode
    # Zensical resolves every path of its configuration from the folder that holds it (the root) and wants
    # its output inside. Its cache (.cache/) serves only a build with the same configuration file, holding
    # the same text: both stay the same from one build to the next (the lock of the root keeps builds
    # apart), and the site is built into build/ then moved into ``output``.
    variant = root / ZENSICAL_CONFIG
    built = root / ZENSICAL_SITE
    shutil.rmtree(built, ignore_errors=True)
    try:
        variant.write_text(f"INHERIT: {config.name}\nsite_dir: {ZENSICAL_SITE.as_posix()}\n", encoding="utf-8")
        command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(variant)]
        command += ["--clean"] if fresh else []
        code = subprocess.run(command, cwd=root, env=env, check=False, preexec_fn=_die_with_parent).returncode
        if code == 0:
            _move_into(built, output)
        return code
    finally:
        variant.unlink(missing_ok=True)
        shutil.rmtree(built, ignore_errors=True)


def _move_into(built: Path, output: Path) -> None:
    """Move what ``built`` holds into ``output``: renamed on the same file system, copied otherwise."""
    for entry in built.iterdir():
        try:
            entry.rename(output / entry.name)
        except OSError:
            if entry.is_dir():
                shutil.copytree(entry, output / entry.name)
            else:
                shutil.copy2(entry, output / entry.name)


PHASES = ("assemblage", "construction", "finitions")
"""The steps of a build, as :func:`build_site` times them."""


def build_site(
    root: Path = ROOT,
    site_dir: Path | None = None,
    generator: str = "mkdocs",
    *,
    fresh: bool = False,
    times: dict[str, float] | None = None,
) -> int:
    """Assemble, build with ``generator`` into ``site_dir`` (``root/site``), finish; return an exit code.

    ``fresh`` empties Zensical's cache first (``make bench`` measures a build from scratch; MkDocs has none);
    ``times`` receives the seconds each step of :data:`PHASES` took.
    """
    target = (site_dir or root / "site").resolve()
    clock = _Clock({} if times is None else times)
    try:
        with tree.locked(root, f"construire {target.name}/"):
            with clock("assemblage"):
                assemble.assemble(root)
            tree.recover(target)
            with tree.replacing(target) as building:
                with clock("construction"):
                    code = _run(generator, root.resolve(), building, fresh=fresh)
                if code != 0:
                    raise _BuildError(code)
                with clock("finitions"):
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
