"""Checks of provenance and citations across files: overrides, outside facts' references, deck slides.

- ``provenance:`` names only text fields of its object, and an ``outside`` fact names the documents
  that support it, each a document of ``documents.yaml`` of kind ``outside`` or ``cited``;
- a source or a note on a deck (a document with ``slides``) cites a slide by its own title, never by a
  section number the deck does not print; a numbered document is cited by section;
- ``cites`` names documents of the model.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from model._base import Document, Location, Note, SourceRef, _Stated
from model._yaml import Path_
from model.enums import DocumentKind, TextProvenance
from model.fragment import Fragment
from model.problems import Problem
from model.provenance import attribution
from model.provenance_registry import text_fields
from model.texts import Question

_SUPPORTING = frozenset({DocumentKind.OUTSIDE, DocumentKind.CITED})


@dataclass(frozen=True)
class _Known:
    """The documents of the whole model, and whether every file could be read."""

    documents: dict[str, Document]
    declared_elsewhere: frozenset[str]
    complete: bool


def provenance_rules(fragments: list[Fragment], declared_elsewhere: frozenset[str], *, complete: bool) -> list[Problem]:
    """Every misplaced provenance, unsupported outside fact and misplaced citation of ``fragments``."""
    known = _Known({d.id: d for f in fragments for d in f.framework.documents}, frozenset(declared_elsewhere), complete)
    problems: list[Problem] = []
    for fragment in fragments:
        for path, node, document in walk(fragment.framework):
            if isinstance(node, _Stated) and node.provenance:
                problems.extend(_overrides(fragment, path, node, known))
            if isinstance(node, Location):
                problems.extend(_place(fragment, path, node, node.document, known))
            elif isinstance(node, SourceRef | Note) and document is not None:
                problems.extend(_place(fragment, path, node, document, known))
            if isinstance(node, Question):
                for i, cited in enumerate(node.answered_in):
                    problem = _supporting(fragment, (*path, "answered_in", i), cited, known, "répondez par")
                    if problem:
                        problems.append(problem)
            if isinstance(node, SourceRef):
                for i, cited in enumerate(node.cites):
                    problem = _supporting(fragment, (*path, "cites", i), cited, known, "citez")
                    if problem:
                        problems.append(problem)
    return problems


def walk(
    node: BaseModel, path: Path_ = (), document: str | None = None
) -> Iterator[tuple[Path_, BaseModel, str | None]]:
    """Every model object under ``node`` with its YAML path and the document its nearest source cites."""
    source = getattr(node, "source", None)
    if isinstance(source, SourceRef):
        document = source.document
    yield path, node, document
    for name, info in type(node).model_fields.items():
        key = info.alias or name
        value = getattr(node, name)
        if isinstance(value, BaseModel):
            yield from walk(value, (*path, key), document)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk(item, (*path, key, i), document)


def _overrides(fragment: Fragment, path: Path_, node: _Stated, known: _Known) -> Iterator[Problem]:
    cls = type(node)
    names = {cls.model_fields[n].alias or n: n for n in text_fields(cls)}
    for key, claim in node.provenance.items():
        where = (*path, "provenance", key)
        if key not in names:
            yield fragment.problem(
                where,
                f"« {key} » n'est pas un champ de texte de cet élément : sa provenance ne peut pas être déclarée",
                "champs de texte de cet élément : " + (", ".join(sorted(names)) or "aucun"),
            )
            continue
        full = attribution(claim)
        if full.kind is TextProvenance.OUTSIDE and not full.references:
            yield fragment.problem(
                where,
                f"le champ « {key} » est déclaré « outside » (fait extérieur aux sources) sans référence",
                "écrivez « {kind: outside, references: [identifiant d'un document de documents.yaml]} »,"
                " ou réduisez le texte à ce que disent les sources",
            )
        for i, ref in enumerate(full.references):
            problem = _supporting(fragment, (*where, "references", i), ref, known, "appuyez le fait sur")
            if problem:
                yield problem


def _supporting(fragment: Fragment, where: Path_, ident: str, known: _Known, verb: str) -> Problem | None:
    """A problem if ``ident`` is not a document that can support a fact or be cited."""
    if ident in known.declared_elsewhere:
        return None
    document = known.documents.get(ident)
    if document is None:
        if not known.complete:
            return None
        close = difflib.get_close_matches(ident, sorted(known.documents), n=3)
        hint = ("vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?") if close else ""
        return fragment.problem(
            where,
            f"document « {ident} » inconnu",
            hint or "ajoutez-le à model/content/documents.yaml (sans adresse que personne n'a imprimée)",
        )
    if document.kind not in _SUPPORTING:
        return fragment.problem(
            where,
            f"« {ident} » est une source du modèle, pas un document cité ni une référence extérieure",
            f"{verb} un document de kind « cited » ou « outside »",
        )
    return None


def _place(
    fragment: Fragment, path: Path_, node: SourceRef | Note | Location, ident: str, known: _Known
) -> Iterator[Problem]:
    document = known.documents.get(ident)
    if document is None:
        return
    titles = [s.title for s in document.slides]
    if titles and node.section is not None:
        yield fragment.problem(
            (*path, "section"),
            f"« {document.title} » n'a pas de numéros de section : la section « {node.section} » n'y est pas imprimée",
            "citez la diapositive par son titre : « slide: » suivi d'un titre de la liste « slides »"
            " de ce document dans model/content/documents.yaml",
        )
    elif titles and node.slide is not None and node.slide not in titles:
        close = difflib.get_close_matches(node.slide, titles, n=2, cutoff=0.5)
        yield fragment.problem(
            (*path, "slide"),
            f"« {node.slide} » n'est pas le titre d'une diapositive de « {document.title} »",
            ("vouliez-vous dire " + " ou ".join(f"« {c} »" for c in close) + " ?")
            if close
            else "recopiez un titre de la liste « slides » de ce document dans model/content/documents.yaml",
        )
    elif not titles and node.slide is not None:
        yield fragment.problem(
            (*path, "slide"),
            f"« {document.title} » n'est pas un support à diapositives",
            "citez sa section : « section: » suivi du numéro (ex. « 1.2.4 »)",
        )
