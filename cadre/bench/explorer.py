"""The explorer in Chromium, for ``make bench``: how long its map takes to answer its filters.

The page ``explorateur/`` of the built site is opened :data:`RUNS` times without a filter and as many
times with the filter of a view in its address (the model's first view, present at every size), each
time in a fresh context of Chromium (an empty cache, as on a first visit), the site served from
127.0.0.1. The page is ready when it has loaded and ``docs/javascripts/filtres.js`` has read the
explorer's index and applied the address's filter (its performance mark ``filtres-prets``): the figure
is the later of the two, from the start of the navigation, the worst of the runs. With the filter, some
boxes or arrows of the map must be dimmed, so that the figure is that of a page that filters. Goal:
ready in under 1 s at ten times the model.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

from cadre.bench.chromium import chromium, served

RUNS = 5
"""Openings of the page for each figure; the worst is kept."""

READY = f"Explorateur : carte filtrable, sans filtre (pire de {RUNS})"
FILTERED = f"Explorateur : carte filtrable, filtre d'une vue (pire de {RUNS})"
DIMMED = "Explorateur : groupes de la carte estompés par ce filtre (éléments)"
LABELS = (READY, FILTERED, DIMMED)

PAGE = "explorateur/"
INDEX = "telechargements/explorateur/index.json"

_READY = """() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const mark = performance.getEntriesByName('filtres-prets', 'mark')[0];
    return {load: navigation.loadEventEnd, ready: mark ? mark.startTime : -1,
            dimmed: document.querySelectorAll('svg g.filtres-estompe').length};
}"""


def first_view(site: Path) -> str:
    """The identifier of the first view of the explorer's index published with ``site``."""
    entities = json.loads((site / INDEX).read_text(encoding="utf-8"))["entities"]
    return str(next(e["id"] for e in entities if e["kind"] == "view"))


def measure(site: Path) -> dict[str, float]:
    """The worst time for the explorer of the built ``site`` to be ready, without and with a filter.

    Raises:
        RuntimeError: the script never marks the page ready, or the filter dims nothing on the map.

    """
    query = "?" + urlencode({"vue": first_view(site)})
    figures: dict[str, float] = {}
    dimmed: dict[str, int] = {}
    with served(site) as url, chromium() as browser:
        for label, address in ((READY, url + PAGE), (FILTERED, url + PAGE + query)):
            times = []
            for _ in range(RUNS):
                context = browser.new_context()
                tab = context.new_page()
                tab.goto(address, wait_until="load", timeout=120_000)
                tab.locator("form.filtres[data-filtres-prets]").wait_for(state="attached", timeout=120_000)
                seen = tab.evaluate(_READY)
                context.close()
                if seen["ready"] < 0:
                    raise RuntimeError(f"{address} : filtres.js ne marque pas la page prête (filtres-prets)")
                times.append(max(seen["load"], seen["ready"]) / 1000)
                dimmed[label] = int(seen["dimmed"])
            figures[label] = max(times)
    if dimmed[READY] or not dimmed[FILTERED]:
        raise RuntimeError(f"{PAGE} : {dimmed[READY]} groupes estompés sans filtre, {dimmed[FILTERED]} avec {query}")
    figures[DIMMED] = float(dimmed[FILTERED])
    return figures
