"""An acronym's hover on its first occurrence in a page only, in the Markdown and in both built sites."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import markdown
import pytest

EXTENSIONS = ["tables", "abbr", "cadre.publish.first_abbr", "attr_list", "md_in_html", "toc"]
ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def test_only_the_first_occurrence_is_wrapped_and_the_text_is_unchanged() -> None:
    source = (
        "Le DUI et le *DUI*, puis DUI, PPA et DUI.\n\n"
        "| Sigle | Emploi |\n|---|---|\n| DUI | PPA, DUI et PPA |\n\n"
        "*[DUI]: Dossier usager informatisé\n*[PPA]: Projet personnalisé d'accompagnement"
    )
    html = _convert(source)
    assert ABBR.findall(html) == ["DUI", "PPA"]
    assert "<p>Le <abbr" in html and "</abbr> et le <em>DUI</em>, puis DUI, <abbr" in html
    assert "</abbr> et DUI.</p>" in html
    assert "<td>DUI</td>" in html and "<td>PPA, DUI et PPA</td>" in html
    body = source.split("\n\n*[")[0]  # the page without its definitions, converted without the hovers
    without = markdown.Markdown(extensions=[e for e in EXTENSIONS if e != "abbr"]).convert(body)
    assert re.sub(r"</?abbr[^>]*>", "", html) == without


def test_the_first_occurrence_in_reading_order_keeps_the_hover() -> None:
    html = _convert("- un élément avec *le MDPH*\n\nPuis MDPH.\n\n*[MDPH]: Maison départementale")
    assert '<em>le <abbr title="Maison départementale">MDPH</abbr></em>' in html
    assert "<p>Puis MDPH.</p>" in html


def test_a_hostile_definition_stays_escaped() -> None:
    html = _convert('Le XSS puis XSS.\n\n*[XSS]: <script>alert(1)</script> " onmouseover="x')
    assert "<script>" not in html and 'onmouseover="x"' not in html
    assert html.count("<abbr") == 1


@pytest.mark.parametrize("generator", ["mkdocs", "zensical"])
def test_each_built_page_wraps_each_acronym_once(sites: dict[str, Path], generator: str) -> None:
    site = sites[generator]
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site).parts[0] == "imprimer":
            continue  # a part's print view holds several pages, each with its first occurrences
        text = page.read_text(encoding="utf-8")
        article = text[text.find("<article") : text.find("</article>")]
        repeated = [term for term, count in Counter(ABBR.findall(article)).items() if count > 1]
        assert not repeated, f"{page.relative_to(site)} : {repeated}"
        checked += bool(ABBR.search(article))
    assert checked > 50
    flows = (site / "flux" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Mon espace santé">MES</abbr>' in flows
