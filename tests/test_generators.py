"""Two generators, one tree: MkDocs and Zensical build the same site from ``build/site-src/``.

Each is built once as ``make site`` builds it (:func:`cadre.publish.build.build_site`: assembly, strict
build, post-build steps): ``conftest.site`` and ``conftest.zensical_site``. Then they are compared:

- the same pages (HTML files), the print view (``imprimer/``) included;
- the same text in each page's ``<article>``. Normalisation: the text nodes of the article, without
  those of ``<script>`` and ``<style>``, joined by spaces, whitespace runs collapsed to one space;
- the same menu on every page: the links of the primary navigation (target and text); targets
  normalised by ``posixpath.normpath`` (for the current page Zensical writes ``././`` or an empty
  ``href`` where MkDocs writes ``./`` or ``.``);
- the same downloads, byte for byte;
- in both, every relative link of every page leads to a file of the site (but in ``404.html``, whose
  links start at the host's root, as it is served at any depth);
- in Chromium, the French search finds « sécurité » when « securite » is typed.
"""

from __future__ import annotations

import functools
import posixpath
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page


class _Page(HTMLParser):
    """The text of the ``<article>``, the primary menu's links, and every ``href`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.menu: list[list[str]] = []
        self.hrefs: list[str] = []
        self._article = 0
        self._hidden = 0
        self._nav = 0
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        href = attributes.get("href")
        if href is not None:
            self.hrefs.append(href)
        if tag == "article":
            self._article += 1
        if tag in {"script", "style"}:
            self._hidden += 1
        if (tag == "nav" and "md-nav--primary" in (attributes.get("class") or "")) or (tag == "nav" and self._nav):
            self._nav += 1
        if tag == "a" and self._nav and "md-nav__link" in (attributes.get("class") or ""):
            self._link = [href if href and href.startswith("#") else posixpath.normpath(href or "."), ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1
        if tag in {"script", "style"}:
            self._hidden -= 1
        if tag == "nav" and self._nav:
            self._nav -= 1
        if tag == "a" and self._link is not None:
            self._link[1] = " ".join(self._link[1].split())
            self.menu.append(self._link)
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._article and not self._hidden:
            self.text.append(data)
        if self._link is not None:
            self._link[1] += data


@functools.cache
def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_build_the_same_pages(sites: dict[str, Path]) -> None:
    mkdocs, zensical = (_pages(s) for s in sites.values())
    assert len(mkdocs) > 150
    assert "imprimer/flux/index.html" in mkdocs
    assert mkdocs == zensical


def test_every_page_shows_the_same_text_and_menu(sites: dict[str, Path]) -> None:
    mkdocs, zensical = sites.values()
    differ = []
    for relative in sorted(_pages(zensical)):
        ours, theirs = _read(mkdocs / relative), _read(zensical / relative)
        if " ".join(" ".join(ours.text).split()) != " ".join(" ".join(theirs.text).split()):
            differ.append(f"{relative} : texte")
        if ours.menu != theirs.menu:
            differ.append(f"{relative} : menu")
    assert not differ, differ


def test_the_downloads_are_the_same_bytes(sites: dict[str, Path]) -> None:
    mkdocs, zensical = sites.values()
    downloads = (mkdocs / "telechargements").rglob("*")
    files = {p.relative_to(mkdocs).as_posix() for p in downloads if p.is_file() and p.suffix != ".html"}
    assert "telechargements/schemas-cadre-de4-v1.zip" in files and "telechargements/framework.json" in files
    for relative in sorted(files):
        assert (zensical / relative).read_bytes() == (mkdocs / relative).read_bytes(), relative


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_every_relative_link_leads_to_a_file(sites: dict[str, Path], generator: str) -> None:
    site = sites[generator]
    broken = set()
    for relative in sorted(_pages(site) - {"404.html"}):
        folder = posixpath.dirname(relative)
        for href in _read(site / relative).hrefs:
            parts = urllib.parse.urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(folder, urllib.parse.unquote(parts.path)))
            path = site / target
            if target.startswith("..") or not (path.is_file() or (path / "index.html").is_file()):
                broken.add(f"{relative} → {href}")
    assert not broken, sorted(broken)[:20]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def servers(sites: dict[str, Path]) -> Iterator[dict[str, str]]:
    started = {}
    for name, site in sites.items():
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started[name] = server
    yield {name: f"http://127.0.0.1:{server.server_address[1]}/" for name, server in started.items()}
    for server in started.values():
        server.shutdown()
        server.server_close()


def _first_result(page: Page, generator: str, query: str) -> tuple[str, str]:
    """Type ``query`` in the site's search; the first result's link and the text it shows."""
    if generator == "mkdocs":
        page.locator("input.md-search__input").click()
        box = page.locator("input.md-search__input")
        # As in test_browser.py: the search reacts to keys once its index is built.
        page.locator(".md-search-result__meta", has_text="Taper pour démarrer").wait_for(timeout=120_000)
        box.fill(query)
        box.press("End")
        page.locator(".md-search-result__meta", has_text="trouvé").wait_for(timeout=120_000)
        first = page.locator(".md-search-result__item").first
        return first.locator("a").first.get_attribute("href") or "", first.inner_text()
    # Zensical's search: a dialog in a shadow root (Playwright's CSS selectors go through it).
    page.locator(".md-search__button").click()
    page.keyboard.type(query)
    first = page.locator("a[role=option]").first
    first.wait_for(timeout=120_000)
    return first.get_attribute("href") or "", first.inner_text()


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_the_search_finds_a_word_typed_without_its_accents(
    servers: dict[str, str], browser: Browser, generator: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(servers[generator])
        href, shown = _first_result(page, generator, "securite")
    finally:
        page.close()
    assert "Sécurité" in shown, (href, shown)
    assert "Securite" not in shown, (href, shown)  # the unaccented words added to the index stay hidden


SEARCH_INDEX = {"mkdocs": "/search/search_index.json", "zensical": "/search.json"}
"""Each theme's search index, which docs/javascripts/recherche-differee.js holds back until the page has loaded."""

_INDEX_TIMING = """name => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const index = performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === name);
    return {load: navigation.loadEventStart, starts: index.map(e => e.startTime)};
}"""


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_the_search_index_is_requested_once_the_page_has_loaded(
    servers: dict[str, str], browser: Browser, generator: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(servers[generator] + "flux/", wait_until="load")
        page.wait_for_function(
            "name => performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === name)",
            arg=SEARCH_INDEX[generator],
            timeout=30_000,
        )
        timing = page.evaluate(_INDEX_TIMING, SEARCH_INDEX[generator])
    finally:
        page.close()
    assert len(timing["starts"]) == 1, timing
    assert timing["starts"][0] >= timing["load"], timing
