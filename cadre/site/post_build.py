"""What every build of the site gets after its generator has run, whichever generator it is.

:mod:`cadre.publish.build` runs :func:`finish` on the built site before swapping it in, for MkDocs and for
Zensical alike; under ``mkdocs serve`` the MkDocs hook puts the diagrams in place, fills the print view and
folds the search index only (see :mod:`cadre.site.csp` for why the preview has no policy).

- Each diagram takes its placeholder's place, with SVG 2's ``href`` beside each ``xlink:href``
  (:mod:`cadre.site.diagrams` says why the generators never see it).
- Each page of the print view gets the pages of its part (:func:`cadre.site.print_fill.fill`): only the
  built pages hold what it gathers. Before the policy, which then covers what was added.
- The search finds words typed without their accents (« securite » finds « sécurité »): each entry of
  Material's search index (``search/search_index.json``, MkDocs) gets the words of its text that carry
  accents, written without them, in a hidden element (the excerpts shown to the reader show nothing of
  it). Zensical's search (``search.json``) folds accents itself, and shows such an element in its
  results: its index is left as it is (``tests/test_generators.py`` searches both).
- Each page gets its Content-Security-Policy (:func:`cadre.site.csp.secure`).
"""

from __future__ import annotations

import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path
from typing import Any

from cadre.site import csp, print_fill, print_view
from cadre.site.diagrams import Diagrams

INDEXES = {"search/search_index.json": "docs"}
"""The search indexes to fold, and the key of their list of entries."""

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")
_FOLDED = re.compile(r" <span hidden>[^<]*</span>$")


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """``Sécurité`` → ``Securite``: the word without its diacritics."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@functools.lru_cache(maxsize=1 << 16)
def unaccented(html: str) -> str:
    """A hidden element listing the words of ``html`` that carry accents, written without them.

    Remembered: under ``mkdocs serve`` a rebuild folds again only the sections that changed.
    """
    accented = {w for w in _WORD.findall(_TAG.sub(" ", html)) if not w.isascii()}  # none in an ASCII word
    words = sorted({folded for w in accented if (folded := fold(w)) != w})
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


def finish(site_dir: Path, source_dir: Path, generated: Path) -> None:
    """Fill the print view, put the diagrams in place, fold the search index and give every page its policy.

    ``source_dir`` is the assembled tree the site was built from: the print view reads its menu;
    ``generated`` holds the diagrams its placeholders name. Each page is read, completed and checked once,
    on every core, and written beside itself; the pages are replaced only once every one has passed.

    Raises:
        cadre.site.csp.UnsafePageError: a page holds what the policy refuses.
        cadre.site.diagrams.DiagramError: a diagram is missing or has changed since the assembly.
        cadre.site.menu.NavError: the menu links to a folder without ``SUMMARY.md``.

    """
    pages = sorted(site_dir.rglob("*.html"))
    printed = [p for p in pages if len(parts := p.relative_to(site_dir).parts) == 3 and parts[0] == print_view.DIR]
    others = sorted(set(pages) - set(printed))
    try:
        # The policy's reading of every page is most of the finishing: one process per core. The print view
        # reads the other pages meanwhile; its own pages are finished once it has filled them.
        with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, max(1, len(pages) // 20))) as pool:
            first = pool.map(_finish_page, others, repeat(site_dir), repeat(generated), chunksize=8)
            print_fill.fill(site_dir, source_dir, Diagrams(generated).insert)
            fold_search_index(site_dir)
            done = [*first, *pool.map(_finish_page, printed, repeat(site_dir), repeat(generated))]
    except BaseException:
        for path in pages:
            _finished(path).unlink(missing_ok=True)
        raise
    for path in done:
        _finished(path).replace(path)


def _finished(page: Path) -> Path:
    """Where the finished ``page`` waits for every other to pass."""
    return page.with_name(f".{page.name}.fini")


_diagrams: dict[Path, Diagrams] = {}
"""The diagrams a worker process has read, by folder."""


def _finish_page(path: Path, site_dir: Path, generated: Path) -> Path:
    """Write the page at ``path`` with its diagrams and its policy beside it (in a worker of :func:`finish`)."""
    place = _diagrams.setdefault(generated, Diagrams(generated))
    html = csp.secure(place.insert(path.read_text(encoding="utf-8")), path.relative_to(site_dir).as_posix())
    _finished(path).write_text(html, encoding="utf-8")
    return path
