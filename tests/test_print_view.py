"""The print view: one page per part of the menu, every link of it resolving, each page light enough to open."""

from __future__ import annotations

import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

from model import Index

PARTS = ("vues", "services", "flux", "cas-usage", "recommandations", "catalogue", "glossaire", "reference")


class _Links(HTMLParser):
    """The ids of a page, and every link it holds (``href``, SVG ``xlink:href``, ``src``)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            elif name in {"href", "xlink:href", "src"} and value is not None:
                self.links.append(value)


def _print_pages(site: Path) -> list[Path]:
    return sorted((site / "imprimer").rglob("index.html"))


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_there_is_one_print_page_per_part_and_an_index_of_them(site: Path) -> None:
    pages = {p.parent.relative_to(site / "imprimer").as_posix() for p in _print_pages(site)}
    assert {".", *PARTS} <= pages
    index = (site / "imprimer/index.html").read_text(encoding="utf-8")
    assert "<title>Version imprimable" in index
    for part in PARTS:
        assert f'href="{part}/"' in index
    home = _parse(site / "index.html")
    assert "imprimer/" in home.links  # the home page's link to the print view


def test_every_link_of_every_print_page_resolves(site: Path) -> None:
    checked = 0
    for page in _print_pages(site):
        parsed = _parse(page)
        ids = set(parsed.ids)
        assert len(ids) == len(parsed.ids), f"{page.relative_to(site)} : identifiants en double"
        for link in parsed.links:
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", link):
                continue
            path, _, fragment = link.partition("#")
            if not path:
                assert not fragment or fragment in ids, f"{page.relative_to(site)} : {link}"
            else:
                target = (page.parent / path).resolve()
                assert target.is_file() or (target / "index.html").is_file(), f"{page.relative_to(site)} : {link}"
                assert target == site.resolve() or site.resolve() in target.parents
                if fragment and (target / "index.html").is_file():
                    assert fragment in set(_parse(target / "index.html").ids), f"{page.relative_to(site)} : {link}"
            checked += 1
    assert checked > 5000


def test_the_known_broken_links_now_lead_somewhere(site: Path) -> None:
    reference = (site / "imprimer/reference/index.html").read_text(encoding="utf-8")
    for heading in ("le-catalogue-du-groupe-de-travail", "sources-et-remarques", "listes-de-valeurs"):
        assert f'href="#{heading}"' in reference and f'id="{heading}"' in reference
    glossary = _parse(site / "imprimer/glossaire/index.html")
    assert all(link[1:] in glossary.ids for link in glossary.links if link.startswith("#"))


def test_links_between_parts_lead_to_the_other_parts_print_page(site: Path) -> None:
    views = (site / "imprimer/vues/index.html").read_text(encoding="utf-8")
    assert 'xlink:href="../services/#services-mes-agenda"' in views  # a diagram's link, to another part
    assert 'xlink:href="#vues-mes"' in views or 'href="#vues-mes"' in views  # the view itself, in this part
    flows = (site / "imprimer/flux/index.html").read_text(encoding="utf-8")
    assert '<section class="impression-page" id="flux-mes-a">' in flows
    assert 'href="../../telechargements/schemas/flux/mes-a.schema.json"' in flows  # a download, not a page


def test_the_print_pages_hold_every_page_of_their_part(site: Path, index: Index) -> None:
    flows = (site / "imprimer/flux/index.html").read_text(encoding="utf-8")
    assert all(html_escape(f"Flux {f.letter} — ", quote=False) in flows for f in index.flows.values())
    recommendations = (site / "imprimer/recommandations/index.html").read_text(encoding="utf-8")
    assert all(f"Recommandation {r}" in recommendations for r in index.recommendations)
    assert '<li><a href="#flux-mes-a">Flux A — ' in flows and "¶</a></li>" not in flows
    assert "Sommaire" in flows and '<h1 id="' in flows and "<h1" not in flows.split('class="impression-page"', 1)[1]
    views = (site / "imprimer/vues/index.html").read_text(encoding="utf-8")
    assert views.count("<svg") >= 10  # the views' diagrams, inline
    assert "<style" not in views and "impression:" not in views


def test_each_print_page_stays_light(site: Path) -> None:
    """The one print page was 3 MB and 45,000 elements; a part must stay well under (timings: ``make bench``)."""
    for page in _print_pages(site):
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) < 1_500_000, page.relative_to(site)
        assert html.count("<") < 20_000, page.relative_to(site)
