"""Pages and diagrams: one page per entity, diagrams linked to existing pages, text never interpreted."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET

from cadre import site_paths
from cadre.diagram_adapter import SVG_NS, XLINK_NS
from cadre.text import blocks, md
from model import Index

DOC = "docs/"


def _pages(outputs: dict[str, str]) -> set[str]:
    return {p.removeprefix(DOC) for p in outputs if p.startswith(DOC) and p.endswith(".md")}


def test_every_entity_has_exactly_one_page(index: Index, outputs: dict[str, str]) -> None:
    pages = _pages(outputs)
    expected = {
        *(site_paths.page("flow", f) for f in index.flows),
        *(site_paths.page("service", s) for s in index.services),
        *(site_paths.page("use_case", u) for u in index.use_cases),
        *(site_paths.page("recommendation", r) for r in index.recommendations),
        *(site_paths.page("view", v) for v in index.views),
        *(site_paths.page("axis", a) for a in index.axes),
        *(site_paths.case_page(c.task_force, c.id) for c in index.cases.values()),
        *(site_paths.sheet_page(s.id) for s in index.framework.sheets),
    }
    overview = {site_paths.CRITERIA, site_paths.TRANSVERSE, site_paths.ERRATA, site_paths.REMARKS}
    overview.add(f"{site_paths.CATALOGUE}/tous-les-cas.md")
    entity_pages = {p for p in pages if not p.endswith(("index.md", "SUMMARY.md"))} - overview
    assert entity_pages == expected
    assert len(expected) == len(index.flows) + len(index.services) + len(index.use_cases) + len(
        index.recommendations
    ) + len(index.views) + len(index.axes) + len(index.cases) + len(index.framework.sheets)
    for task_force in index.task_forces:
        assert site_paths.task_force_page(task_force) in pages


def test_view_page_embeds_both_diagrams_then_their_tables(outputs: dict[str, str]) -> None:
    page = outputs["docs/vues/mes.md"]
    orchestration = page.index('--8<-- "diagrams/mes-orchestration.svg"')
    use_cases = page.index("| N° | En tant que … |")
    flows_diagram = page.index('--8<-- "diagrams/mes-flux.svg"')
    flows_table = page.index("| Flux | Intitulé | Émetteur |")
    assert orchestration < use_cases < flows_diagram < flows_table


def _links(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [a.get(f"{{{XLINK_NS}}}href", "") for a in root.iter(f"{{{SVG_NS}}}a")]


def test_diagram_links_open_existing_pages(index: Index, outputs: dict[str, str]) -> None:
    urls = {site_paths.url(p) for p in _pages(outputs)}
    view_url = site_paths.url(site_paths.page("view", "mes"))
    for name in ("diagrams/mes-orchestration.svg", "diagrams/mes-flux.svg"):
        links = _links(outputs[name])
        assert links, name
        for link in links:
            target = posixpath.normpath(posixpath.join(view_url, link)) + "/"
            assert target in urls, f"{name}: {link} → {target}"
    flow_links = {posixpath.normpath(posixpath.join(view_url, x)) for x in _links(outputs["diagrams/mes-flux.svg"])}
    assert {f"flux/{f.id}" for f in index.views["mes"].flows} <= flow_links


def test_svg_is_self_contained_and_accessible(outputs: dict[str, str]) -> None:
    for name, svg in outputs.items():
        if not name.endswith(".svg"):
            continue
        root = ET.fromstring(svg)
        assert root[0].tag == f"{{{SVG_NS}}}title" and root[0].text
        assert root[1].tag == f"{{{SVG_NS}}}desc" and root[1].text
        assert root.get("aria-labelledby") == f"{root[0].get('id')} {root[1].get('id')}"
        assert not list(root.iter(f"{{{SVG_NS}}}image"))
        assert "<!--" not in svg and "<!DOCTYPE" not in svg
        assert not re.search(r'(href|src)="(https?:|//|/)', svg), name
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids))
        assert all(i and i.startswith(name.split("/")[-1].removesuffix(".svg") + "--") for i in ids)


def test_hostile_text_is_shown_literally() -> None:
    hostile = '<script>alert("x")</script> [lien](javascript:x) **gras** `code` | --8<-- "/etc/passwd" {: .c}'
    escaped = md(hostile)
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "\\[lien\\]\\(javascript" in escaped
    assert "\\*\\*gras\\*\\*" in escaped and "\\|" in escaped and "\\{" in escaped
    assert blocks('1. pas une liste\n\n--8<-- "x"') == '&#49;. pas une liste\n\n&#45;-8&lt;-- "x"'


def test_text_convention_gives_paragraphs_and_lists() -> None:
    text = "Intro :\n\n- premier\n  élément\n- second\n\nFin."
    assert blocks(text) == "Intro :\n\n- premier élément\n- second\n\nFin."


def test_scope_of_the_domain_and_of_each_view_is_shown(index: Index, outputs: dict[str, str]) -> None:
    stakes = outputs["docs/enjeux/index.md"]
    assert stakes.index("## Périmètre du domaine d'étude") < stakes.index("## Enjeux")
    assert "portail autonomie" in stakes and "domaine d'étude 7" in stakes
    for view in index.views.values():
        page = outputs[DOC + site_paths.page("view", view.id)]
        assert "## Services concernés en cible" in page
        assert all(md(item) in page for item in view.services_in_scope)
