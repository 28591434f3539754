"""The print view in Chromium, for ``make bench``: how long its slowest page takes to open, and its weight.

Each page of ``imprimer/`` is opened once in a fresh tab of Chromium (Debian's, driven by Playwright),
the site served from 127.0.0.1. Goal: every page loads in under 3 s (the one print page of the whole
site took 6 to 8 s here, 16 s to first paint in Lighthouse).
"""

from __future__ import annotations

from pathlib import Path

from cadre.bench.chromium import chromium, served

LOAD = "Version imprimable : chargement, page la plus lente (objectif < 3 s)"
PAINT = "Version imprimable : premier affichage, page la plus lente"
WEIGHT = "Version imprimable : page la plus lourde (ko)"
ELEMENTS = "Version imprimable : éléments, page la plus lourde (éléments)"
LABELS = (LOAD, PAINT, WEIGHT, ELEMENTS)

_TIMINGS = """() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
    return {load: navigation.loadEventEnd, paint: paint ? paint.startTime : 0,
            elements: document.getElementsByTagName('*').length};
}"""


def measure(site: Path) -> dict[str, float]:
    """Open every print page of the built ``site``; the worst time to load and to paint, size and elements."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "imprimer").rglob("index.html"))
    figures = dict.fromkeys(LABELS, 0.0)
    with served(site) as url, chromium() as browser:
        for path in pages:
            tab = browser.new_page()
            tab.goto(url + path, wait_until="load", timeout=120_000)
            seen = tab.evaluate(_TIMINGS)
            tab.close()
            figures[LOAD] = max(figures[LOAD], seen["load"] / 1000)
            figures[PAINT] = max(figures[PAINT], seen["paint"] / 1000)
            figures[ELEMENTS] = max(figures[ELEMENTS], float(seen["elements"]))
            figures[WEIGHT] = max(figures[WEIGHT], (site / path / "index.html").stat().st_size / 1000)
    return figures
