"""The MkDocs build shared between processes (cadre/publish/parallel.py) makes the site of a build in one.

The same bytes for the real model's site; a warning in a worker fails the strict build, in the order one
process would have logged it; a worker that dies or fails fails the build, without hanging.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cadre.publish.build import build_site
from cadre.publish.forking import PROCESSES_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "cadre" / "publish" / "mkdocs_hooks.py"
TIMEOUT = 300
"""Seconds after which a build is taken for hung."""


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_the_real_site_is_the_same_byte_for_byte_in_one_process_or_several(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = {}
    for processes in (1, 3):
        monkeypatch.setenv(PROCESSES_VARIABLE, str(processes))
        assert build_site(ROOT, tmp_path / str(processes)) == 0
        built[processes] = _files(tmp_path / str(processes))
    serial, parallel = built[1], built[3]
    assert sorted(parallel) == sorted(serial)
    assert "search/search_index.json" in serial
    assert "reference/modele/index.html" in serial  # mkdocstrings' page, that the parent converts itself
    assert [name for name in serial if parallel[name] != serial[name]] == []


TEST_HOOK = """
import logging
import os
import time

PARENT = os.getpid()
log = logging.getLogger("mkdocs.plugins.essai")
acted = False


def _step(event):
    global acted
    if os.getpid() == PARENT:
        time.sleep(0.05)  # meanwhile, the workers claim pages from the last one back
    elif event == "{event}" and not acted:
        acted = True
        {action}


def on_page_markdown(markdown, **kwargs):
    _step("on_page_markdown")
    return markdown


def on_post_page(output, **kwargs):
    _step("on_post_page")
    return output
"""
"""A hook that slows the parent down, and misbehaves in a worker, once, as ``event`` happens."""

ACTIONS = {
    "warn": 'log.warning("avertissement dans un processus de la construction")',
    "exit": "os._exit(3)",
    "raise": 'raise RuntimeError("panne dans un processus de la construction")',
    "none": "pass",
}


def _mini_site(root: Path, pages: dict[str, str], hook: str | None = None, validation: str = "") -> None:
    """A site of a few pages with our hooks (and ``hook``, a test's), Material and its search."""
    (root / "docs").mkdir(parents=True)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    hooks = [str(HOOKS)]
    if hook is not None:
        (root / "essai.py").write_text(hook, encoding="utf-8")
        hooks.append("essai.py")
    config = "site_name: Essai\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
    config += "hooks:\n" + "".join(f"  - {path}\n" for path in hooks) + validation
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


PAGES = {name: f"# Page {name}\n\nTexte.\n" for name in ("index.md", *(f"p{number:02}.md" for number in range(1, 21)))}


def _mkdocs(root: Path, processes: int) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` in ``processes`` processes; its log and its messages in ``stdout``."""
    env = {**os.environ, PROCESSES_VARIABLE: str(processes), "DISABLE_MKDOCS_2_WARNING": "true"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")]
    return subprocess.run(
        command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT
    )


def _warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("WARNING")]


@pytest.mark.parametrize("event", ["on_page_markdown", "on_post_page"])
def test_a_warning_in_a_worker_fails_the_strict_build(tmp_path: Path, event: str) -> None:
    _mini_site(tmp_path, PAGES, TEST_HOOK.format(event=event, action=ACTIONS["warn"]))
    assert _mkdocs(tmp_path, 1).returncode == 0  # the parent does not misbehave
    result = _mkdocs(tmp_path, 2)
    assert result.returncode == 1, result.stdout
    assert "avertissement dans un processus de la construction" in result.stdout
    assert "Aborted with 1 warnings in strict mode!" in result.stdout


def test_the_warnings_of_workers_are_logged_as_one_process_logs_them(tmp_path: Path) -> None:
    diagram = "<!-- diagramme diagrams/absent.svg 10 0123456789abcdef -->"  # warned of as the page is rendered
    pages = {**PAGES, "p20.md": "# A\n\n[absente](absente.md)\n"}
    pages["p19.md"] = f"# B\n\n[ancre](p01.md#absente)\n\n{diagram}\n"
    _mini_site(tmp_path, pages, TEST_HOOK.format(event="", action=ACTIONS["none"]), "validation:\n  anchors: warn\n")
    serial, parallel = _mkdocs(tmp_path, 1), _mkdocs(tmp_path, 3)  # p20.md and p19.md: the workers' first pages
    assert len(_warnings(serial.stdout)) == 3, serial.stdout
    assert parallel.returncode == 1
    assert parallel.stdout == serial.stdout


@pytest.mark.parametrize("event", ["on_page_markdown", "on_post_page"])
@pytest.mark.parametrize("action", ["exit", "raise"])
def test_a_worker_that_dies_or_fails_fails_the_build(tmp_path: Path, event: str, action: str) -> None:
    _mini_site(tmp_path, PAGES, TEST_HOOK.format(event=event, action=ACTIONS[action]))
    result = _mkdocs(tmp_path, 2)
    assert result.returncode != 0
    assert re.search(r"Échec de la construction de la page « p\d\d\.md »", result.stdout), result.stdout
    expected = "s'est arrêté avant" if action == "exit" else "RuntimeError: panne dans un processus"
    assert expected in result.stdout
