"""The built site in a real browser (Debian's Chromium driven by Playwright), served under a sub-path.

Static hosts (GitHub or GitLab Pages) serve a project's site under ``/<project>/``: every check here
goes through such a sub-path. A sample of pages that holds every kind of page is visited once, and
what the visit records (console errors, failed and third-party requests, Content-Security-Policy
refusals, axe-core violations, links of the diagrams) is asserted by the tests below. The sample: every
page that is the only one of its kind and, in a folder of pages made by one template (flows, services,
value sets…), its index, its two largest pages (the most tables and diagrams) and its smallest (another
variant, such as a value set whose codes are not embedded): the same template gives the same markup.
The print view's parts repeat the pages' articles, checked on their own pages: its index is visited.
Visiting all 300 pages took four of the nine and a half minutes of ``make test``; every page is still
checked without a browser: its links (the strict build, and tests/test_site.py for the diagrams), its
requests (tests/test_site.py), its HTML (tests/test_html_valid.py) and its CSP (cadre/site/csp.py).
"""

from __future__ import annotations

import functools
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

from model import Index

SUB_PATH = "/cadre-urbanisation-ms/"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_script() -> str:
    import axe_playwright_python  # type: ignore[import-untyped]  # only its copy of axe-core is used

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="session")
def base_url(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served on 127.0.0.1 under :data:`SUB_PATH`, as a static host serves a project."""
    root = tmp_path_factory.mktemp("hebergement")
    shutil.copytree(site, root / SUB_PATH.strip("/"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


@dataclass
class Visit:
    """What loading one page showed."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    diagram_links: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """What the page's Content-Security-Policy refused (``securitypolicyviolation`` events)."""


CSP_EVENTS = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
    "e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));"
)
"""Recorded from the start of each page (an init script runs before the page's own and is not subject to its CSP)."""


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))


def _sample(site: Path, pages: list[str]) -> set[str]:
    """The pages visited: every top-level page; in a folder, its index, its two largest and its smallest."""
    folders: dict[str, list[str]] = {}
    for path in pages:
        folders.setdefault(path.rstrip("/").rpartition("/")[0], []).append(path)
    chosen: set[str] = set(folders.get("", []))  # the home page and each section's index: one of a kind
    for folder, members in folders.items():
        if not folder or folder.split("/", 1)[0] == "imprimer":
            continue
        by_size = sorted(members, key=lambda path: (-(site / path / "index.html").stat().st_size, path))
        chosen.update([*by_size[:2], by_size[-1]])  # the fullest pages, and the barest (another variant)
        if f"{folder}/" in pages:
            chosen.add(f"{folder}/")
    return chosen


@pytest.fixture(scope="session")
def visits(site: Path, base_url: str, browser: Browser) -> dict[str, Visit]:
    """A page of every kind (see the module's docstring), visited once."""
    axe = _axe_script()
    origin = base_url.removesuffix(SUB_PATH)
    context = browser.new_context()
    context.add_init_script(CSP_EVENTS)
    page = context.new_page()
    current = Visit()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            current.errors.append(f"console : {message.text}")

    def on_request(request: Request) -> None:
        if not request.url.startswith((origin + "/", "data:", "blob:")):
            current.outside.append(request.url)

    def on_failed(request: Request) -> None:
        # Leaving a page aborts what it still loads in the background (the search worker's
        # language files): not a failure of the site. A missing file answers 404, seen below.
        if request.failure != "net::ERR_ABORTED":
            current.errors.append(f"requête échouée : {request.url} ({request.failure})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: current.errors.append(f"exception : {error}"))
    page.on("request", on_request)
    page.on("requestfailed", on_failed)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            current.errors.append(f"HTTP {response.status} : {response.url}")

    page.on("response", on_response)
    results: dict[str, Visit] = {}
    for path in sorted(_sample(site, _pages(site))):
        current = Visit()
        page.goto(base_url + path, wait_until="load")
        page.evaluate(axe)
        found = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            ".then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + ' : ' + n.target.join(' '))))",
            AXE_TAGS,
        )
        current.violations = list(found)
        current.diagram_links = page.evaluate(
            "() => [...document.querySelectorAll('svg a[*|href]')].map("
            "a => new URL(a.getAttribute('xlink:href') || a.getAttribute('href'), document.baseURI).href)"
        )
        current.refused = page.evaluate("() => window.__csp")
        results[path] = current
    context.close()
    return results


def _report(found: dict[str, list[str]]) -> str:
    """Each problem once, with how many pages show it and the first few of them."""
    pages: dict[str, list[str]] = {}
    for path, problems in found.items():
        for problem in problems:
            pages.setdefault(problem, []).append(path or "(accueil)")
    lines = [f"{len(p)} page(s), dont {', '.join(p[:3])} : {problem}" for problem, p in sorted(pages.items())]
    return "\n" + "\n".join(lines)


def test_each_kind_of_page_loads_without_error(visits: dict[str, Visit]) -> None:
    assert len(visits) > 40 and {"", "flux/", "services/", "jeux-de-valeurs/", "imprimer/"} <= set(visits)
    broken = {path: v.errors for path, v in visits.items() if v.errors}
    assert not broken, _report(broken)


def test_no_request_leaves_the_machine(visits: dict[str, Visit]) -> None:
    leaks = {path: v.outside for path, v in visits.items() if v.outside}
    assert not leaks, _report(leaks)


def test_axe_finds_no_wcag_a_or_aa_violation_on_any_page(visits: dict[str, Visit]) -> None:
    violations = {path: v.violations for path, v in visits.items() if v.violations}
    assert not violations, _report(violations)


def test_no_page_reports_a_content_security_policy_violation(visits: dict[str, Visit]) -> None:
    refused = {path: v.refused for path, v in visits.items() if v.refused}
    assert not refused, _report(refused)


@pytest.mark.parametrize("path", ["", "services/sante-fr/", "imprimer/services/"])
def test_an_injected_event_handler_or_script_does_not_run(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context()
    context.add_init_script(CSP_EVENTS)
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.evaluate(
        """() => {
            document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned = 1">');
            const script = document.createElement('script');
            script.textContent = 'window.__pwned = 2';
            document.body.append(script);
            document.body.insertAdjacentHTML('beforeend', '<a id="zqx" href="javascript:window.__pwned = 3">x</a>');
            document.getElementById('zqx').click();
        }"""
    )
    page.wait_for_function("() => window.__csp.length >= 3")
    assert page.evaluate("() => window.__pwned") is None
    directives = {entry.split(" ", 1)[0] for entry in page.evaluate("() => window.__csp")}
    assert directives <= {"script-src-attr", "script-src-elem", "script-src"}, directives
    context.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_every_diagram_link_leads_to_a_page_under_the_sub_path(
    visits: dict[str, Visit], base_url: str, index: Index
) -> None:
    links = {link for v in visits.values() for link in v.diagram_links}
    assert {f"{base_url}flux/{flow}/" for flow in index.flows} <= links
    outside = [link for link in links if not link.startswith(base_url)]
    assert not outside
    missing = [link for link in sorted(links) if _status(link) != 200]
    assert not missing


def test_every_download_link_serves_its_file(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "telechargements/")
    links = page.evaluate(
        "() => [...document.querySelectorAll('article a[href]')].map(a => a.href)"
        ".filter(h => h.includes('/telechargements/') && !h.endsWith('/') && !h.includes('#'))"
    )
    page.close()
    assert links
    for link in links:
        assert link.startswith(base_url), link
        assert _status(link) == 200, link


def test_diagram_links_are_reached_and_followed_with_the_keyboard(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    page.goto(base_url + "vues/mes/")
    target = None
    for _ in range(400):
        page.keyboard.press("Tab")
        target = page.evaluate(
            "() => { const a = document.activeElement; "
            "return a && a.closest('svg') ? a.getAttribute('xlink:href') : null }"
        )
        if target:
            break
    assert target, "aucun lien de schéma n'est atteint au clavier"
    expected = urllib.parse.urljoin(base_url + "vues/mes/", target)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == expected
    assert page.locator("h1").count() == 1
    page.close()


SEARCHES = [
    ("ViaTrajectoire", "services/viatrajectoire-"),
    ("DUI", "services/dui/"),
    ("criteres", "catalogue/criteres/"),
    ("critères", "catalogue/criteres/"),
    ("traçabilité", "tracabilite/"),
    ("AlimentationAgenda", "flux/mes-a/"),
    ("agenda", "services/mes-agenda/"),
    ("Mon espace santé", "services/mes/"),
    ("4.1.3", "recommandations/4-1-3/"),
    ("glossaire", "glossaire/"),
]
"""What a reader types, and the start of the path of the page that must come first."""


@pytest.fixture(scope="module")
def search_box(browser: Browser, base_url: str) -> Iterator[Page]:
    """One page whose search is used for every query: the browser builds the search index once.

    Building it (a thousand sections, French stemming) is the slow part; doing it once per query
    made the searches time out when the machine was busy.
    """
    page = browser.new_page()
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    yield page
    page.close()


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_gives_the_expected_page_first(search_box: Page, query: str, expected: str) -> None:
    box = search_box.locator("input.md-search__input")
    # The search reacts to keys, not to a value set by script: each fill is followed by a key.
    box.fill("")
    box.press("End")
    search_box.locator(".md-search-result__meta", has_text="Taper pour démarrer").wait_for(timeout=120_000)
    box.fill(query)
    box.press("End")
    search_box.locator(".md-search-result__meta", has_text="trouvé").wait_for(timeout=120_000)
    first = search_box.locator(".md-search-result__item > a").first.get_attribute("href") or ""
    assert urllib.parse.urlsplit(first).path.startswith(SUB_PATH + expected), (query, first)
