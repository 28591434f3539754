"""Where each entity's page lives in the site, and relative links between pages."""

from __future__ import annotations

import functools
import posixpath

from cadre.output.text import Href

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

SCHEMA_ARCHIVE = "telechargements/schemas-cadre-de4-v1.zip"
"""Where the site publishes the archive of every schema (:mod:`cadre.site.archive` builds it)."""

SITE_GENERATORS = {"mkdocs": "MkDocs", "zensical": "Zensical"}
"""The site generators that build the assembled tree (:mod:`cadre.publish`), the default first: their names."""


def page(kind: str, ident: str) -> str:
    """Path of the Markdown page of an entity, relative to the site's docs (``flux/mes-a.md``)."""
    return f"{SECTIONS[kind]}/{ident.replace('.', '-')}.md"


CATALOGUE = "catalogue"
"""Folder of the working group's catalogue: one sub-folder per task force, with one page per case."""


CATALOGUE_INDEX = f"{CATALOGUE}/index.md"
CRITERIA = f"{CATALOGUE}/criteres.md"
TRANSVERSE = f"{CATALOGUE}/transverses.md"
ERRATA = "sources/errata.md"
REMARKS = "sources/remarques.md"
GLOSSARY = "glossaire/index.md"
MAP = "carte/index.md"
"""The map of all services and flows."""
TRACEABILITY = "tracabilite/index.md"
"""The traceability matrix."""
QUESTIONS = "questions/index.md"
"""The questions of section 1.1.2 and what answers each."""
STAKES = "enjeux/index.md"
NEXT_STEPS = "prochaines-etapes/index.md"
CHANGELOG = "historique/index.md"
"""The changelog: the framework's recorded versions."""
VALUE_SETS = "jeux-de-valeurs"
"""Folder of the value sets: an index, and one page per set."""
VALUE_SETS_INDEX = f"{VALUE_SETS}/index.md"
VALUE_SET_DOWNLOADS = "schemas/jeux-de-valeurs"
"""Folder of ``generated/`` with each value set as JSON (published under the downloads with the schemas)."""


def value_set_page(value_set_id: str) -> str:
    """Page of a value set, named by its identifier (``jeux-de-valeurs/JDV_J30-TemporaliteAccueil-ROR.md``)."""
    return f"{VALUE_SETS}/{value_set_id}.md"


def value_set_download(value_set_id: str) -> str:
    """Path in ``generated/`` of a value set as JSON."""
    return f"{VALUE_SET_DOWNLOADS}/{value_set_id}.json"


def task_force_page(task_force_id: str) -> str:
    """Page of a task force: the index of its folder (``catalogue/tf-pa/index.md``)."""
    return f"{CATALOGUE}/{task_force_id}/index.md"


def case_page(task_force_id: str, case_id: str) -> str:
    """Page of a case of the catalogue, in its task force's folder."""
    return f"{CATALOGUE}/{task_force_id}/{case_id}.md"


def sheet_page(sheet_id: str) -> str:
    """Page of a detailed use-case sheet."""
    return f"{CATALOGUE}/fiches/{sheet_id}.md"


def index(kind: str) -> str:
    """Path of the section page that lists every entity of a kind."""
    return f"{SECTIONS[kind]}/index.md"


@functools.lru_cache(maxsize=1 << 16)
def relative(target: str, start: str) -> str:
    """``posixpath.relpath(target, start)`` for the site's own paths (relative, without ``..``).

    ``relpath`` makes both paths absolute through the working directory, a system call each time: the
    pages of a large model make hundreds of thousands of links, most of them many times (remembered).
    """
    to = [part for part in target.split("/") if part not in ("", ".")]
    at = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."


def md_link(from_page: str, to_page: str, anchor: str = "") -> Href:
    """Relative link between two Markdown pages (to ``anchor`` of the target), as MkDocs checks and rewrites it."""
    target = relative(to_page, posixpath.dirname(from_page) or ".")
    return Href(f"{target}#{anchor}" if anchor else target)


def page_from_link(from_page: str, target: str) -> str:
    """The page a relative Markdown link of ``from_page`` points to (the inverse of :func:`md_link`)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_page), target.split("#", 1)[0]))


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
    return relative(target, start) + "/"
