"""The MkDocs site builds strictly, shows every generated page, and asks nothing of third parties."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from cadre import site_paths
from cadre.generate import ROOT
from model import Index


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    return target


def test_every_entity_page_is_built(site: Path, index: Index) -> None:
    groups: list[tuple[str, Iterable[str]]] = [
        ("flow", index.flows),
        ("service", index.services),
        ("use_case", index.use_cases),
        ("recommendation", index.recommendations),
        ("view", index.views),
    ]
    for kind, idents in groups:
        for ident in idents:
            assert (site / site_paths.url(site_paths.page(kind, ident)) / "index.html").is_file(), ident


def test_view_page_shows_clickable_inline_diagrams(site: Path) -> None:
    html = (site / "vues/mes/index.html").read_text(encoding="utf-8")
    assert html.count("<svg") >= 2
    assert 'xlink:href="../../flux/mes-a/"' in html
    assert 'xlink:href="../../services/mes-agenda/"' in html
    assert 'xlink:href="../../cas-usage/mes-cu1/"' in html


def test_site_is_french(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    assert "lunr.fr" in "".join(p.name for p in (site / "assets/javascripts/lunr/min").iterdir())


def test_no_request_leaves_the_site(site: Path) -> None:
    loads = re.compile(r"""<(?:script|link|img|iframe|source|object)\b[^>]*\b(?:src|href|data)=["']([^"']+)""")
    for page in site.rglob("*.html"):
        for target in loads.findall(page.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", target), f"{page.relative_to(site)} charge {target}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_downloads_are_published(site: Path) -> None:
    assert (site / "telechargements/framework.json").is_file()
    assert (site / "telechargements/schemas/framework.schema.json").is_file()
