"""Where the catalogue's pages live and how they link to one another; the short forms of its cells."""

from __future__ import annotations

from cadre.output import site_paths
from cadre.output.text import Href, flat, link, md
from model import CatalogueCase, Index, TransverseGroup, UseCaseSheet

HERE = site_paths.CATALOGUE_INDEX
CRITERIA = site_paths.CRITERIA
TRANSVERSE = site_paths.TRANSVERSE
ALL_CASES = f"{site_paths.CATALOGUE}/tous-les-cas.md"


def rel(here: str, target: str, anchor: str = "") -> Href:
    """The link from page ``here`` to ``target`` (and ``anchor``) of the site."""
    return site_paths.md_link(here, target, anchor)


def case_link(index: Index, here: str, case: CatalogueCase, *, with_title: bool = True) -> str:
    """Link to a case page: « PH 8 — Partage d'information… » (or the label alone)."""
    text = f"{index.case_label(case)} — {flat(case.title)}" if with_title else index.case_label(case)
    return link(md(text), rel(here, site_paths.case_page(case.task_force, case.id)))


def group_link(here: str, group: TransverseGroup) -> str:
    """Link to a transverse group, an anchor of the transverse page."""
    return link(md(f"Groupe {group.letter}"), rel(here, TRANSVERSE, group.id))


def sheet_link(here: str, sheet: UseCaseSheet) -> str:
    """Link to a detailed sheet."""
    return link(md(f"Fiche {sheet.code}"), rel(here, site_paths.sheet_page(sheet.id)))


def shortened(text: str, limit: int = 60) -> str:
    """The first line of a text, cut at a word boundary to about ``limit`` characters."""
    line = " ".join(text.splitlines()[0].split()).rstrip(" :")
    if len(line) <= limit:
        return line
    return line[: line.rfind(" ", 0, limit)].rstrip(" ,;:(") + " …"


def yes_no(flag: bool) -> str:
    """« Oui » or « Non »."""
    return "Oui" if flag else "Non"


def score(index: Index, case: CatalogueCase) -> str:
    """A case's score, or « — » when it has none."""
    value = index.score(case)
    return "—" if value is None else str(value)


def exchange(case: CatalogueCase) -> str:
    """What a case exchanges, in a table cell."""
    if case.exchange is None:
        return "—"
    return f"{md(case.exchange.from_)} → {md(case.exchange.to)}"


CASE_HEADERS = ("Cas", "Intitulé", "Étape", "Échange", "Prioritaire", "Score", "Groupe transverse")


def case_row(index: Index, here: str, case: CatalogueCase) -> tuple[str, ...]:
    """The row of ``case`` in a table of cases, links relative to ``here``."""
    """One row of a table of cases, in the order of :data:`CASE_HEADERS`."""
    return (
        case_link(index, here, case, with_title=False) + (f" ({md(case.code)})" if case.code else ""),
        md(flat(case.title)),
        md(index.phase_label(case)),
        exchange(case),
        yes_no(case.prioritised),
        score(index, case),
        ", ".join(group_link(here, g) for g in index.groups_of_case(case.id)) or "—",
    )
