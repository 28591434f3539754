"""How long an edit takes to reach the preview of ``make serve``.

``mkdocs serve`` runs as ``make serve`` runs it, a flow is edited, and its page is polled until the
change shows. Part of ``make bench`` (:mod:`cadre.bench.run`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cadre.site import assemble

SERVE = ("serve", "--dirty")
"""The arguments of ``mkdocs`` in ``make serve`` (see the Makefile)."""

SETTLE = 2.0
"""Seconds left to the server after each change shows, for the rebuild that follows its own writes."""


def page(url: str) -> str | None:
    """The text served at ``url``, or None if the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # our own server, on 127.0.0.1
            text: str = response.read().decode("utf-8")
            return text
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait(url: str, wanted: str, deadline: float, server: subprocess.Popen[bytes] | None = None) -> float:
    """Poll ``url`` until its text holds ``wanted``; the time it took.

    Raises after ``deadline`` seconds, or as soon as ``server`` (the process serving ``url``) has stopped.
    """
    start = time.perf_counter()
    while time.perf_counter() - start < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté (code {server.returncode}) avant de servir {url}")
        text = page(url)
        if text is not None and wanted in text:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"« {wanted} » n'apparaît pas sur {url} après {deadline:.0f} s")


@contextmanager
def serving(root: Path, startup: float = 900.0) -> Iterator[str]:
    """``mkdocs serve --dirty`` in ``root`` on a free port, once its first build is served; its base URL.

    As ``make serve``, the site's tree is assembled first (``mkdocs.yml``'s ``docs_dir``).
    """
    if assemble.run(root) != 0:
        raise RuntimeError(f"l'assemblage de {root / assemble.SOURCE} a échoué")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    with (root / "serve.log").open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", *SERVE, "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            try:
                wait(url, "</html>", startup, server)
            except RuntimeError as error:
                log.flush()
                tail = (root / "serve.log").read_text(encoding="utf-8").splitlines()[-15:]
                raise RuntimeError("\n".join([str(error), *tail])) from None
            yield url
        finally:
            server.terminate()
            server.wait(timeout=60)


def edit_to_page(root: Path, flow: str, runs: int) -> list[float]:
    """Seconds from writing an edit of ``flow``'s description to the change on its page, for each run."""
    from cadre.bench.edits import edit_flow
    from cadre.output import site_paths

    original: dict[Path, str] = {}
    times = []
    try:
        with serving(root) as url:
            address = url + site_paths.url(site_paths.page("flow", flow))
            wait(address, "</html>", 600)
            for run in range(1, runs + 1):
                time.sleep(SETTLE)
                marker = f"Relecture{run}"
                start = time.perf_counter()
                path = edit_flow(root, flow, marker)
                original.setdefault(path, path.read_text(encoding="utf-8").replace(f"{marker} ", "", 1))
                wait(address, marker, 300)
                times.append(time.perf_counter() - start)
    finally:
        for path, text in original.items():
            path.write_text(text, encoding="utf-8")
    return times
