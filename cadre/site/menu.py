"""The site's menu as literate-nav builds it from the ``SUMMARY.md`` files of the assembled tree.

Both site generators read these files (MkDocs through the mkdocs-literate-nav plugin, Zensical through
its own reading of it); the print view needs the same menu before either runs, to know its parts. Each
item of a list is one of:

- a link to a page (``[Glossaire](glossaire/index.md)``);
- a link to a folder (``[Services](services/)``): a section holding that folder's ``SUMMARY.md``, its
  ``index.md`` first when the file does not list it (``implicit_index: true`` in ``mkdocs.yml``);
- a title without link (``Fidélité aux sources``): a section holding the items nested under it.

Only what our ``SUMMARY.md`` files use is read: lists of ``*`` or ``-`` items, indented by 4 spaces, and
HTML comments, which are skipped.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

NAV_FILE = "SUMMARY.md"

Reader = Callable[[str], str | None]
"""The text of a file of the tree by relative path, or ``None`` when there is none."""

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ITEM = re.compile(r"^( *)[*-][ \t]+(.*?)\s*$")
_LINK = re.compile(r"^\[(.*)\]\(([^)\s]*)\)$")
_ESCAPE = re.compile(r"\\(.)")


class NavError(Exception):
    """A ``SUMMARY.md`` links to a folder that has none (message in French)."""


@dataclass(frozen=True)
class Entry:
    """An entry of the menu: its title and the source paths of its pages, in menu order."""

    title: str
    pages: tuple[str, ...]


@dataclass
class _Item:
    title: str
    link: str | None
    children: list[_Item]


def _items(text: str) -> list[_Item]:
    """The items of a ``SUMMARY.md``, nested by their indentation."""
    roots: list[_Item] = []
    stack: list[tuple[int, _Item]] = []
    for line in _COMMENT.sub("", text).splitlines():
        found = _ITEM.match(line.expandtabs(4))
        if not found:
            continue
        depth, label = len(found.group(1)), found.group(2)
        link = _LINK.match(label)
        title = link.group(1) if link else label
        item = _Item(_ESCAPE.sub(r"\1", title), link.group(2) if link else None, [])
        while stack and stack[-1][0] >= depth:
            stack.pop()
        (stack[-1][1].children if stack else roots).append(item)
        stack.append((depth, item))
    return roots


def _pages(item: _Item, folder: str, read: Reader) -> list[str]:
    """The source paths of the pages an item holds, ``folder`` being the one of its ``SUMMARY.md``."""
    pages: list[str] = []
    if item.link is not None and item.link.endswith("/"):
        inner = posixpath.normpath(posixpath.join(folder, item.link))
        pages += _folder(inner, read)
    elif item.link is not None:
        pages.append(posixpath.normpath(posixpath.join(folder, item.link)))
    for child in item.children:
        pages += _pages(child, folder, read)
    return pages


def _folder(folder: str, read: Reader) -> list[str]:
    text = read(f"{folder}/{NAV_FILE}")
    if text is None:
        raise NavError(f"Le menu renvoie au dossier {folder}/, qui n'a pas de {NAV_FILE}.")
    pages = [page for item in _items(text) for page in _pages(item, folder, read)]
    index = f"{folder}/index.md"
    if index not in pages and read(index) is not None:
        pages.insert(0, index)
    return pages


def entries(read: Reader) -> list[Entry]:
    """The top-level entries of the menu (the tree's own ``SUMMARY.md``), with their pages.

    Raises:
        NavError: a folder linked from the menu has no ``SUMMARY.md``.

    """
    text = read(NAV_FILE) or ""
    return [Entry(item.title, tuple(_pages(item, ".", read))) for item in _items(text)]


def url(page: str) -> str:
    """The site URL of a page's source (``services/mes.md`` → ``services/mes/``, ``index.md`` → ``""``)."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return f"{stem}/"
