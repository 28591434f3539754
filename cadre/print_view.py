"""The print view (mkdocs-print-site): every page of the site in one document.

Four fixes to the plugin's output, applied by ``cadre/mkdocs_hooks.py``:

- the plugin gives the page the theme's base URL ``/`` (the site's root on its host), which breaks
  search and scripts when the site is served under a sub-path, as GitHub Pages does;
- it turns each page's links into anchors of the one print page, but not the links of the
  inline SVG diagrams (``href`` and ``xlink:href``), which still point at the page they came from;
- it wrongly warns that it is not the last plugin when ``hooks:`` is a list (as MkDocs writes it);
- it writes a ``<style>`` element that numbers the headings, even when ``enumerate_headings`` is off
  (as here): the site's Content-Security-Policy (:mod:`cadre.csp`) refuses inline styles, so it goes.
"""

from __future__ import annotations

import itertools
import logging
import posixpath
import re
from pathlib import Path

PRINT_PAGE = "print_page/index.html"

_SECTION = re.compile(r'<section class="print-page" id="([^"]*)"')
_SVG_LINK = re.compile(r'<a xlink:href="([^"#:]+/)"[^>]*>')
_NUMBERING = re.compile(r"<style>(?:\s*\.print-site-enumerate-headings [^<]*)?</style>")


class OrderWarningFilter(logging.Filter):
    """Drops the plugin's « should be defined as the *last* plugin » warning.

    The plugin subtracts ``hooks:`` only when they form a dict, and MkDocs makes them a list, so it
    warns although print-site is last (tests/test_site.py checks that it is). Under ``--strict`` the
    warning would fail the build.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but that warning."""
        return "'print-site' should be defined as the *last* plugin" not in record.getMessage()


def page_key(url: str) -> str:
    """The anchor the plugin gives a page in the print view (``services/mes/`` → ``services-mes``)."""
    return url.strip("/").replace("/", "-") or "index"


def fix_print_page(site_dir: Path) -> int:
    """Make the print view's base relative and its diagrams' links point at its own sections.

    Returns the number of diagram links rewritten.
    """
    path = site_dir / PRINT_PAGE
    if not path.is_file():
        return 0
    html = path.read_text(encoding="utf-8").replace('"base": "/"', '"base": ".."', 1)
    html = _NUMBERING.sub("", html, count=1)
    urls = {page_key(p.parent.relative_to(site_dir).as_posix() + "/"): p.parent for p in site_dir.rglob("index.html")}
    bounds = [0, *(m.start() for m in _SECTION.finditer(html)), len(html)]
    pieces = [html[start:end] for start, end in itertools.pairwise(bounds)]
    fixed = 0

    def rewrite(piece: str) -> str:
        section = _SECTION.match(piece)
        if section is None or section.group(1) not in urls:
            return piece
        here = urls[section.group(1)].relative_to(site_dir).as_posix()

        def anchor(link: re.Match[str]) -> str:
            nonlocal fixed
            target = posixpath.normpath(posixpath.join(here, link.group(1)))
            fixed += 1
            # Both the SVG 2 href and xlink:href (cadre/diagram_adapter.py writes both).
            return link.group(0).replace(f'href="{link.group(1)}"', f'href="#{page_key(target)}"')

        return _SVG_LINK.sub(anchor, piece)

    path.write_text("".join(rewrite(p) for p in pieces), encoding="utf-8")
    return fixed
