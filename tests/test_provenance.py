"""Provenance of every statement: declared for every text field, checked in YAML, shown on pages and in JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import edit, line_of, problems_of
from pydantic import Field

from cadre.generators import framework_json, source_pages
from cadre.generators.provenance_marks import LEGEND
from cadre.output import site_paths
from model import (
    DEFAULTS,
    Framework,
    Index,
    TextProvenance,
    effective,
    filled,
    provenance_map,
    text_fields,
    undeclared,
    walk,
)
from model._base import Label, SourceRef, Text, _Stated

DOC = f"{site_paths.DOCS}/"
MARK = re.compile(r'\[\\\[(?P<label>[^\]]+)\\\]\]\((?P<target>[^)]+)\)\{ \.provenance aria-label="(?P<name>[^"]+)" \}')


def test_every_text_field_of_every_entity_has_a_provenance(framework: Framework) -> None:
    """The whole model: each filled text field of each object resolves to one of the five kinds."""
    assert undeclared() == []
    seen: dict[TextProvenance, int] = dict.fromkeys(TextProvenance, 0)
    fields = 0
    for _, node, _ in walk(framework):
        for name in filled(node):
            claim = effective(node, name)
            seen[claim.kind] += 1
            fields += 1
            if claim.kind is TextProvenance.OUTSIDE:
                assert claim.references, f"{type(node).__name__}.{name} : fait extérieur sans référence"
    assert fields > 1000
    assert all(seen[kind] for kind in TextProvenance), seen


def test_a_new_text_field_fails_until_its_provenance_is_declared() -> None:
    """A class reachable from the model with an undeclared text field is a located French error."""

    class Widget(_Stated):
        caption: Label
        remark: Text | None = None

    class Root(_Stated):
        widgets: list[Widget] = Field(default_factory=list)
        source: SourceRef

    problems = undeclared(Root)
    messages = [p.message for p in problems]
    assert "le champ de texte « Widget.caption » n'a pas de provenance déclarée" in messages
    assert "le champ de texte « Widget.remark » n'a pas de provenance déclarée" in messages
    caption = next(p for p in problems if "Widget.caption" in p.message)
    assert caption.file == "tests/test_provenance.py"
    assert caption.line == line_of(Path(__file__), "        caption: Label")
    assert "DEFAULTS[Widget]" in caption.fix
    assert set(text_fields(Widget)) == {"caption", "remark"}
    assert Widget not in DEFAULTS


def test_an_outside_fact_without_reference_is_refused(repo_copy: Path) -> None:
    glossary = repo_copy / "model/content/glossary.yaml"
    edit(
        glossary,
        "provenance: {definition: {kind: outside, references: [casf-l242-4]}}",
        "provenance: {definition: outside}",
    )
    [problem] = problems_of(repo_copy)
    assert problem.file == "model/content/glossary.yaml"
    assert problem.line == line_of(glossary, "provenance: {definition: outside}")
    assert "déclaré « outside » (fait extérieur aux sources) sans référence" in problem.message
    assert "réduisez le texte à ce que disent les sources" in problem.fix


def test_an_override_of_a_field_that_is_not_text_is_refused(repo_copy: Path) -> None:
    actors = repo_copy / "model/content/actors.yaml"
    edit(actors, "provenance: {name: reworded}", "provenance: {nam: reworded}")
    [problem] = problems_of(repo_copy)
    assert (problem.file, problem.line) == ("model/content/actors.yaml", line_of(actors, "{nam: reworded}"))
    assert problem.message.startswith("« nam » n'est pas un champ de texte de cet élément")
    assert "description, name" in problem.fix


def test_a_deck_citation_that_is_not_a_slide_title_is_a_located_french_error(repo_copy: Path) -> None:
    counts = repo_copy / "model/content/stated-counts.yaml"
    text = counts.read_text(encoding="utf-8")
    text = text.replace(
        'slide: "Les 5 critères de priorisation de la TF"', 'slide: "Les 5 critères de priorisation"', 1
    )
    counts.write_text(text, encoding="utf-8")
    [problem] = problems_of(repo_copy)
    assert problem.file == "model/content/stated-counts.yaml"
    assert problem.line == line_of(counts, 'slide: "Les 5 critères de priorisation"')
    assert problem.column > 1
    assert problem.message == (
        "« Les 5 critères de priorisation » n'est pas le titre d'une diapositive de « Cas d'usage MS — GT n°1 »"
    )
    assert problem.fix == "vouliez-vous dire « Les 5 critères de priorisation de la TF » ?"
    assert str(problem).startswith(f"model/content/stated-counts.yaml:{problem.line}:{problem.column}: erreur : ")


def test_a_section_number_on_the_deck_is_refused(repo_copy: Path) -> None:
    sheets = repo_copy / "model/content/catalogue/sheets.yaml"
    text = sheets.read_text(encoding="utf-8")
    old = "source: {slide: \"Cas d'usage PEC08 — PRÉSENTATION DES FLUX – ÉTAT DES LIEUX DE L'EXISTANT\"}"
    assert old in text
    sheets.write_text(text.replace(old, 'source: {section: "2.3"}'), encoding="utf-8")
    [problem] = problems_of(repo_copy)
    assert problem.line == line_of(sheets, 'source: {section: "2.3"}')
    assert "n'a pas de numéros de section : la section « 2.3 » n'y est pas imprimée" in problem.message
    assert "citez la diapositive par son titre" in problem.fix


def test_the_marker_is_on_the_pages_with_its_accessible_name_and_links_to_the_legend(outputs: dict[str, str]) -> None:
    flow = DOC + site_paths.page("flow", "mes-a")
    page = outputs[flow]
    marks = list(MARK.finditer(page))
    assert marks, "la page d'un flux marque son intitulé « reformulé »"
    first = next(m for m in marks if m["label"] == "reformulé")
    assert first["name"] == "Provenance : reformulé par les auteurs du site"
    target = first["target"]
    assert target.endswith("#reformule")
    assert site_paths.page_from_link(site_paths.page("flow", "mes-a"), target) == LEGEND
    assert "proposé" in {m["label"] for m in marks}, "la spécification d'un flux est marquée comme notre proposition"
    glossary = outputs[DOC + site_paths.GLOSSARY]
    kinds = {m["label"] for m in MARK.finditer(glossary)}
    assert {"reformulé", "extérieur"} <= kinds
    creton = glossary.split("{#amendement-creton}")[1].split("\n## ")[0]
    assert "(référence : Code de l'action sociale et des familles, article L. 242-4)" in creton
    # A verbatim statement carries no marker: the goal of a use case is the source's.
    use_case = outputs[DOC + site_paths.page("use_case", "mes-cu1")]
    goal_row = next(line for line in use_case.splitlines() if line.startswith("| **… je souhaite …**"))
    assert "provenance" not in goal_row
    # The legend page is in the menu and explains each kind.
    legend = (Path(__file__).parent.parent / "docs" / LEGEND).read_text(encoding="utf-8")
    summary = (Path(__file__).parent.parent / "docs" / "SUMMARY.md").read_text(encoding="utf-8")
    assert f"[Provenance des énoncés]({LEGEND})" in summary
    for anchor in ("cite", "reformule", "deduit", "exterieur", "propose"):
        assert f"{{#{anchor}}}" in legend


def test_deck_sources_name_the_slide_and_mark_a_title_of_ours(outputs: dict[str, str]) -> None:
    page = outputs[DOC + site_paths.CATALOGUE_INDEX]
    source = page.rsplit("<small>", 1)[1]
    assert "diapositive « Objectifs de la démarche »" in source
    assert "reformulé" in source  # the deck prints no title on that slide
    assert "partie " not in source and "section 1" not in source


def test_the_json_carries_the_provenance_of_each_field(index: Index) -> None:
    data = json.loads(framework_json.generate(index)["framework.json"])
    flow = data["views"][0]["flows"][0]
    assert flow["provenance"] == {"title": "reworded", "description": "verbatim"}
    eidas = next(t for t in data["glossary"] if t["id"] == "eidas")
    assert eidas["provenance"]["definition"] == {"kind": "outside", "references": ["reglement-eidas"]}
    deck = next(d for d in data["documents"] if d["id"] == "gt1-cas-usage-ms")
    kinds = {s["title"]: s["provenance"]["title"] for s in deck["slides"]}
    assert kinds["Les 5 critères de priorisation de la TF"] == "verbatim"
    assert kinds["Objectifs de la démarche"] == "reworded"
    # Every object with text fields says the provenance of each of them, by its key.
    for path, node, _ in walk(index.framework):
        claims = provenance_map(node)
        if claims is None:
            continue
        target = data
        for key in path:
            target = target[key]
        assert set(target["provenance"]) == set(claims), path


def test_hostile_text_in_a_reference_is_escaped(framework: Framework) -> None:
    hostile = '<script>alert(1)</script> [x](javascript:alert(1)) *gras* {{ jinja }} & "'
    documents = [d.model_copy(update={"title": hostile}) if d.id == "casf-l242-4" else d for d in framework.documents]
    page = source_pages.glossary_page(Index(framework.model_copy(update={"documents": documents})))
    text = "\n".join(section.blocks[0].markdown for section in page.sections if "amendement-creton" in section.title)  # type: ignore[union-attr]
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "](javascript:" not in text
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in text
