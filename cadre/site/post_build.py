"""What every build of the site gets after its generator has run, whichever generator it is.

:mod:`cadre.publish.build` runs :func:`finish` on the built site before swapping it in, for MkDocs and for
Zensical alike; under ``mkdocs serve`` the MkDocs hook fills the print view and folds the search index
only (see :mod:`cadre.site.csp` for why the preview has no policy).

- Each page of the print view gets the pages of its part (:func:`cadre.site.print_fill.fill`): only the
  built pages hold what it gathers. Before the policy, which then covers what was added.
- The search finds words typed without their accents (« securite » finds « sécurité »): each entry of
  Material's search index (``search/search_index.json``, MkDocs) gets the words of its text that carry
  accents, written without them, in a hidden element (the excerpts shown to the reader show nothing of
  it). Zensical's search (``search.json``) folds accents itself, and shows such an element in its
  results: its index is left as it is (``tests/test_generators.py`` searches both).
- Each link of a diagram gets SVG 2's ``href`` beside its ``xlink:href``, so that crawlers and link
  checkers follow it (:func:`svg_hrefs`). Not in the source tree: Zensical reads an ``href`` of raw
  HTML as relative to the Markdown file and rewrites it, which would break it; it leaves
  ``xlink:href`` alone.
- Each page gets its Content-Security-Policy (:func:`cadre.site.csp.secure_site`).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cadre.site import csp, print_fill

INDEXES = {"search/search_index.json": "docs"}
"""The search indexes to fold, and the key of their list of entries."""

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_FOLDED = re.compile(r" <span hidden>[^<]*</span>$")


def fold(word: str) -> str:
    """``Sécurité`` → ``Securite``: the word without its diacritics."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@functools.lru_cache(maxsize=1 << 16)
def unaccented(html: str) -> str:
    """A hidden element listing the words of ``html`` that carry accents, written without them.

    Remembered: under ``mkdocs serve`` a rebuild folds again only the sections that changed.
    """
    words = sorted({fold(w) for w in _WORD.findall(_TAG.sub(" ", html)) if fold(w) != w})
    return f" <span hidden>{' '.join(words)}</span>" if words else ""


Entries = list[dict[str, Any]]


def fold_search_index(site_dir: Path, keep: Callable[[Entries], Entries] | None = None) -> int:
    """Add to each entry of the site's search index its accented words without accents; the entries' count.

    ``keep`` filters the entries first (the preview keeps each page's latest ones). Folding twice gives
    the same index: an entry already folded is left as it is.
    """
    count = 0
    for relative, key in INDEXES.items():
        path = site_dir / relative
        if not path.is_file():
            continue
        index = json.loads(path.read_text(encoding="utf-8"))
        entries: Entries = index.get(key, [])
        if keep is not None:
            entries = index[key] = keep(entries)
        for entry in entries:
            for field in ("title", "text"):
                text = entry.get(field) or ""
                if isinstance(text, str) and not _FOLDED.search(text):
                    entry[field] = text + unaccented(text)
        count += len(entries)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return count


def finish(site_dir: Path, source_dir: Path) -> None:
    """Fill the print view, fold the search index and give every page its policy.

    ``source_dir`` is the assembled tree the site was built from: the print view reads its menu.

    Raises:
        cadre.site.csp.UnsafePageError: a page holds what the policy refuses.
        cadre.site.menu.NavError: the menu links to a folder without ``SUMMARY.md``.

    """
    print_fill.fill(site_dir, source_dir)
    fold_search_index(site_dir)
    svg_hrefs(site_dir)
    csp.secure_site(site_dir)


_XLINK = re.compile(r'<a( [^>]*?)? xlink:href="([^"]*)"')


def _with_href(link: re.Match[str]) -> str:
    if " href=" in (link.group(1) or ""):
        return link.group(0)
    return f'{link.group(0)} href="{link.group(2)}"'


def svg_hrefs(site_dir: Path) -> int:
    """Give every ``<a xlink:href="…">`` of the built pages an ``href`` of the same value; return how many."""
    count = 0
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        added, found = _XLINK.subn(_with_href, html)
        if found:
            page.write_text(added, encoding="utf-8")
            count += found
    return count
