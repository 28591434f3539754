"""The print view: one page per part of the menu, every link of it resolving, each page light enough to open.

Checked on the site of each generator (the pages are files of the assembled tree, filled after the build
by :mod:`cadre.site.post_build`), and its parts checked against the menu that MkDocs builds.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure import StructureItem
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Section, get_navigation
from mkdocs.structure.pages import Page

from cadre.generate import ROOT
from cadre.site import menu, print_fill, print_view
from cadre.site.assemble import SOURCE
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


@pytest.fixture(params=["mkdocs", "zensical"])
def built(request: pytest.FixtureRequest) -> Path:
    """The site built by each generator."""
    name = "site" if request.param == "mkdocs" else "zensical_site"
    site: Path = request.getfixturevalue(name)
    return site


def _pages_of(item: StructureItem) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages_of(child)]
    return []


def test_the_parts_read_from_the_summary_files_are_the_menu_that_mkdocs_builds(site: Path) -> None:
    """The parts are read before any generator runs; literate-nav's menu, walked as the hook did, agrees."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    *items, last = nav.items
    assert last.title == print_view.TITLE and isinstance(last, Page) and last.url == "imprimer/"
    expected = []
    for item in items:
        pages = _pages_of(item)
        slug = pages[0].url.split("/", 1)[0] or "accueil"
        expected.append((item.title, slug, tuple(p.url for p in pages)))
    read = print_view.tree_reader(ROOT / SOURCE)
    parts = print_view.parts(read)
    merged: list[tuple[str, str, tuple[str, ...]]] = []  # a heavy part's pieces, joined back
    for part in parts:
        piece = re.fullmatch(r"(.*) \((\d+)/\d+\)", part.title)
        if piece and piece.group(2) != "1":
            title, slug, urls = merged[-1]
            merged[-1] = (title, slug, urls + part.urls)
        else:
            merged.append((piece.group(1) if piece else part.title, part.slug, part.urls))
    assert merged == expected
    assert len(merged) > 15 and sum(len(p.urls) for p in parts) > 150
    assert len(parts) > len(merged)  # the heaviest parts are cut, each piece under the limit
    sources = {menu.url(page): page for entry in menu.entries(read) for page in entry.pages}
    for part in parts:
        weights = [len(read(sources[url]) or "") for url in part.urls]
        assert len(weights) == 1 or sum(weights) <= print_view.MAX_SOURCE, part.slug


def test_the_parts_follow_the_links_to_pages_to_folders_and_the_titles_without_link() -> None:
    tree = {
        "SUMMARY.md": (
            "<!--\n* [Commentaire](non.md)\n-->\n* [Accueil](index.md)\n* [Services](services/)\n"
            "* Fidélité aux sources\n    * [Errata](sources/errata.md)\n* [Version imprimable](imprimer/index.md)\n"
        ),
        "services/SUMMARY.md": "* [Agenda](agenda.md)\n* Groupe\n    * [DMP](dmp.md)\n",
        "services/index.md": "# Services",
    }
    parts = print_view.parts(tree.get)
    assert [(p.title, p.slug, p.urls) for p in parts] == [
        ("Accueil", "accueil", ("",)),
        ("Services", "services", ("services/", "services/agenda/", "services/dmp/")),  # the implicit index first
        ("Fidélité aux sources", "sources", ("sources/errata/",)),
    ]
    with pytest.raises(menu.NavError, match=r"dossier services/, qui n'a pas de SUMMARY\.md"):
        print_view.parts({"SUMMARY.md": "* [Services](services/)\n"}.get)


_ARTICLE = '<html><body><article class="md-content__inner md-typeset">{}</article></body></html>'
_PAGES = {
    "a/x/": '<h1 id="x">X</h1><p id="description">Premier.</p>',
    "a/y/": '<h1 id="y">Y</h1><p id="suite">Suite.</p>',
    "b/z/": '<h1 id="z">Z</h1><a href="../../a/y/#description">vers Y</a> <a href="../../a/x/">vers X</a>',
}
_PARTS = [print_view.Part("A", "a", ("a/x/", "a/y/")), print_view.Part("B", "b", ("b/z/",))]


def _built_site(folder: Path, pages: dict[str, str]) -> None:
    """A site as a generator leaves it: each page's article, each print page with its marker."""
    for url, article in pages.items():
        (folder / url).mkdir(parents=True, exist_ok=True)
        (folder / url / "index.html").write_text(_ARTICLE.format(article), encoding="utf-8")
    for part in _PARTS:
        (folder / part.url).mkdir(parents=True, exist_ok=True)
        shell = _ARTICLE.format(f"<h1>{part.title}</h1>{print_view.marker(part.slug)}")
        (folder / part.url / "index.html").write_text(shell, encoding="utf-8")


def _filled(site: Path) -> dict[str, str]:
    return {part.slug: (site / part.url / "index.html").read_text(encoding="utf-8") for part in _PARTS}


def test_a_filler_kept_across_rebuilds_fills_again_what_changed_as_a_new_one_would(tmp_path: Path) -> None:
    """Under the preview, only the changed pages are rendered again; the print pages end as a full filling."""
    kept = print_fill.Filler()
    _built_site(tmp_path / "servi", _PAGES)
    kept.fill(tmp_path / "servi", _PARTS)
    untouched = (tmp_path / "servi" / "imprimer/b/index.html").stat().st_mtime_ns
    edits = [
        ("a/x/", _PAGES["a/x/"].replace("Premier.", "Premier, relu."), False),
        ("a/y/", _PAGES["a/y/"] + '<p id="description">Y aussi.</p>', True),  # its id is renamed: B's link follows
    ]
    pages = dict(_PAGES)
    for number, (url, article, everywhere) in enumerate(edits):
        pages[url] = article
        (tmp_path / "servi" / url / "index.html").write_text(_ARTICLE.format(article), encoding="utf-8")
        kept.fill(tmp_path / "servi", _PARTS)
        _built_site(tmp_path / f"neuf-{number}", pages)
        print_fill.Filler().fill(tmp_path / f"neuf-{number}", _PARTS)
        assert _filled(tmp_path / "servi") == _filled(tmp_path / f"neuf-{number}")
        b_written = (tmp_path / "servi" / "imprimer/b/index.html").stat().st_mtime_ns
        assert (b_written != untouched) == everywhere
    assert 'href="../a/#a-y--description"' in _filled(tmp_path / "servi")["b"]


def _print_pages(site: Path) -> list[Path]:
    return sorted((site / "imprimer").rglob("index.html"))


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_there_is_one_print_page_per_part_and_an_index_of_them(built: Path) -> None:
    pages = {p.parent.relative_to(built / "imprimer").as_posix() for p in _print_pages(built)}
    assert {".", *PARTS} <= pages
    index = (built / "imprimer/index.html").read_text(encoding="utf-8")
    assert "<title>Version imprimable" in index
    for part in PARTS:
        assert f'href="{part}/"' in index
    home = _parse(built / "index.html")
    assert "imprimer/" in home.links  # the home page's link to the print view


def test_every_link_of_every_print_page_resolves(built: Path) -> None:
    checked = 0
    ids_of: dict[Path, set[str]] = {}  # each target page parsed once: its print pages link to it thousands of times
    for page in _print_pages(built):
        parsed = _parse(page)
        ids = set(parsed.ids)
        assert len(ids) == len(parsed.ids), f"{page.relative_to(built)} : identifiants en double"
        for link in parsed.links:
            if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", link):
                continue
            path, _, fragment = link.partition("#")
            if not path:
                assert not fragment or fragment in ids, f"{page.relative_to(built)} : {link}"
            else:
                target = (page.parent / path).resolve()
                assert target.is_file() or (target / "index.html").is_file(), f"{page.relative_to(built)} : {link}"
                assert target == built.resolve() or built.resolve() in target.parents
                if fragment and (target / "index.html").is_file():
                    if target not in ids_of:
                        ids_of[target] = set(_parse(target / "index.html").ids)
                    assert fragment in ids_of[target], f"{page.relative_to(built)} : {link}"
            checked += 1
    assert checked > 5000


def test_the_known_broken_links_now_lead_somewhere(built: Path) -> None:
    reference = (built / "imprimer/reference/index.html").read_text(encoding="utf-8")
    for heading in ("le-catalogue-du-groupe-de-travail", "sources-et-remarques", "listes-de-valeurs"):
        assert f'href="#{heading}"' in reference and f'id="{heading}"' in reference
    glossary = _parse(built / "imprimer/glossaire/index.html")
    assert all(link[1:] in glossary.ids for link in glossary.links if link.startswith("#"))


def test_links_between_parts_lead_to_the_other_parts_print_page(built: Path) -> None:
    views = (built / "imprimer/vues/index.html").read_text(encoding="utf-8")
    assert 'xlink:href="../services/#services-mes-agenda"' in views  # a diagram's link, to another part
    assert 'xlink:href="#vues-mes"' in views or 'href="#vues-mes"' in views  # the view itself, in this part
    flows = (built / "imprimer/flux/index.html").read_text(encoding="utf-8")
    assert '<section class="impression-page" id="flux-mes-a">' in flows
    assert 'href="../../telechargements/schemas/flux/mes-a.schema.json"' in flows  # a download, not a page


def test_the_print_pages_hold_every_page_of_their_part(built: Path, index: Index) -> None:
    pieces = sorted(built.glob("imprimer/flux*/index.html"))  # the part may be cut: « Flux (1/2) »…
    texts = [p.read_text(encoding="utf-8") for p in pieces]
    sections = "".join(text[text.index('<section class="impression-page"') :] for text in texts)  # not the menu
    assert all(f'<section class="impression-page" id="flux-{f.id}">' in sections for f in index.flows.values())
    assert all(html_escape(f"Flux {f.letter} — ", quote=False) in sections for f in index.flows.values())
    flows = texts[0]
    recommendations = (built / "imprimer/recommandations/index.html").read_text(encoding="utf-8")
    assert all(f"Recommandation {r}" in recommendations for r in index.recommendations)
    assert '<li><a href="#flux-mes-a">Flux A — ' in flows and "¶</a></li>" not in flows
    assert "Sommaire" in flows and '<h1 id="' in flows and "<h1" not in flows.split('class="impression-page"', 1)[1]
    views = (built / "imprimer/vues/index.html").read_text(encoding="utf-8")
    assert views.count("<svg") >= 10  # the views' diagrams, inline
    assert "<style" not in views and "impression:" not in views


def test_each_print_page_stays_light(built: Path) -> None:
    """The one print page was 3 MB and 45,000 elements; a part must stay well under (timings: ``make bench``)."""
    for page in _print_pages(built):
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) < 1_500_000, page.relative_to(built)
        assert html.count("<") < 20_000, page.relative_to(built)
