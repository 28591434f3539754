"""A full ``mkdocs build`` on every core: each page converted, then rendered, by one of several processes.

MkDocs 1.x builds page after page in one process: the Markdown conversion of every page (``_populate_page``),
then the rendering of every page in the theme's templates, with Material's search plugin reading its HTML
(``_build_page``). Both loops are shared between forked processes (:mod:`cadre.publish.forking`), each
starting from the state the build has reached:

- the conversion, forked when the navigation is ready (``on_nav``): a worker sends back, for each of its
  pages, what the conversion left on the page (:data:`_PAGE_FIELDS`, the links to anchors) and the anchors
  that autorefs registered (its breadcrumbs are made again from the page's headings); a page that calls
  mkdocstrings (``::: identifier``) is declined, the parent converts it itself (its handlers keep what they
  collected: the inventory, their CSS);
- the rendering, forked when the Jinja environment is ready (``on_env``, after autorefs and mkdocstrings
  have put their links in every page): a worker writes its pages and sends back the search plugin's
  entries for each. Meanwhile, another process copies the static files (downloads, the theme's assets: 3,500
  files at ten times the model), which the parent did before its first page: no page has the path of a
  static file (MkDocs keeps one file of each path), so the order of the writes does not matter.

The parent replaces MkDocs' two functions for the build: for a worker's page, it takes the worker's result
at the place it would have done the work, log records included; so the search index lists its entries, and
the log its warnings (that ``--strict`` counts), in the order of a build in one process, and the site is the
same, byte for byte (``tests/test_parallel_build.py``). Whatever else a plugin did in a worker is lost:
another plugin that keeps state from page to page must be added here, or the parallel build turned off
(``CADRE_BUILD_PROCESSES=1``). Only ``mkdocs build`` from scratch is shared: ``mkdocs serve`` and ``--dirty``
builds keep MkDocs' own loops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import jinja2
import mkdocs.commands.build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cadre.publish.forking import DeclinedError, Farm, Forked, WorkerError, processes

_PAGE_FIELDS = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids", "title")
"""What the conversion of a page leaves on it (``Page.read_source``, ``Page.render``), besides the links."""
_AUTODOC = re.compile(r"^(#{1,6} *)?:::", re.MULTILINE)
"""A call of mkdocstrings in a page's Markdown."""

_POPULATE: Callable[..., None] = mkdocs_build._populate_page
_BUILD: Callable[..., None] = mkdocs_build._build_page

_INCLUDED = InclusionLevel.is_included
_Anchor = tuple[str | None, str, str | None, str | None, bool]
"""A call of autorefs' ``register_anchor``: page (source path), identifier, anchor, title, primary."""


class _Build:
    """The shared build in progress: which page each process handles, and the workers of each loop."""

    def __init__(self, config: MkDocsConfig, files: Files, nav: Navigation, count: int) -> None:
        self.config, self.files, self.nav, self.count = config, files, nav, count
        self.pages: list[Page] = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            if file.page is None:  # as MkDocs' build does for a page left out of the navigation
                Page(None, file, config)
            assert file.page is not None
            self.pages.append(file.page)
        self.order = {id(page): index for index, page in enumerate(self.pages)}
        self.farm: Farm[Page, Any] | None = None
        self.copying: Forked | None = None

    def fork(self, run: Callable[[Page], Any]) -> None:
        """Share the pages of the next loop, once the previous one's workers are all reaped."""
        self.close()
        self.farm = Farm(self.pages, run, self.count)

    def close(self, *, kill: bool = False) -> None:
        if self.farm is not None:
            self.farm.close(kill=kill)
            self.farm = None

    def take(self, page: Page) -> Any:
        """A worker's result for ``page``, or None if the parent is to do it (its share, or declined)."""
        index = self.order.get(id(page))
        if self.farm is None or index is None or self.farm.is_parents(index):
            return None
        try:
            return self.farm.take(index)
        except WorkerError as error:
            raise BuildError(f"Échec de la construction de la page « {page.file.src_uri} » : {error}") from None


_build: _Build | None = None


def start(config: MkDocsConfig, files: Files, nav: Navigation) -> None:
    """When the navigation is ready: share the conversion of the pages, if there is more than one core."""
    global _build
    count = processes()
    if count < 2:
        return
    build = _Build(config, files, nav, count)
    if len(build.pages) < 2:
        return
    _build = build
    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page
    _build.fork(_converted)


def render(env: jinja2.Environment) -> None:
    """When the Jinja environment is ready, every page converted: share the rendering of the pages."""
    if _build is None:
        return
    build, files = _build, _build.files
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    build.fork(lambda page: _rendered(page, doc_files, env))
    copy = files.copy_static_files

    def copy_meanwhile(dirty: bool = False, *, inclusion: Callable[[InclusionLevel], bool] = _INCLUDED) -> None:
        build.copying = Forked(lambda: copy(dirty, inclusion=inclusion))

    files.copy_static_files = copy_meanwhile  # type: ignore[method-assign]


def finish(*, failed: bool = False) -> None:
    """At the end of the build (``failed``: on an error, the workers killed): MkDocs' own functions back."""
    global _build
    mkdocs_build._populate_page = _POPULATE
    mkdocs_build._build_page = _BUILD
    if _build is None:
        return
    build, _build = _build, None
    build.close(kill=failed)
    build.files.__dict__.pop("copy_static_files", None)
    if build.copying is not None:
        try:
            build.copying.join(kill=failed)
        except WorkerError as error:
            raise BuildError(f"Échec de la copie des fichiers statiques : {error}") from None


def _converted(page: Page) -> dict[str, Any]:
    """In a worker: convert ``page`` as MkDocs would, and what the parent needs to know of it."""
    assert _build is not None
    if _AUTODOC.search(page.file.content_string):
        raise DeclinedError
    anchors: list[_Anchor] = []
    autorefs = _build.config.plugins.get("autorefs")
    if autorefs is not None:
        register = autorefs.register_anchor

        def recorded(on: Page | str, identifier: str, anchor: str | None = None, **options: Any) -> None:
            source = on if isinstance(on, str) else on.file.src_uri
            anchors.append((source, identifier, anchor, options.get("title"), options.get("primary", True)))
            register(on, identifier, anchor, **options)

        autorefs.register_anchor = recorded
    try:
        _POPULATE(page, _build.config, _build.files, False)
    finally:
        if autorefs is not None:
            del autorefs.register_anchor
    fields = {name: page.__dict__[name] for name in _PAGE_FIELDS if name in page.__dict__}
    links = {file.src_uri: targets for file, targets in (page.links_to_anchors or {}).items()}
    return {"fields": fields, "links": links if page.links_to_anchors is not None else None, "anchors": anchors}


def _populate_page(page: Page, config: MkDocsConfig, files: Files, dirty: bool = False) -> None:
    """MkDocs' ``_populate_page`` for the build: a worker's page is taken from it."""
    assert _build is not None
    result = _build.take(page)
    if result is None:
        _POPULATE(page, config, files, dirty)
        return
    page.__dict__.update(result["fields"])
    links = result["links"]
    if links is not None:
        page.links_to_anchors = {_file(files, uri): targets for uri, targets in links.items()}
    autorefs = config.plugins.get("autorefs")
    if autorefs is not None:  # what autorefs learnt of the page: its events before and after, the anchors between
        autorefs.on_page_markdown(page.markdown, page=page)
        for source, identifier, anchor, title, primary in result["anchors"]:
            on = _file(files, source).page if source in files.src_uris else source
            autorefs.register_anchor(on, identifier, anchor, title=title, primary=primary)
        autorefs.on_page_content(page.content, page=page)


def _file(files: Files, uri: str) -> File:
    file = files.get_file_from_path(uri)
    assert file is not None, uri
    return file


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    """The entries of the search index that Material's search plugin is building, if it is there."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    entries = getattr(index, "entries", None)
    return entries if isinstance(entries, list) else None


def _rendered(page: Page, doc_files: Sequence[File], env: jinja2.Environment) -> list[dict[str, Any]]:
    """In a worker: render and write ``page`` as MkDocs would; the search entries made of it."""
    assert _build is not None
    config = _build.config
    entries = _search_entries(config)
    before = len(entries) if entries is not None else 0
    _BUILD(page, config, doc_files, _build.nav, env, False, excluded=False)
    return entries[before:] if entries is not None else []


def _build_page(
    page: Page,
    config: MkDocsConfig,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
    dirty: bool = False,
    excluded: bool = False,
) -> None:
    """MkDocs' ``_build_page`` for the build: a worker's page is written by it, its search entries taken."""
    assert _build is not None
    entries = _build.take(page)
    if entries is None:
        _BUILD(page, config, doc_files, nav, env, dirty, excluded=excluded)
        return
    index = _search_entries(config)
    if index is not None:
        index.extend(entries)
