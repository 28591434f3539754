"""The vendors' quick start (docs/editeurs.md) runs as written, on the schemas as the site publishes them.

Its code blocks are read from the page: a block introduced by « Fichier `nom` : » is written to that
file; every ``bash`` block is run, in order, in one shell, after the files are written. The
downloads come from a local HTTP server that serves ``generated/schemas`` under
``telechargements/schemas/``, where the site publishes them. The install lines (``pip install``,
``npm install``) are not run (the tests have no network): the packages they name must be those the
project itself installs, from uv.lock and tests/js/package-lock.json.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from cadre.generate import ROOT

PAGE = ROOT / "docs" / "editeurs.md"
FENCE = re.compile(r"(?:Fichier `(?P<file>[^`]+)` :\n\n)?```(?P<lang>[a-z]+)\n(?P<body>.*?)\n```", re.DOTALL)
INSTALL = re.compile(r"^(pip|npm) install (.+)$")


def _blocks() -> list[tuple[str | None, str, str]]:
    return [(m["file"], m["lang"], m["body"]) for m in FENCE.finditer(PAGE.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The published schemas, served over HTTP at the path the site gives them."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "generated" / "schemas", site / "telechargements" / "schemas")
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/telechargements/schemas"
    httpd.shutdown()
    httpd.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log in the test's output."""


def test_the_page_is_in_the_menu_and_linked_from_the_downloads(outputs: dict[str, str]) -> None:
    assert "(editeurs.md)" in (ROOT / "docs" / "SUMMARY.md").read_text(encoding="utf-8")
    assert "(editeurs.md)" in outputs["docs/telechargements.md"]


def test_every_command_of_the_page_runs_on_the_published_schemas(server: str, tmp_path: Path) -> None:
    blocks = _blocks()
    files = {name: body for name, _, body in blocks if name}
    scripts = [body for name, lang, body in blocks if not name and lang == "bash"]
    assert {"verifier.py", "valider.py", "valider.mjs", "lire.py"} <= set(files)
    assert [lang for name, lang, _ in blocks if not name] == ["bash"] * len(scripts), "un bloc sans fichier ni bash"
    for name, body in files.items():
        (tmp_path / name).write_text(body + "\n", encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(ROOT / "tests" / "js" / "node_modules")  # as « npm install » leaves it
    commands: list[str] = []
    installs: list[str] = []
    for line in "\n".join(scripts).splitlines():
        (installs if INSTALL.match(line) else commands).append(line)
    commands = [re.sub(r"^BASE=\S+$", f"BASE={server}", line) for line in commands]
    assert f"BASE={server}" in commands, "la page ne définit plus BASE"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", "\n".join(commands)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    assert "mes-a.schema.json : conforme" in out and "mes-a.exemple.json : conforme" in out
    assert out.count("message valide") == 2  # Python and JavaScript accept the example
    assert out.count("refusé, comme attendu") == 2  # and both refuse the invalid one
    assert "champInconnu" in out  # the reason is shown
    assert "évènement PORTAIL-EVT-2024-000123 pour l'usager 279035121518989" in out
    assert (tmp_path / "alimentation_agenda.py").is_file()
    _installs_are_what_the_project_uses(installs)


def _installs_are_what_the_project_uses(installs: list[str]) -> None:
    lock = (ROOT / "uv.lock").read_text(encoding="utf-8")
    npm = json.loads((ROOT / "tests" / "js" / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert installs, "la page n'installe plus rien ?"
    for line in installs:
        match = INSTALL.match(line)
        assert match
        for package in match[2].replace('"', "").split():
            name = re.sub(r"\[.*\]", "", package)
            if match[1] == "pip":
                assert f'name = "{name}"' in lock, f"{name} n'est pas dans uv.lock"
            else:
                assert f"node_modules/{name}" in npm, f"{name} n'est pas dans tests/js/package-lock.json"
