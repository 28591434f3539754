"""The print pages filled with their part's pages, after the build; only what changed, under the preview.

Each part's print page (:mod:`cadre.site.print_view`) gets the ``<article>`` of each of its pages, in
menu order, headings one level down, before a table of contents. Links are rewritten so that every one
resolves: to an anchor of the same print page when the target is in the same part, to the other part's
print page otherwise, to the file itself when it is not a page (a download). Ids are kept unless two
pages of a part share one (``description``): the later one is then prefixed with its page's key, and
the links to it follow.

A :class:`Filler` remembers what it read and wrote. Under ``mkdocs serve --dirty`` the hook keeps one
across rebuilds: a page MkDocs did not render again is not read again, and a print page is filled again
only when its own shell or pages changed, or when the ids of some page changed (a link of any part may
lead there); the other print pages, not rendered again either, keep what was written into them. The
result is always what a new :class:`Filler` writes.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cadre.site import print_view
from cadre.site.print_view import Part, page_key

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)
_ID = re.compile(r'(?<=\s)id="([^"]*)"')
_LINK = re.compile(r'(?<=\s)((?:xlink:)?href|src)="([^"]*)"')
_IDREFS = re.compile(r'(?<=\s)(aria-labelledby|aria-describedby|aria-controls|for)="([^"]*)"')
_URL_REF = re.compile(r"url\(#([^)]*)\)")
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ABSOLUTE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/")

Signature = tuple[int, int, int] | None
"""A built file's size, modification time (ns) and inode; None when it does not exist."""


@dataclass
class _Piece:
    """One page of a part: its article, and what its ids became in the print page."""

    url: str
    article: str
    ids: dict[str, str]


@dataclass
class _Filled:
    """What a part's print page was last filled from, and the signature of the file once written."""

    shell: str
    inputs: tuple[object, ...]
    pieces: list[_Piece]
    written: Signature


def _signature(path: Path) -> Signature:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ino


@dataclass
class Filler:
    """Fills the print pages of a built site, remembering what it read and wrote (see the module)."""

    place: Callable[[str], str] = str
    """Applied to each article as it is read: the diagrams put in their placeholders' place
    (:meth:`cadre.site.diagrams.Diagrams.insert`) when the built pages do not have them yet."""
    _articles: dict[str, tuple[Signature, str]] = field(default_factory=dict)
    _parts: dict[str, _Filled] = field(default_factory=dict)
    _where: dict[str, tuple[str, dict[str, str]]] | None = None

    def _article(self, site_dir: Path, url: str) -> str:
        path = site_dir / url / "index.html"
        signature = _signature(path)
        known = self._articles.get(url)
        if known is None or known[0] != signature:
            found = _ARTICLE.search(path.read_text(encoding="utf-8")) if signature is not None else None
            known = self._articles[url] = (signature, self.place(found.group(1)) if found else "")
        return known[1]

    def _shell(self, path: Path, slug: str) -> str | None:
        """The print page as the site generator rendered it, before filling; None if there is none."""
        signature = _signature(path)
        if signature is None:
            return None
        known = self._parts.get(slug)
        if known is not None and known.written == signature:
            return known.shell  # the file holds our filling of it: not rendered again since
        return path.read_text(encoding="utf-8")

    def fill(self, site_dir: Path, parts: list[Part]) -> int:
        """Fill each part's print page with its pages' articles; return the number of pages placed."""
        shells: dict[str, tuple[Part, str]] = {}
        where: dict[str, tuple[Part, _Piece]] = {}
        inputs: dict[str, tuple[object, ...]] = {}
        for part in parts:
            shell = self._shell(site_dir / part.url / "index.html", part.slug)
            if shell is None:
                continue
            shells[part.slug] = (part, shell)
            articles = tuple(self._article(site_dir, url) for url in part.urls)
            inputs[part.slug] = (part, shell, articles)
            known = self._parts.get(part.slug)
            pieces = known.pieces if known is not None and known.inputs == inputs[part.slug] else None
            for piece in pieces or _pieces(part, shell, articles):
                where[piece.url] = (part, piece)
        signature = {url: (part.url, piece.ids) for url, (part, piece) in where.items()}
        moved, self._where = signature != self._where, signature
        for slug, (part, shell) in shells.items():
            path = site_dir / part.url / "index.html"
            known = self._parts.get(slug)
            if not moved and known is not None and known.inputs == inputs[slug] and known.written == _signature(path):
                continue
            pieces = [where[url][1] for url in part.urls]
            body = "".join(_section(piece, part, where) for piece in pieces)
            path.write_text(shell.replace(print_view.marker(slug), _contents(pieces) + body, 1), encoding="utf-8")
            self._parts[slug] = _Filled(shell, inputs[slug], pieces, _signature(path))
        return len(where)


def fill(site_dir: Path, source_dir: Path, place: Callable[[str], str] = str) -> int:
    """Fill the print pages of the site built from ``source_dir``, the parts read from its menu.

    ``place`` is applied to each page's article as it is read (:attr:`Filler.place`).
    """
    return Filler(place).fill(site_dir, print_view.parts(print_view.tree_reader(source_dir)))


def _pieces(part: Part, shell: str, articles: tuple[str, ...]) -> list[_Piece]:
    """The part's pages, each id renamed when an earlier page of the part (or the shell) has it already."""
    used = set(_ID.findall(shell))
    used |= {"sommaire", *(page_key(url) for url in part.urls)}
    pieces = []
    for url, article in zip(part.urls, articles, strict=True):
        piece = _Piece(url, article, {})
        for ident in _ID.findall(article):
            new = ident if ident not in used else f"{page_key(url)}--{ident}"
            while new in used:
                new += "-"
            used.add(new)
            piece.ids.setdefault(ident, new)
        pieces.append(piece)
    return pieces


def _contents(pieces: list[_Piece]) -> str:
    """The part's table of contents: each page's title, linked to its section."""
    items = []
    for piece in pieces:
        found = _H1.search(piece.article)
        title = _TAG.sub("", _PERMALINK.sub("", found.group(1))).strip() if found else piece.url
        items.append(f'<li><a href="#{page_key(piece.url)}">{title}</a></li>')
    return f'<h2 id="sommaire">Sommaire</h2>\n<ol class="impression-sommaire">{"".join(items)}</ol>\n'


def _section(piece: _Piece, part: Part, where: dict[str, tuple[Part, _Piece]]) -> str:
    html_ = _ID.sub(lambda m: f'id="{piece.ids.get(m.group(1), m.group(1))}"', piece.article)
    html_ = rewrite_links(html_, piece.url, part, where)
    html_ = _IDREFS.sub(lambda m: f'{m.group(1)}="{" ".join(piece.ids.get(i, i) for i in m.group(2).split())}"', html_)
    html_ = _URL_REF.sub(lambda m: f"url(#{piece.ids.get(m.group(1), m.group(1))})", html_)
    html_ = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + 1, 6)}", html_)
    return f'<section class="impression-page" id="{page_key(piece.url)}">{html_}</section>\n'


@functools.lru_cache(maxsize=1 << 14)
def _relative(path: str, start: str) -> str:
    """``posixpath.relpath``, remembered: the same few thousand pairs come back for every link."""
    return posixpath.relpath(path, start)


def rewrite_links(html_: str, url: str, part: Part, where: dict[str, tuple[Part, _Piece]]) -> str:
    """Point the links of the page at ``url`` (``href``, SVG ``xlink:href``, ``src``) from its part's print page."""

    def target(link: re.Match[str]) -> str:
        value = html.unescape(link.group(2))
        if not value or _ABSOLUTE.match(value):
            return link.group(0)
        path, _, fragment = value.partition("#")
        site_path = posixpath.normpath(posixpath.join(url, path)) if path else url.rstrip("/") or "."
        page = "" if site_path == "." else site_path + "/"
        if page in where:
            other, piece = where[page]
            anchor = piece.ids.get(fragment, page_key(page)) if fragment else page_key(page)
            prefix = "" if other is part else _relative(other.url, part.url) + "/"
            return f'{link.group(1)}="{html.escape(prefix + "#" + anchor)}"'
        moved = _relative(site_path, part.url) + ("/" if path.endswith("/") else "")
        return f'{link.group(1)}="{html.escape(moved + ("#" + fragment if fragment else ""))}"'

    return _LINK.sub(target, html_)
