"""The functional-architecture figure: as the source prints it, drawn at the head of each view, linked, escaped."""

from __future__ import annotations

import base64
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import edit, line_of, problems_of
from playwright.sync_api import Browser

from cadre.drawing.adapter import render_svg
from cadre.drawing.spec import HIGHLIGHT, SVG_NS
from cadre.generators import diagram_architecture, diagram_views, entity_pages
from cadre.generators.page_parts import render
from cadre.output import site_paths
from model import Framework, Index, load_framework

FILE = "model/content/functional-architecture.yaml"
SEED = Path("/work/shared/seeds/000_c8061402c5805034.txt")
OCR = {
    185: "Usagers / Patients / Aidants",
    522: "Partage / Coordination",
    526: "Cercle de santé et",
    533: "Echange Coordination Accompagnement / | Appli carte Vitale",
    535: "Mssante Cahier de liaison",
    537: "ificati : | France Connect+ |",
    538: "PPy Elaboration du PPA Télésanté",
    542: '" . Support e .',
    1038: "SI ESMS usagers",
    1052: "Fondations des systémes d’information, référentiels socles nationaux | Pro / Usager",
    1054: "REFERENTIELS PRO & OFFRE DE SANTE REFERENTIELS",
    1069: "services Données financieres (hors DUI)",
    1474: "Partage ece e @ | AutresMiEeDAS |",
    1489: "REFERENTIELS METIER REFERENTIELS",
    1492: "i . DE SECURITE REFERENTIEL",
    1496: "@ oo inistrati Donnéesde santé @ oo Dennées de senvices Donnéesfinanciéres (hars DUI)",
}
"""Lines of the digitised framework (the OCR), by line number, that print the labels checked below."""

PRINTED = [
    (185, "Usagers / Patients / Aidants"),
    (522, "Partage / Coordination"),
    (533, "Appli carte Vitale"),
    (535, "MSSanté"),
    (535, "Cahier de liaison"),
    (537, "France Connect+"),
    (538, "Élaboration du PPA"),
    (538, "Télésanté"),
    (542, "Support"),
    (1038, "SI ESMS"),
    (1052, "Fondations des systèmes d'information, référentiels socles nationaux"),
    (1054, "RÉFÉRENTIELS PRO & OFFRE DE SANTÉ"),
    (1069, "Données financières (hors DUI)"),
    (1489, "RÉFÉRENTIELS MÉTIER"),
    (1496, "Données de santé"),
]


def _fold(text: str) -> str:
    """Text as the OCR can be compared with: no accent, no case, one kind of apostrophe, no space."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", "", bare.replace("’", "'").casefold())


def _labels(framework: Framework) -> set[str]:
    (figure,) = framework.functional_architecture
    found = {a.label for a in figure.areas} | {e.label for e in figure.legend}
    return found | {b.label for _, b in figure.blocks()}


def test_areas_blocks_and_legend_are_the_printed_ones(framework: Framework) -> None:
    (figure,) = framework.functional_architecture
    assert [a.label for a in figure.areas] == [
        "Usagers / Patients / Aidants",
        "SI ESMS",
        "Systèmes d'accès usagers",
        "Fondations des systèmes d'information, référentiels socles nationaux",
    ]
    echange = [b.label for _, b in figure.blocks() if b.group == "Échange"]
    assert echange == [
        "MSSanté",
        "Notification",
        "Partage DMP",
        "Ordonnance numérique",
        "Service de prise de rdv entre pro",
    ]
    assert [(e.label, e.category.value) for e in figure.legend] == [
        ("Données administratives", "administrative"),
        ("Données de santé", "health"),
        ("Données d'accompagnement", "support"),
        ("Données de services", "service"),
        ("Données financières (hors DUI)", "financial"),
    ]
    labels = _labels(framework)
    for line, label in PRINTED:
        assert label in labels, label
        assert _fold(label) in _fold(OCR[line]), (line, label)
    assert "FranceConnect" not in labels, "only « France Connect+ » is printed on the figure"


@pytest.mark.skipif(not SEED.is_file(), reason="la source numérisée n'est pas sur cette machine")
def test_the_quoted_ocr_lines_are_the_sources() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for number, text in OCR.items():
        assert " ".join(lines[number - 1].split()) == text, number


def test_each_view_page_opens_with_the_figure_and_its_own_highlighted_blocks(
    index: Index, outputs: dict[str, str]
) -> None:
    (figure,) = index.framework.functional_architecture
    every = {b.id for _, b in figure.blocks()}
    for view in index.framework.views:
        page = outputs[f"docs/{site_paths.page('view', view.id)}"]
        (drawing,) = diagram_architecture.figure_drawings(index, figure, view)
        first = diagram_views.scenario_drawings(index, view, view.scenarios[0])[0]
        assert page.index(f'--8<-- "{drawing.path}"') < page.index(f'--8<-- "{first.path}"'), view.id
        bold = {n.id for n in drawing.spec.nodes if n.bold}
        expected = every - {"partage-coordination"} - ({"mes"} if view.id != "mes" else set())
        assert bold == expected, view.id
        assert all(n.label.startswith("★ ") == n.bold for n in drawing.spec.nodes), view.id
        assert HIGHLIGHT in outputs[drawing.path]
        assert page.count("| ★ Oui — ") == len(expected) and page.count("| Non |") == len(every) - len(expected)


def test_each_block_links_to_its_services(index: Index, outputs: dict[str, str]) -> None:
    (figure,) = index.framework.functional_architecture
    view = index.views["mes"]
    page = outputs[f"docs/{site_paths.page('view', view.id)}"]
    (drawing,) = diagram_architecture.figure_drawings(index, figure, view)
    nodes = {n.id: n for n in drawing.spec.nodes}
    rows = {line.split(" | ")[0].removeprefix("| "): line for line in page.splitlines() if line.startswith("| ")}
    for _, block in figure.blocks():
        services = block.services()
        node = nodes[block.id]
        if not services:
            assert node.url is None and "aucun service" in node.tooltip, block.id
            assert "Aucun service dans le modèle" in rows[block.label.replace("&", "&amp;")]
            continue
        assert node.url == f"../../services/{services[0]}/", block.id
        row = rows[block.label.replace("&", "&amp;").replace("+", "\\+")]
        assert all(f"(../services/{s}.md)" in row for s in services), block.id
    assert "[ROR](../services/ror.md) (d'après le texte)" in page
    mes_block = nodes["mes"]
    assert mes_block.label == "★ MES : Catalogue, Messagerie, DMP, Profil médical, Agenda"


def test_a_wrong_reference_is_a_located_french_error(repo_copy: Path) -> None:
    path = repo_copy / FILE
    edit(path, "            service: mes\n", "            service: mess\n")
    edit(path, "          - {item: 5, areas: [fondations]}\n", "          - {item: 6, areas: [fondation]}\n")
    problems = {(p.line, p.message, p.fix) for p in problems_of(repo_copy)}
    service = line_of(path, "service: mess")
    assert any(line == service and m == "service « mess » inconnu" and "« mes »" in fix for line, m, fix in problems)
    item = line_of(path, "{item: 6, areas: [fondation]}")
    messages = {message for line, message, _ in problems if line == item}
    assert "la liste « Services concernés en cible » de la vue « mes » n'a que 5 élément(s)" in messages
    assert "zone « fondation » inconnu sur ce schéma" in messages
    assert any("les éléments 5 de la liste" in message for _, message, _ in problems)


def test_hostile_labels_stay_text(repo_copy: Path) -> None:
    path = repo_copy / FILE
    hostile = '<script>alert("x")</script> & {{ x }} ]]> [lien](javascript:alert(1)) | barre'
    edit(path, "            label: Cahier de liaison\n", f"            label: '{hostile}'\n")
    index = Index(load_framework(repo_copy / "model" / "content", shown_from=repo_copy))
    (figure,) = index.framework.functional_architecture
    view = index.views["pa"]
    (drawing,) = diagram_architecture.figure_drawings(index, figure, view)
    svg = render_svg(drawing.spec)
    root = ET.fromstring(svg)
    assert not list(root.iter(f"{{{SVG_NS}}}script"))
    texts = " ".join(t.text or "" for t in root.iter(f"{{{SVG_NS}}}text"))
    assert "<script>alert(" in texts.replace("\n", " ")
    page = render(entity_pages.view_page(index, view))
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "](javascript:" not in page and "\\| barre" in page


def test_the_figure_reads_in_a_browser(outputs: dict[str, str], browser: Browser) -> None:
    """Drawn by Chromium from an <img>: it has a size, and the highlighted view shows more dark red."""
    red: dict[str, int] = {}
    page = browser.new_page()
    for view in ("mes", "esms"):
        svg = outputs[f"diagrams/architecture/architecture-fonctionnelle-ms-{view}.svg"]
        source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        page.set_content(f'<!doctype html><img id="f" alt="" src="{source}">')
        page.wait_for_function("document.getElementById('f').complete")
        width, height, red[view], ink = page.evaluate(
            """() => {
              const img = document.getElementById('f');
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
              const context = canvas.getContext('2d');
              context.fillStyle = 'white'; context.fillRect(0, 0, canvas.width, canvas.height);
              context.drawImage(img, 0, 0);
              const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let red = 0, ink = 0;
              for (let i = 0; i < data.length; i += 4) {
                const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
                if (Math.abs(r - 0xB3) < 12 && Math.abs(g - 0x26) < 12 && Math.abs(b - 0x1E) < 12) red++;
                if (r < 100 && g < 100 && b < 100) ink++;
              }
              return [canvas.width, canvas.height, red, ink];
            }"""
        )
        assert 600 < width < 2000 and 500 < height < 2000, (view, width, height)
        assert ink > 5000, view
    page.close()
    assert red["mes"] > red["esms"] > 0
