"""The print view: one printable page per part of the site, filled after the build.

A part is a top-level entry of the menu (a section with all its pages, or a single page), read from
the ``SUMMARY.md`` files of the assembled tree (:mod:`cadre.site.menu`). Its print page,
``imprimer/<part>/``, is a file of that tree (:func:`sources`, written by :mod:`cadre.site.assemble`, in no
menu), so either site generator renders it with the theme (the site's CSS, scripts, menu and
Content-Security-Policy); the post-build steps (:mod:`cadre.site.post_build`) then fill its body with the
``<article>`` of each of the part's pages, in menu order, headings one level down. ``imprimer/``, the
last entry of the menu, lists the parts.

Links are rewritten so that every one resolves: to an anchor of the same print page when the target
is in the same part, to the other part's print page otherwise, to the file itself when it is not a
page (a download). Ids are kept unless two pages of a part share one (``description``): the later
one is then prefixed with its page's key, and the links to it follow.

One page for the whole site was 3 MB and 45,000 elements; each part is at most a few hundred kB.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cadre.site import diagrams, menu

DIR = "imprimer"
TITLE = "Version imprimable"

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


@dataclass(frozen=True)
class Part:
    """A top-level entry of the menu and the pages it holds, in menu order (their site URLs)."""

    title: str
    slug: str
    urls: tuple[str, ...]

    @property
    def url(self) -> str:
        """The part's print page."""
        return f"{DIR}/{self.slug}/"


def page_key(url: str) -> str:
    """The id of a page's section in its print page (``services/mes/`` → ``services-mes``)."""
    return url.strip("/").replace("/", "-") or "index"


def _marker(slug: str) -> str:
    return f"<!-- impression:{slug} -->"


MAX_SOURCE = 300_000
"""The most Markdown (diagrams included) one print page gathers: a larger part is cut into several print
pages, in menu order, so that each opens quickly (« Flux (1/2) », « Flux (2/2) »)."""


def parts(read: menu.Reader) -> list[Part]:
    """One part per top-level entry of the menu that holds pages, named after its first page's folder.

    A part whose pages weigh more than :data:`MAX_SOURCE` is cut into consecutive pieces, each a part of
    its own (``flux``, ``flux-2``…). The print view's own entry, if the menu has it already, is not a part.

    Raises:
        cadre.site.menu.NavError: the menu links to a folder without ``SUMMARY.md``.

    """
    found: list[Part] = []
    for entry in menu.entries(read):
        urls = tuple(menu.url(page) for page in entry.pages)
        if not urls or urls[0].startswith(f"{DIR}/"):
            continue
        slug = urls[0].split("/", 1)[0] or "accueil"
        if any(p.slug == slug for p in found):
            slug = f"{slug}-{len(found) + 1}"
        pieces = _pieces(entry.pages, read)
        for number, piece in enumerate(pieces, start=1):
            title = entry.title or slug
            found.append(
                Part(
                    title if len(pieces) == 1 else f"{title} ({number}/{len(pieces)})",
                    slug if number == 1 else f"{slug}-{number}",
                    tuple(menu.url(page) for page in piece),
                )
            )
    return found


def _pieces(pages: tuple[str, ...], read: menu.Reader) -> list[list[str]]:
    """``pages`` in consecutive groups of at most :data:`MAX_SOURCE` characters of source (one page at least)."""
    groups: list[list[str]] = [[]]
    size = 0
    for page in pages:
        weight = diagrams.weight(read(page) or "")
        if groups[-1] and size + weight > MAX_SOURCE:
            groups.append([])
            size = 0
        groups[-1].append(page)
        size += weight
    return groups


def tree_reader(source_dir: Path) -> menu.Reader:
    """Read the files of an assembled tree (``build/site-src/``)."""

    def read(relative: str) -> str | None:
        path = source_dir / relative
        return path.read_text(encoding="utf-8") if path.is_file() else None

    return read


def _count(n: int) -> str:
    return f"{n} page" if n == 1 else f"{n} pages"


_HEAD = "---\nsearch:\n  exclude: true\n---\n"


def _index_source(parts: list[Part]) -> str:
    items = "\n".join(f"- [{p.title}]({p.slug}.md) ({_count(len(p.urls))})" for p in parts)
    return (
        f"{_HEAD}# {TITLE}\n\n"
        "Le cadre s'imprime partie par partie : chaque page ci-dessous réunit les pages d'une partie du "
        "site, dans l'ordre du menu, à imprimer ou à enregistrer en PDF depuis le navigateur (Ctrl+P). "
        "Les liens mènent à la section voulue, dans la même page ou dans celle d'une autre partie.\n\n"
        f"{items}\n"
    )


def _part_source(part: Part) -> str:
    return (
        f"{_HEAD}# {part.title} : version imprimable\n\n"
        f"{_count(len(part.urls))}, dans l'ordre du menu. [Toutes les parties](index.md)\n\n"
        f"{_marker(part.slug)}\n"
    )


MENU_ENTRY = f"* [{TITLE}]({DIR}/index.md)\n"
"""The print view's entry, appended to the menu by the assembly step."""


def sources(parts: list[Part]) -> dict[str, str]:
    """The print view's pages as files of the assembled tree: ``imprimer/index.md`` and one per part.

    The part pages are in no menu (and link to nothing): their body is :func:`fill`-ed after the build.
    """
    pages = {f"{DIR}/index.md": _index_source(parts)}
    pages.update({f"{DIR}/{part.slug}.md": _part_source(part) for part in parts})
    return pages


def fill(site_dir: Path, source_dir: Path, place: Callable[[str], str] = str) -> int:
    """Fill the print pages of the site built from ``source_dir``, the parts read from its menu.

    ``place`` is applied to each page's article as it is read: the diagrams put in their placeholders'
    place (:meth:`cadre.site.diagrams.Diagrams.insert`) when the built pages do not have them yet.
    """
    return assemble(site_dir, parts(tree_reader(source_dir)), place)


@dataclass
class _Piece:
    """One page of a part: its article, and what its ids became in the print page."""

    url: str
    article: str
    ids: dict[str, str]


def _read(site_dir: Path, url: str, place: Callable[[str], str]) -> str:
    path = site_dir / url / "index.html"
    found = _ARTICLE.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    return place(found.group(1)) if found else ""


def assemble(site_dir: Path, parts: list[Part], place: Callable[[str], str] = str) -> int:
    """Fill each part's print page with its pages' articles; return the number of pages placed."""
    shells = {p.slug: (site_dir / p.url / "index.html") for p in parts}
    parts = [p for p in parts if shells[p.slug].is_file()]
    where: dict[str, tuple[Part, _Piece]] = {}
    for part in parts:
        used = set(_ID.findall(shells[part.slug].read_text(encoding="utf-8")))
        used |= {"sommaire", *(page_key(url) for url in part.urls)}
        for url in part.urls:
            piece = _Piece(url, _read(site_dir, url, place), {})
            for ident in _ID.findall(piece.article):
                new = ident if ident not in used else f"{page_key(url)}--{ident}"
                while new in used:
                    new += "-"
                used.add(new)
                piece.ids.setdefault(ident, new)
            where[url] = (part, piece)
    for part in parts:
        pieces = [where[url][1] for url in part.urls]
        body = "".join(_section(piece, part, where) for piece in pieces)
        shell = shells[part.slug].read_text(encoding="utf-8")
        shell = shell.replace(_marker(part.slug), _contents(pieces) + body, 1)
        shells[part.slug].write_text(shell, encoding="utf-8")
    return len(where)


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
