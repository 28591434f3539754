"""The print view: one printable page per part of the site, filled after the build.

A part is a top-level entry of the menu (a section with all its pages, or a single page), read from
the ``SUMMARY.md`` files of the assembled tree (:mod:`cadre.site.menu`). Its print page,
``imprimer/<part>/``, is a file of that tree (:func:`sources`, written by :mod:`cadre.site.assemble`, in no
menu), so either site generator renders it with the theme (the site's CSS, scripts, menu and
Content-Security-Policy); the post-build steps (:mod:`cadre.site.post_build`) then fill its body with the
``<article>`` of each of the part's pages (:mod:`cadre.site.print_fill`). ``imprimer/``, the last entry of
the menu, lists the parts.

One page for the whole site was 3 MB and 45,000 elements; each part is at most a few hundred kB.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cadre.site import diagrams, menu

DIR = "imprimer"
TITLE = "Version imprimable"


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


def marker(slug: str) -> str:
    """The comment of a part's print page that :mod:`cadre.site.print_fill` replaces with its pages."""
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
        f"{marker(part.slug)}\n"
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
