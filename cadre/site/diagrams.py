"""The diagrams of the pages: a placeholder in the assembled tree, the SVG itself in the built page.

A page of ``generated/`` includes a diagram with a line ``--8<-- "diagrams/….svg"``. The assembly
(:mod:`cadre.site.assemble`) writes in its place a placeholder, an HTML comment that names the file and
gives its length and a digest of its bytes (:func:`placeholder`); once the site is built, :func:`Diagrams.insert`
puts the SVG where the placeholder is, in every built page (:mod:`cadre.site.post_build`; under ``mkdocs
serve``, the MkDocs hook, page by page). Both generators pass the comment through as it is, as they passed
the SVG.

Why not the SVG in the source: the diagrams are most of the text of the site (15 of 26 MB at ten times the
model), and both generators would read them for nothing, since they copy them unchanged: Python-Markdown
parses raw HTML, Material's search parses every page it indexes, Zensical scans each Markdown source for
links, byte by byte. The site's search does not index the diagrams' labels, which the page's text and
tables already say. The digest makes a page's source change when its diagram does (``mkdocs serve
--dirty`` renders it again); the length lets the print view weigh a page with its diagrams (:func:`weight`).

Each link of a diagram gets SVG 2's ``href`` beside its ``xlink:href`` as the SVG is placed, so that crawlers
and link checkers follow it (Zensical would rewrite an ``href`` of raw HTML in the source as relative to the
Markdown file; it does not see the SVG any more).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_PATH = r"[A-Za-z0-9_./-]+\.svg"
_PLACEHOLDER = re.compile(rf"<!-- diagramme ({_PATH}) (\d+) ([0-9a-f]{{16}}) -->")
_XLINK = re.compile(r'<a( [^>]*?)? xlink:href="([^"]*)"')


class DiagramError(Exception):
    """A placeholder names a diagram that is missing or has changed since the assembly (message in French)."""


def digest(svg: bytes) -> str:
    """The digest of a diagram's bytes that its placeholder carries."""
    return hashlib.sha256(svg).hexdigest()[:16]


def is_placeable(relative: str) -> bool:
    """Whether an include of ``relative`` (``diagrams/vues/mes-flux.svg``) becomes a placeholder."""
    return bool(re.fullmatch(_PATH, relative)) and not relative.startswith("/") and ".." not in relative.split("/")


def placeholder(relative: str, svg: bytes, indent: str = "") -> str:
    """The comment that stands for the diagram ``relative`` of ``generated/`` (its bytes ``svg``) in a page."""
    length = len("\n".join(indent + line for line in svg.decode("utf-8").splitlines()))
    return f"{indent}<!-- diagramme {relative} {length} {digest(svg)} -->"


def weight(markdown: str) -> int:
    """The length of ``markdown`` with its diagrams in the placeholders' place, as the assembly used to write it."""
    return len(markdown) + sum(int(m.group(2)) - len(m.group(0)) for m in _PLACEHOLDER.finditer(markdown))


def _with_href(link: re.Match[str]) -> str:
    if " href=" in (link.group(1) or ""):
        return link.group(0)
    return f'{link.group(0)} href="{link.group(2)}"'


def published(svg: str) -> str:
    """The SVG as a page shows it: its lines, each link with an ``href`` beside its ``xlink:href``."""
    return _XLINK.sub(_with_href, "\n".join(svg.splitlines()))


class Diagrams:
    """The diagrams of ``generated/``, each read once, put in the pages' placeholders."""

    def __init__(self, generated: Path) -> None:
        self.generated = generated
        self._read: dict[str, str] = {}

    def _svg(self, relative: str, expected: str) -> str:
        key = f"{relative} {expected}"
        if key not in self._read:
            path = self.generated / relative
            data = path.read_bytes() if is_placeable(relative) and path.is_file() else None
            if data is None or digest(data) != expected:
                raise DiagramError(
                    f"Le schéma {relative} de generated/ est absent ou a changé depuis l'assemblage du site : "
                    "relancez la construction (make site)."
                )
            self._read[key] = published(data.decode("utf-8"))
        return self._read[key]

    def insert(self, html: str) -> str:
        """``html`` with each diagram in its placeholder's place.

        Raises:
            DiagramError: a diagram is missing from ``generated/``, or is no longer the one assembled.

        """
        if "<!-- diagramme " not in html:
            return html
        return _PLACEHOLDER.sub(lambda m: self._svg(m.group(1), m.group(3)), html)
