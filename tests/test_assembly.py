"""The assembled tree's diagrams and glossary hovers: what the generators read is lighter, the site the same."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from cadre.generate import ROOT
from cadre.site import assemble, diagrams
from cadre.site.glossary import Glossary

EXTENSIONS = ["tables", "abbr", "attr_list", "md_in_html", "admonition", "pymdownx.details", "pymdownx.superfences"]
"""The Markdown extensions of ``mkdocs.yml`` that can change what ``abbr`` finds."""

GLOSSARY = "*[SI]: Système d'information\n\n*[SI-MDPH]: SI des MDPH\n\n*[MDPH]: Maison départementale\n\n*[DUI]: D\n"


def _html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_each_page_gets_the_definitions_of_its_acronyms_and_shows_the_same_hovers() -> None:
    tree = assemble.outputs(ROOT)
    full = (ROOT / "generated" / "abbreviations.md").read_text(encoding="utf-8")
    pages = [p for p in tree if p.endswith(".md") and not p.endswith("SUMMARY.md") and not p.startswith("imprimer/")]
    assert len(pages) > 150
    lighter = 0
    for path in pages:
        text = tree[path]
        assert isinstance(text, str)
        body = text.split("\n\n\n*[", 1)[0]
        assert _html(f"{body}\n\n\n{full}") == _html(text), path
        lighter += len(full) - (len(text) - len(body))
    assert lighter > len(full) * len(pages) / 2  # most definitions are on no page


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("Le SI-MDPH et la MDPH.", {"SI", "SI-MDPH", "MDPH"}),  # SI is in SI-MDPH: abbr could see it alone
        ("Le SI\\-MDPH.", {"SI", "SI-MDPH", "MDPH"}),
        ("Un _SI_-x.", {"SI"}),
        ("Le &#68;UI.", {"DUI"}),
        ("Rien ici.", set()),
    ],
)
def test_a_definition_is_left_out_only_when_its_acronym_is_nowhere_in_the_source(source: str, kept: set[str]) -> None:
    glossary = Glossary(GLOSSARY + "\nune ligne qui n'est pas une définition\n")
    appended = glossary.of(source)
    assert {line[2 : line.index("]")] for line in appended.splitlines() if line.startswith("*[")} == kept
    assert "une ligne qui n'est pas une définition" in appended
    assert _html(f"{source}\n\n\n{GLOSSARY}") == _html(f"{source}\n\n\n{Glossary(GLOSSARY).of(source)}")


SVG = '<svg>\n<a xlink:href="../x/" xlink:title="X"><text>X</text></a>\n</svg>\n'


def test_a_diagram_takes_its_placeholders_place_with_an_href_beside_each_xlink(tmp_path: Path) -> None:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams/v.svg").write_text(SVG, encoding="utf-8")
    mark = diagrams.placeholder("diagrams/v.svg", SVG.encode())
    page = f'<figure class="diagramme">\n{mark}\n<figcaption>V</figcaption></figure>'
    placed = diagrams.Diagrams(tmp_path).insert(page)
    linked = SVG.rstrip("\n").replace('xlink:href="../x/"', 'xlink:href="../x/" href="../x/"')
    assert placed == page.replace(mark, linked)
    assert diagrams.weight(f"avant\n{mark}\naprès") == len(f"avant\n{SVG.rstrip()}\naprès")


def test_a_diagram_changed_since_the_assembly_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "diagrams").mkdir()
    (tmp_path / "diagrams/v.svg").write_text(SVG, encoding="utf-8")
    mark = diagrams.placeholder("diagrams/v.svg", SVG.encode())
    (tmp_path / "diagrams/v.svg").write_text(SVG.replace("X", "Y"), encoding="utf-8")
    with pytest.raises(diagrams.DiagramError, match=r"diagrams/v\.svg"):
        diagrams.Diagrams(tmp_path).insert(mark)
    (tmp_path / "generated").mkdir()
    for outside in ("../diagrams/v.svg", "/etc/v.svg"):  # a placeholder reads nothing outside generated/
        with pytest.raises(diagrams.DiagramError):
            diagrams.Diagrams(tmp_path / "generated").insert(mark.replace("diagrams/v.svg", outside))


def test_the_generators_read_no_diagram_and_the_site_shows_them_all() -> None:
    tree = assemble.outputs(ROOT)
    view = tree["vues/mes.md"]
    assert isinstance(view, str)
    assert "<svg" not in view and view.count("<!-- diagramme diagrams/") == 3
