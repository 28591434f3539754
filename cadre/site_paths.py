"""Where each entity's page lives in the site, and relative links between pages."""

from __future__ import annotations

import posixpath

DOCS = "docs"
"""Folder of ``generated/`` whose files the site publishes as if they were in ``docs/``."""

SECTIONS = {
    "view": "vues",
    "service": "services",
    "flow": "flux",
    "use_case": "cas-usage",
    "recommendation": "recommandations",
    "axis": "axes",
}


def page(kind: str, ident: str) -> str:
    """Path of the Markdown page of an entity, relative to the site's docs (``flux/mes-a.md``)."""
    return f"{SECTIONS[kind]}/{ident.replace('.', '-')}.md"


def index(kind: str) -> str:
    """Path of the section page that lists every entity of a kind."""
    return f"{SECTIONS[kind]}/index.md"


def md_link(from_page: str, to_page: str) -> str:
    """Relative link between two Markdown pages, as MkDocs checks and rewrites it."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def url(page_path: str) -> str:
    """Site URL of a page with directory URLs (``flux/mes-a.md`` → ``flux/mes-a/``)."""
    stem = page_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def url_link(from_page: str, to_page: str) -> str:
    """Relative URL from the rendered ``from_page`` to ``to_page``, for links inside inline SVG."""
    start = url(from_page) or "."
    target = url(to_page) or "."
    return posixpath.relpath(target, start) + "/"
