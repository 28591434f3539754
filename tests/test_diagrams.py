"""Diagrams: every view drawn twice, the extra views, one visual grammar, working links, a size budget."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from cadre.drawing.spec import HIGHLIGHT, SVG_NS, XLINK_NS, DiagramSpec, LegendItem
from cadre.generators import diagram_maps, diagram_parts, diagram_sets, diagram_views
from cadre.generators.diagram_parts import BUDGET, Budget, Drawing
from cadre.output import site_paths
from model import Index

SNIPPET = re.compile(r'^--8<-- "(diagrams/[^"]+\.svg)"$', re.MULTILINE)
HREF = f"{{{XLINK_NS}}}href"
TOOLTIP = f"{{{XLINK_NS}}}title"


def _all_drawings(index: Index, budget: Budget = BUDGET) -> Iterator[Drawing]:
    for family in diagram_sets.FAMILIES:
        yield from diagram_sets.drawings(index, family, budget)


def _embedded(outputs: dict[str, str]) -> dict[str, list[str]]:
    """For each SVG, the pages (relative to the site's docs) that include it."""
    found: dict[str, list[str]] = {}
    for path, text in outputs.items():
        if path.startswith("docs/") and path.endswith(".md"):
            for svg in SNIPPET.findall(text):
                found.setdefault(svg, []).append(path.removeprefix("docs/"))
    return found


def _legend(spec: DiagramSpec, kind: str) -> list[LegendItem]:
    return [item for section in spec.legend for item in section.items if item.kind == kind]


def test_every_view_shows_its_orchestration_and_flow_schemas_each_before_its_table(
    index: Index, outputs: dict[str, str]
) -> None:
    for view in index.framework.views:
        page = outputs[f"docs/{site_paths.page('view', view.id)}"]
        position = 0
        for scenario in view.scenarios:
            for drawing in diagram_views.scenario_drawings(index, view, scenario):
                found = page.index(f'--8<-- "{drawing.path}"', position)
                position = page.index("| N° | En tant que … |", found)
        flows = diagram_views.flow_drawings(index, view)
        assert bool(flows) == bool(view.flows), view.id
        for drawing in flows:
            position = page.index(f'--8<-- "{drawing.path}"', position)
        if flows:
            page.index("| Flux | Intitulé | Émetteurs | Récepteurs | Branches", position)


def test_every_diagram_is_on_exactly_one_page_and_followed_by_a_table(outputs: dict[str, str]) -> None:
    svgs = {p for p in outputs if p.startswith("diagrams/")}
    embedded = _embedded(outputs)
    assert set(embedded) == svgs
    for svg, pages in embedded.items():
        assert len(pages) == 1, (svg, pages)
        page = outputs[f"docs/{pages[0]}"]
        after = page[page.index(f'--8<-- "{svg}"') :].split("</figure>", 1)[1]
        next_block = next(line for line in after.splitlines() if line.strip() and not line.startswith("<"))
        assert next_block.startswith(("|", "--8<--")), (svg, next_block)


def test_every_service_and_flow_of_a_view_is_on_its_flow_schema(index: Index, outputs: dict[str, str]) -> None:
    for view in index.framework.views:
        drawings = diagram_views.flow_drawings(index, view)
        text = "".join(outputs[d.path] for d in drawings)
        members = {m for group in view.groups for m in group.members}
        ends = {e for f in view.flows for e in f.ends}
        for service in members | ends:
            assert f'--node-{service}"' in text, (view.id, service)
        for flow in view.flows:
            assert f"<title>Flux {flow.letter} : " in text, (view.id, flow.letter)


def test_the_map_shows_every_flow_and_every_service_that_exchanges_one(index: Index, outputs: dict[str, str]) -> None:
    svg = outputs["diagrams/carte/carte.svg"]
    for flow in index.flows.values():
        view = index.view_of[flow.id]
        assert f"<title>Flux {view.id.upper()} {flow.letter} : " in svg
        assert all(f'--node-{end}"' in svg for end in flow.ends)
    assert '--8<-- "diagrams/carte/carte.svg"' in outputs[f"docs/{site_paths.MAP}"]


def test_each_service_with_flows_shows_its_neighbourhood(index: Index, outputs: dict[str, str]) -> None:
    agenda = outputs["diagrams/services/mes-agenda.svg"]
    assert "<title>Flux MES A : " in agenda
    whole = outputs["diagrams/services/mes.svg"]
    assert all(f"<title>Flux MES {f.letter} : " in whole for f in index.views["mes"].flows)
    for service in index.framework.services:
        own = {service.id, *(p.id for p in index.parts(service.id))}
        flows = [f for f in index.flows.values() if own & set(f.ends)]
        page = outputs[f"docs/{site_paths.page('service', service.id)}"]
        shown = f'--8<-- "diagrams/services/{service.id}.svg"' in page
        assert shown == bool(flows), service.id
        for flow in flows:
            assert f"flux/{flow.id}.md" in page, (service.id, flow.id)


def test_a_use_case_path_is_highlighted_on_its_schema(index: Index, outputs: dict[str, str]) -> None:
    for uc in index.use_cases.values():
        page = outputs[f"docs/{site_paths.page('use_case', uc.id)}"]
        assert (f'--8<-- "diagrams/cas-usage/{uc.id}.svg"' in page) == bool(uc.steps), uc.id
        if not uc.steps:
            continue
        view, scenario = index.view_of[uc.id], index.scenario_of[uc.id]
        spec = diagram_views.path_drawing(index, view, scenario, uc).spec
        steps = {frozenset((s.from_, s.to)) for s in uc.steps}
        assert {frozenset((e.tail, e.head)) for e in spec.edges if e.highlight} == steps, uc.id
        assert {n.id for n in spec.nodes if n.bold} == {p for pair in steps for p in pair}
        assert HIGHLIGHT in outputs[f"diagrams/cas-usage/{uc.id}.svg"]
    assert HIGHLIGHT not in "".join(t for p, t in outputs.items() if p.startswith("diagrams/vues/"))


def test_every_legend_lists_exactly_what_its_diagram_draws(index: Index, outputs: dict[str, str]) -> None:
    for drawing in _all_drawings(index):
        spec = drawing.spec
        assert {i.fill for i in _legend(spec, "fill")} == {n.fill for n in spec.nodes if n.shape == "box"}, spec.id
        assert bool(_legend(spec, "actor")) == any(n.shape == "ellipse" for n in spec.nodes), spec.id
        marks = {m for e in spec.edges for m in e.marks}
        assert {i.mark for i in _legend(spec, "mark")} == marks, spec.id
        arrows = [i for s in spec.legend if s.title == "Flèches" for i in s.items if i.kind == "line"]
        lines = {(i.dashed, i.both) for i in arrows if not i.highlight}
        assert lines == {(e.dashed, e.both) for e in spec.edges}, spec.id
        tips = {i.tip for s in spec.legend if s.title == "État (pointe)" for i in s.items}
        assert tips == ({e.tip for e in spec.edges} if tips else set()), spec.id
        legend = ET.fromstring(outputs[drawing.path]).find(f".//{{{SVG_NS}}}g[@class='legende']")
        assert legend is not None, spec.id
        texts = {t.text for t in legend.iter(f"{{{SVG_NS}}}text")}
        assert {i.label for section in spec.legend for i in section.items} <= texts, spec.id


def test_data_marks_differ_in_shape_not_only_in_colour() -> None:
    glyphs = [mark.glyph for mark in diagram_parts.DATA_MARK.values()]
    assert len(set(glyphs)) == len(glyphs)


def test_every_diagram_of_the_framework_is_within_budget(index: Index) -> None:
    for drawing in _all_drawings(index):
        assert BUDGET.holds(drawing.spec), (drawing.path, len(drawing.spec.nodes), len(drawing.spec.edges))


def test_over_budget_schemas_are_split_and_the_map_is_drawn_by_category(index: Index) -> None:
    small = Budget(nodes=7, edges=3)
    pa = index.views["pa"]
    parts = diagram_views.flow_drawings(index, pa, small)
    assert len(parts) > 1
    assert [p.path for p in parts] == [f"diagrams/vues/pa-flux-{n}.svg" for n in range(1, len(parts) + 1)]
    assert all(small.holds(p.spec) for p in parts)
    assert sum(len(p.spec.edges) for p in parts) == sum(
        len(diagram_parts.flow_edges(index, "", f, "")) for f in pa.flows
    )
    assert parts[0].spec.title.endswith(f"(partie 1 sur {len(parts)})")
    for scenario in pa.scenarios:
        for drawing in diagram_views.scenario_drawings(index, pa, scenario, small):
            assert len(drawing.spec.edges) <= small.edges
    (carte,) = diagram_maps.map_drawings(index, small)
    categories = {s.category.value for s in index.framework.services}
    assert {n.id for n in carte.spec.nodes} <= categories
    category = {s.id: s.category for s in index.framework.services}
    pairs = {(f.id, category[e], category[r]) for f in index.flows.values() for e in f.emitters for r in f.receivers}
    assert sum(int(e.label.split()[0]) for e in carte.spec.edges) == len(pairs) >= len(index.flows)


def test_links_in_every_diagram_open_existing_pages(index: Index, outputs: dict[str, str]) -> None:
    urls = {site_paths.url(p.removeprefix("docs/")) for p in outputs if p.startswith("docs/") and p.endswith(".md")}
    for svg, (page,) in _embedded(outputs).items():
        links = [a.get(HREF, "") for a in ET.fromstring(outputs[svg]).iter(f"{{{SVG_NS}}}a") if a.get(HREF)]
        assert links, svg
        for link in links:
            target = posixpath.normpath(posixpath.join(site_paths.url(page), link)) + "/"
            assert target in urls, f"{svg} (sur {page}) : {link} → {target}"
    flow_links = {a.get(HREF) for a in ET.fromstring(outputs["diagrams/vues/mes-flux.svg"]).iter(f"{{{SVG_NS}}}a")}
    assert {f"../../flux/{f.id}/" for f in index.views["mes"].flows} <= flow_links


def test_keyboard_stops_once_per_node_and_per_arrow_and_every_link_says_where_it_goes(
    outputs: dict[str, str],
) -> None:
    for path, svg in outputs.items():
        if not path.startswith("diagrams/"):
            continue
        root = ET.fromstring(svg)
        for group in root.iter(f"{{{SVG_NS}}}g"):
            link = group.find(f"{{{SVG_NS}}}g/{{{SVG_NS}}}a")
            if link is None:
                continue
            assert link.get(TOOLTIP, "").strip(), path
            if group.get("class") == "edge":
                assert link.get("tabindex") == "-1", path
            else:
                assert link.get("tabindex") is None, path


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
        assert not re.search(r'(href|src)="(https?:|//|/|file:)', svg), name
        assert "url(" not in svg and "@import" not in svg, name
        ids = [e.get("id") for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids))
        prefix = root[0].get("id", "").removesuffix("--title")
        assert all(i and i.startswith(f"{prefix}--") for i in ids)


def test_each_family_writes_into_its_own_folder_with_ids_unique_across_the_site(index: Index) -> None:
    ids = []
    for family in diagram_sets.FAMILIES:
        for drawing in diagram_sets.drawings(index, family):
            assert drawing.path.startswith(f"diagrams/{family}/")
            ids.append(drawing.spec.id)
    assert len(ids) == len(set(ids))
