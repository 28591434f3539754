"""The MkDocs site builds strictly, shows every generated page, and asks nothing of third parties."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from cadre import site_paths
from model import Index


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


def test_every_link_of_every_diagram_leads_to_a_built_page(site: Path) -> None:
    followed = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for svg in re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL):
            for link in re.findall(r'xlink:href="([^"]*)"', svg):
                target = (page.parent / link).resolve() / "index.html"
                assert target.is_file(), f"{page.relative_to(site)} : {link}"
                assert site.resolve() in target.parents
                followed += 1
    assert followed > 300


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


def test_catalogue_pages_are_built_with_sortable_tables_and_acronym_hovers(site: Path, index: Index) -> None:
    for case in index.cases.values():
        assert (site / site_paths.url(site_paths.case_page(case.task_force, case.id)) / "index.html").is_file()
    html = (site / site_paths.url(site_paths.task_force_page("tf-ph")) / "index.html").read_text(encoding="utf-8")
    assert '<div class="tableau-triable">' in html
    assert "javascripts/tri-tableaux.js" in html
    assert '<abbr title="Maison départementale des personnes handicapées">MDPH</abbr>' in html


def test_acronym_hovers_stay_out_of_the_diagrams(site: Path) -> None:
    html = (site / "vues/pa/index.html").read_text(encoding="utf-8")
    diagrams = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert diagrams
    assert not any("<abbr" in svg for svg in diagrams)
    assert "<abbr" in html
