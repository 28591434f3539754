"""The explorer in Chromium: its filters answer a reader's questions, by the controls and by the address.

The questions: « which flows carry health data and are still only a target? » and « which flows of the
older-people journey (view pa) does ViaTrajectoire take part in? ». Each is asked with the form and by
opening an address that holds the filter; the rows of the table and the arrows of the map must be
those the model gives. Without JavaScript the page shows every flow; axe-core finds no WCAG A/AA
violation with the form shown; at 390 px wide the controls fit and work with the keyboard; a shared
address is shown already filtered, with nothing moving after the first paint.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from test_browser import AXE_TAGS, _axe_script, base_url

from model import Index

__all__ = ["base_url"]  # the fixture, served under the sub-path as tests/test_browser.py serves it

PATH = "explorateur/"
VIATRAJECTOIRE = "viatrajectoire-grand-age"


@pytest.fixture
def tab(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def _open(page: Page, address: str) -> None:
    page.goto(address, wait_until="load")
    page.locator("form.filtres").wait_for(state="visible")


def _rows(page: Page) -> list[str]:
    """The flows of the table's visible rows, by the address of their page."""
    links: list[str] = page.evaluate(
        "() => [...document.querySelectorAll('.tableau-filtrable tbody tr:not([hidden])')]"
        ".map(r => [...r.querySelectorAll('a[href]')].map(a => a.href).find(h => h.includes('/flux/')))"
    )
    return [link.rstrip("/").rsplit("/", 1)[1] for link in links]


def _arrows(page: Page) -> set[str]:
    """The flows whose arrows are not dimmed on the map."""
    return _shown(page, "data-flux")


def _services(page: Page) -> set[str]:
    return _shown(page, "data-services")


def _shown(page: Page, attribute: str) -> set[str]:
    """What the groups marked with ``attribute`` and not dimmed stand for (on this map, one each)."""
    shown: list[str] = page.evaluate(
        "attribute => [...document.querySelectorAll(`svg g[${attribute}]:not(.filtres-estompe)`)]"
        ".map(g => g.getAttribute(attribute))",
        attribute,
    )
    assert all(" " not in value for value in shown)
    return set(shown)


def _health_and_only_target(index: Index) -> list[str]:
    return [
        f.id
        for f in index.flows.values()
        if "health" in f.data_categories and [s.value for s in f.statuses] == ["target"]
    ]


def _viatrajectoire_in_pa(index: Index) -> list[str]:
    return [f.id for f in index.views["pa"].flows if VIATRAJECTOIRE in f.ends]


def _check(page: Page, expected: list[str], index: Index) -> None:
    assert _rows(page) == expected
    assert _arrows(page) == set(expected)
    ends = {e for flow in expected for e in index.flows[flow].ends}
    assert _services(page) == ends
    count = len(expected)
    word = "lignes affichées" if count > 1 else "ligne affichée"
    assert page.locator("#filtres-flux-etat").text_content() == f"{count} {word} sur {len(index.flows)}."


def test_health_flows_still_only_a_target_by_the_controls(tab: Page, base_url: str, index: Index) -> None:
    page = tab
    expected = _health_and_only_target(index)
    assert "pa-d" in expected
    _open(page, base_url + PATH)
    page.get_by_label("Catégorie de données transportée").select_option("health")
    page.get_by_label("Existant").uncheck()
    page.get_by_label("En cours").uncheck()
    _check(page, expected, index)
    assert page.url.endswith(f"{PATH}?donnees=health&etat=target")


def test_health_flows_still_only_a_target_by_the_address(tab: Page, base_url: str, index: Index) -> None:
    page = tab
    _open(page, base_url + PATH + "?donnees=health&etat=target")
    _check(page, _health_and_only_target(index), index)
    assert page.get_by_label("Catégorie de données transportée").input_value() == "health"
    assert not page.get_by_label("Existant").is_checked()
    assert page.get_by_label("Cible").is_checked()


def test_viatrajectoire_in_the_older_people_journey_by_the_controls(tab: Page, base_url: str, index: Index) -> None:
    page = tab
    expected = _viatrajectoire_in_pa(index)
    assert expected
    _open(page, base_url + PATH)
    page.get_by_label("Vue", exact=True).select_option("pa")
    page.get_by_label("Service et ses voisins").select_option(VIATRAJECTOIRE)
    _check(page, expected, index)
    assert page.url.endswith(f"{PATH}?vue=pa&service={VIATRAJECTOIRE}")
    page.get_by_role("button", name="Tout afficher").click()
    page.wait_for_function("() => !location.search")
    assert _rows(page) == list(index.flows)


def test_viatrajectoire_in_the_older_people_journey_by_the_address(tab: Page, base_url: str, index: Index) -> None:
    page = tab
    _open(page, base_url + PATH + f"?service={VIATRAJECTOIRE}&vue=pa")
    _check(page, _viatrajectoire_in_pa(index), index)


def test_without_javascript_the_page_shows_every_flow(browser: Browser, base_url: str, index: Index) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PATH + "?donnees=health&etat=target", wait_until="load")
    assert not page.locator("form.filtres").is_visible()
    assert len(_rows(page)) == len(index.flows)
    assert page.locator("svg g[data-flux]").count() > 0
    assert page.locator("svg g.filtres-estompe").count() == 0
    context.close()


def test_axe_finds_no_wcag_a_or_aa_violation_with_a_filter(tab: Page, base_url: str) -> None:
    page = tab
    _open(page, base_url + PATH + "?vue=pa&etat=existing&etat=target")
    page.evaluate(_axe_script())
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + ' : ' + n.target.join(' '))))",
        AXE_TAGS,
    )
    assert found == []


def test_at_390_pixels_the_controls_fit_and_work_with_the_keyboard(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    _open(page, base_url + PATH)
    # What the finger or the mouse hits: a list, a button, or a box with its label (24 px at least, WCAG 2.5.8).
    targets = page.locator("form.filtres select, form.filtres .filtres__cases label, form.filtres button")
    assert targets.count() >= 9
    for position in range(targets.count()):
        box = targets.nth(position).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, position
        assert box["height"] >= 24, position
    beyond = page.evaluate(
        "() => [...document.querySelectorAll('form.filtres, form.filtres *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth).map(e => e.outerHTML.slice(0, 80))"
    )
    assert beyond == []
    page.get_by_label("Manuel").focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search === '?nature=automated'")
    page.get_by_label("Vue", exact=True).focus()
    page.keyboard.press("ArrowDown")
    assert page.get_by_label("Vue", exact=True).input_value() != ""
    context.close()


def _entities(page: Page, kind: str) -> list[str]:
    """The pages of the visible rows of a filtered table, by the last part of their address."""
    found: list[str] = page.evaluate(
        "kind => [...document.querySelectorAll(`.tableau-filtrable[data-filtre=${kind}] tbody tr:not([hidden])`)]"
        ".map(r => r.querySelector('a[href]').href)",
        kind,
    )
    return [link.rstrip("/").rsplit("/", 1)[1] for link in found]


def test_the_long_tables_are_filtered_by_the_address(browser: Browser, base_url: str, index: Index) -> None:
    fw = index.framework
    context = browser.new_context()
    page = context.new_page()
    _open(page, base_url + "services/?systeme=portals")
    assert _entities(page, "service") == [s.id for s in fw.services if s.category.value == "portals"]
    _open(page, base_url + "flux/?vue=pa&etat=existing")
    expected = [
        f.id.replace(".", "-") for f in index.views["pa"].flows if [s.value for s in f.statuses] == ["existing"]
    ]
    assert [link for link in _rows(page)] == expected
    _open(page, base_url + "cas-usage/?vue=pa")
    shown = _entities(page, "use_case")
    assert shown
    assert len(shown) == sum(len(s.use_cases) for s in index.views["pa"].scenarios)
    _open(page, base_url + "catalogue/tous-les-cas/?secteur=ph")
    cases = [c for c in fw.catalogue if index.task_forces[c.task_force].sector.value == "ph"]
    assert len(_entities(page, "catalogue_case")) == len(cases)
    assert page.locator("#filtres-cas-etat").text_content() == f"{len(cases)} lignes affichées sur {len(fw.catalogue)}."
    context.close()


_FIRST_PAINT = """() => new Promise(done => {
    const shifts = [];
    new PerformanceObserver(list => shifts.push(...list.getEntries().map(e => e.value)))
        .observe({type: 'layout-shift', buffered: true});
    const painted = () => performance.getEntriesByName('first-contentful-paint')[0];
    const ready = performance.getEntriesByName('filtres-prets', 'mark')[0];
    const wait = () => painted() ? done({painted: painted().startTime, ready: ready ? ready.startTime : null,
                                         shifted: shifts.reduce((a, b) => a + b, 0)}) : setTimeout(wait, 50);
    wait();
})"""


@pytest.mark.parametrize(
    ("address", "hidden"),
    [(PATH + "?vue=pa&etat=existing", ".tableau-filtrable tbody tr[hidden]"), ("flux/?vue=pa", "tbody tr[hidden]")],
)
def test_a_shared_address_is_first_shown_already_filtered(
    browser: Browser, base_url: str, address: str, hidden: str
) -> None:
    """The page of a shared address appears once its filter is applied: no row is seen, then taken away."""
    context = browser.new_context()  # a first visit: nothing in the cache
    page = context.new_page()
    page.goto(base_url + address, wait_until="load")
    seen = page.evaluate(_FIRST_PAINT)
    assert page.locator(hidden).count() > 0  # the filter did take rows away
    assert seen["ready"] is not None and seen["painted"] >= seen["ready"], seen
    assert seen["shifted"] == 0, seen
    context.close()


def test_what_a_portal_exchanges_and_with_whom(tab: Page, base_url: str, index: Index) -> None:
    """« What does my portal exchange, and with whom? »: a service and its neighbours, from the controls."""
    page = tab
    portal = "mon-parcours-handicap"
    expected = [f.id for f in index.flows.values() if portal in f.ends]
    assert len(expected) > 1
    _open(page, base_url + PATH)
    page.get_by_label("Service et ses voisins").select_option(portal)
    _check(page, expected, index)  # its flows in the table and on the map, and the services they join
    assert page.url.endswith(f"{PATH}?service={portal}")
