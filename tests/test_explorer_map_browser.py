"""At ten times the model, the explorer's map by system category answers its filters in Chromium.

Building the site at that size takes most of a minute, so the page is a small one: the explorer's form and
map as :mod:`cadre.generators.explorer_page` generates them for the benchmark's tenfold model, the site's
own ``filtres.js`` and the explorer's index of that model, served to Chromium by Playwright's routing. A
box must be dimmed exactly when no flow the filter keeps has a service of its category at one end, an
arrow exactly when no kept flow goes from its tail's category to its head's; the model says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route
from test_browser import AXE_TAGS, _axe_script

from cadre.drawing.spec import DEdge
from cadre.generate import ROOT
from cadre.generators import diagram_maps, explorer_index, explorer_page
from model import Flow, Index

HOST = "http://dix-fois.test/"


@pytest.fixture(scope="module")
def files(tenfold: Index) -> dict[str, tuple[str, str]]:
    """By path under :data:`HOST`, the type and text of each file of the small site."""
    generated = explorer_page.generate(tenfold)
    found = re.search(r"<form .*?</form>", generated[f"docs/{explorer_page.PAGE}"], re.S)
    assert found
    page = (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Explorer à dix fois le modèle</title>'
        f'</head><body><main><h1>Explorer</h1>{found.group(0)}<figure class="diagramme">'
        f"{generated[explorer_page.DIAGRAM]}</figure></main>"
        '<script src="../javascripts/filtres.js"></script></body></html>'
    )
    return {
        "explorateur/": ("text/html", page),
        "javascripts/filtres.js": ("text/javascript", (ROOT / "docs/javascripts/filtres.js").read_text("utf-8")),
        f"telechargements/{explorer_index.INDEX}": (
            "application/json",
            explorer_index.generate(tenfold)[explorer_index.INDEX],
        ),
    }


@pytest.fixture
def tab(browser: Browser, files: dict[str, tuple[str, str]]) -> Iterator[Page]:
    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(HOST).split("?", 1)[0]
        if path in files:
            kind, text = files[path]
            route.fulfill(status=200, content_type=f"{kind}; charset=utf-8", body=text)
        else:
            route.fulfill(status=404, body="")

    context = browser.new_context()
    context.route(f"{HOST}**", serve)
    yield context.new_page()
    context.close()


def _open(page: Page, query: str = "") -> None:
    page.goto(f"{HOST}explorateur/{query}", wait_until="load")
    page.locator("form.filtres[data-filtres-prets]").wait_for(state="visible")


def _lit(page: Page) -> tuple[set[str], set[str]]:
    """The boxes (by category) and the arrows (by number) not dimmed; an arrow's badge and halves agree."""
    boxes: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('svg g[data-services]:not(.filtres-estompe)')].map(g => g.id)"
    )
    parts: dict[str, bool] = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('svg g[data-flux]')]"
        ".map(g => [g.id, !g.classList.contains('filtres-estompe')]))"
    )
    arrows: dict[str, set[bool]] = {}
    for ident, lit in parts.items():
        arrows.setdefault(re.sub(r"-[ab]$", "", ident.removeprefix("carte--edge-")), set()).add(lit)
    assert all(len(states) == 1 for states in arrows.values()), arrows
    return {b.removeprefix("carte--node-") for b in boxes}, {n for n, states in arrows.items() if True in states}


def _expected(big: Index, kept: list[Flow]) -> tuple[set[str], set[str]]:
    """What the model says stays lit when the filter keeps ``kept``."""
    category = {s.id: s.category.value for s in big.framework.services}
    (drawing,) = diagram_maps.map_drawings(big)

    def joins(edge: DEdge, flow: Flow) -> bool:
        return any(category[e] == edge.tail and category[r] == edge.head for e in flow.emitters for r in flow.receivers)

    boxes = {category[e] for f in kept for e in f.ends}
    arrows = {str(n) for n, edge in enumerate(drawing.spec.edges, start=1) if any(joins(edge, f) for f in kept)}
    return boxes, arrows


def _partly_dimmed(page: Page, big: Index, kept: list[Flow]) -> None:
    boxes, arrows = _expected(big, kept)
    assert _lit(page) == (boxes, arrows)
    everything = _expected(big, list(big.flows.values()))
    assert boxes < everything[0] and arrows and arrows < everything[1]  # it dims some, and keeps some


def test_a_view_given_by_the_address_dims_the_other_categories_and_pairs(tab: Page, tenfold: Index) -> None:
    _open(tab, "?vue=pa-c7")
    _partly_dimmed(tab, tenfold, tenfold.views["pa-c7"].flows)
    # The moment make bench measures (cadre/bench/explorer.py): once, when the address's filter is applied.
    assert tab.evaluate("() => performance.getEntriesByName('filtres-prets', 'mark').length") == 1


def test_a_service_and_a_data_category_chosen_with_the_controls(tab: Page, tenfold: Index) -> None:
    big = tenfold
    _open(tab)
    assert _lit(tab) == _expected(big, list(big.flows.values()))
    tab.get_by_label("Service et ses voisins").select_option("viatrajectoire-grand-age-c4")
    tab.get_by_label("Catégorie de données transportée").select_option("health")
    kept = [f for f in big.flows.values() if "viatrajectoire-grand-age-c4" in f.ends and "health" in f.data_categories]
    assert kept
    _partly_dimmed(tab, big, kept)
    assert tab.url.endswith("?donnees=health&service=viatrajectoire-grand-age-c4")
    tab.get_by_role("button", name="Tout afficher").click()
    tab.wait_for_function("() => !location.search")
    assert _lit(tab) == _expected(big, list(big.flows.values()))


def test_axe_finds_no_wcag_a_or_aa_violation_on_the_map_by_category(tab: Page) -> None:
    _open(tab, "?vue=pa")
    tab.evaluate(_axe_script())
    found = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + ' : ' + n.target.join(' '))))",
        AXE_TAGS,
    )
    assert found == []
