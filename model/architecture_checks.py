"""Rules of the functional-architecture figure that span files: identifiers, services, views, highlights."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Set
from typing import TYPE_CHECKING

from model._yaml import Path_
from model.architecture import ArchitectureFigure, Highlight
from model.problems import Problem

if TYPE_CHECKING:
    from model.fragment import Fragment


def architecture_rules(fragments: list[Fragment], declared_elsewhere: Set[str]) -> Iterator[Problem]:
    """Problems of the figure that no single class can see.

    Figure, area and block identifiers are unique; every service it names exists; each highlight names
    a known view once, and maps every item of that view's « services concernés en cible » list, each
    once, to blocks or areas of the figure.
    """
    services = {s.id for f in fragments for s in f.framework.services} | set(declared_elsewhere)
    scopes = {v.id: len(v.services_in_scope) for f in fragments for v in f.framework.views}
    documents = {d.id for f in fragments for d in f.framework.documents} | set(declared_elsewhere)
    figures: dict[str, str] = {}
    for fragment in fragments:
        for i, figure in enumerate(fragment.framework.functional_architecture):
            base: Path_ = ("functional_architecture", i)
            if figure.id in figures:
                yield fragment.problem(
                    (*base, "id"),
                    f"identifiant « {figure.id} » en double (schéma déjà défini en {figures[figure.id]})",
                    "donnez un identifiant unique à l'un des deux",
                )
            figures.setdefault(figure.id, fragment.where((*base, "id")))
            yield from _identifiers(fragment, base, figure)
            if figure.source.document not in documents:
                yield fragment.problem(
                    (*base, "source", "document"),
                    f"document « {figure.source.document} » inconnu",
                    _suggest(figure.source.document, documents),
                )
            for path, ident in _services(base, figure):
                if ident not in services:
                    yield fragment.problem(path, f"service « {ident} » inconnu", _suggest(ident, services))
            seen: set[str] = set()
            for h, highlight in enumerate(figure.highlights):
                where: Path_ = (*base, "highlights", h)
                if highlight.view in seen:
                    yield fragment.problem(
                        (*where, "view"),
                        f"la vue « {highlight.view} » a déjà ses blocs mis en évidence sur ce schéma",
                        "une seule entrée par vue : fusionnez les deux",
                    )
                seen.add(highlight.view)
                if highlight.view not in scopes:
                    if highlight.view not in declared_elsewhere:
                        yield fragment.problem(
                            (*where, "view"), f"vue « {highlight.view} » inconnue", _suggest(highlight.view, scopes)
                        )
                    continue
                yield from _highlight(fragment, where, figure, highlight, scopes[highlight.view])


def _identifiers(fragment: Fragment, base: Path_, figure: ArchitectureFigure) -> Iterator[Problem]:
    """Areas and blocks are named once in a figure (a block id is unique across its areas)."""
    seen: dict[str, str] = {}
    for a, area in enumerate(figure.areas):
        paths: list[tuple[Path_, str, str]] = [((*base, "areas", a, "id"), area.id, "zone")]
        paths += [((*base, "areas", a, "blocks", b, "id"), block.id, "bloc") for b, block in enumerate(area.blocks)]
        for path, ident, noun in paths:
            if ident in seen:
                yield fragment.problem(
                    path,
                    f"identifiant « {ident} » en double ({seen[ident]} déjà défini sur ce schéma)",
                    f"donnez un identifiant unique à ce {noun} ou à l'autre",
                )
            seen.setdefault(ident, f"{noun} « {ident} »")


def _services(base: Path_, figure: ArchitectureFigure) -> Iterator[tuple[Path_, str]]:
    """Every service the figure names, with the path of the field."""
    for a, area in enumerate(figure.areas):
        if area.service:
            yield (*base, "areas", a, "service"), area.service
        for b, block in enumerate(area.blocks):
            where: Path_ = (*base, "areas", a, "blocks", b)
            if block.service:
                yield (*where, "service"), block.service
            for c, content in enumerate(block.contents):
                for n, ident in enumerate(content.services):
                    yield (*where, "contents", c, "services", n), ident
            for n, ident in enumerate(block.named_by_text):
                yield (*where, "named_by_text", n), ident


def _highlight(
    fragment: Fragment, where: Path_, figure: ArchitectureFigure, highlight: Highlight, scope: int
) -> Iterator[Problem]:
    """Each item of the view's list is mapped once, to blocks and areas that exist."""
    areas = {area.id for area in figure.areas}
    blocks = {block.id for _, block in figure.blocks()}
    mapped: set[int] = set()
    for e, entry in enumerate(highlight.items):
        path: Path_ = (*where, "items", e)
        if entry.item > scope:
            yield fragment.problem(
                (*path, "item"),
                f"la liste « Services concernés en cible » de la vue « {highlight.view} » n'a que {scope} élément(s)",
                f"numérotez ses éléments de 1 à {scope}" if scope else "la vue n'a pas de liste : retirez cette entrée",
            )
        elif entry.item in mapped:
            yield fragment.problem(
                (*path, "item"),
                f"l'élément {entry.item} de la liste de la vue « {highlight.view} » est déjà relié à des blocs",
                "une seule entrée par élément : fusionnez les deux",
            )
        mapped.add(entry.item)
        for key, known, noun in (("blocks", blocks, "bloc"), ("areas", areas, "zone")):
            for n, ident in enumerate(getattr(entry, key)):
                if ident not in known:
                    yield fragment.problem(
                        (*path, key, n), f"{noun} « {ident} » inconnu sur ce schéma", _suggest(ident, known)
                    )
    missing = sorted(set(range(1, scope + 1)) - mapped)
    if missing:
        yield fragment.problem(
            (*where, "items"),
            f"les éléments {', '.join(map(str, missing))} de la liste « Services concernés en cible » de la vue"
            f" « {highlight.view} » ne sont reliés à aucun bloc",
            "ajoutez pour chacun une entrée « - item: N » avec les blocs ou les zones qu'il désigne",
        )


def _suggest(ident: str, known: Set[str] | dict[str, int]) -> str:
    close = difflib.get_close_matches(ident, sorted(known), n=3)
    if close:
        return "vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?"
    return "identifiants connus : " + ", ".join(sorted(known)[:12]) + (" …" if len(known) > 12 else "")
