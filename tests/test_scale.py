"""A model many times larger: the benchmark's synthetic models validate, and the site stays buildable
(a bounded menu, bounded tooltips)."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from cadre.bench.edits import edit_flow
from cadre.bench.synthetic import make_repository
from cadre.generate import ROOT
from cadre.generators import diagram_maps, diagram_parts, section_pages
from cadre.output import site_paths
from model import Index, load_framework


@pytest.fixture(scope="module")
def tripled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("scale") / "depot"
    return root, make_repository(ROOT, root, 3)


def test_a_synthetic_model_validates_and_is_the_real_one_times_its_factor(
    tripled: tuple[Path, dict[str, int]], index: Index
) -> None:
    root, counts = tripled
    big = Index(load_framework(root / "model" / "content", shown_from=root))
    assert len(big.services) == counts["services"] == 3 * len(index.services)
    assert len(big.views) == counts["vues"] == 3 * len(index.views)
    assert len(big.flows) == counts["flux"] == 3 * len(index.flows)
    assert len(big.use_cases) == counts["cas d'usage"] == 3 * len(index.use_cases)
    copy = big.flows["mes-a-c3"]
    assert (copy.emitters, copy.receivers) == (["portails-services-references-c3"], ["mes-agenda-c3"])
    assert (copy.legs[0].from_, copy.legs[0].to) == ("portails-services-references-c3", "mes-agenda-c3")
    assert [uc.id for uc in big.use_cases_of_flow("mes-a-c3")] == ["mes-cu1-c3"]
    assert not (ROOT / "model" / "content" / "copies").exists()


def test_the_benchmark_edits_the_description_of_one_flow(tripled: tuple[Path, dict[str, int]]) -> None:
    root, _ = tripled
    path = edit_flow(root, "mes-a", "Modifié.")
    try:
        big = Index(load_framework(root / "model" / "content", shown_from=root))
        assert big.flows["mes-a"].description.startswith("Modifié. Les portails de services")
        assert [f.id for f in big.flows.values() if "Modifié" in f.description] == ["mes-a"]
    finally:
        path.write_text(path.read_text("utf-8").replace("Modifié. ", "", 1), "utf-8")


def test_beyond_its_budget_a_sections_menu_lists_only_its_overview(
    index: Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "mes-agenda.md" in section_pages.navigation(index)["services/SUMMARY.md"]
    monkeypatch.setattr(section_pages, "NAV_BUDGET", len(index.flows))
    menus = section_pages.navigation(index)
    assert menus["services/SUMMARY.md"].strip() == "* [Vue d'ensemble](index.md)"
    assert "mes-a.md" in menus["flux/SUMMARY.md"]
    overview = section_pages.generate(index)["docs/services/index.md"]
    for ident in index.services:
        assert f"]({ident}.md)" in overview, ident  # every page stays one click away


def test_the_map_by_category_names_a_bounded_number_of_flows_per_arrow(tripled: tuple[Path, dict[str, int]]) -> None:
    root, _ = tripled
    big = Index(load_framework(root / "model" / "content", shown_from=root))
    (carte,) = diagram_maps.map_drawings(big)
    assert carte.spec.title == "Carte des flux entre catégories de systèmes"
    # A flow is counted once on the arrow of each pair (its emitters' category, its receivers' category).
    pairs = {
        (flow.id, big.services[emitter].category, big.services[receiver].category)
        for flow in big.flows.values()
        for emitter in flow.emitters
        for receiver in flow.receivers
    }
    assert sum(int(e.label.split()[0]) for e in carte.spec.edges) == len(pairs)
    longest = max(carte.spec.edges, key=lambda e: int(e.label.split()[0]))
    count = int(longest.label.split()[0])
    assert count > diagram_parts.TOOLTIP_FLOWS
    assert longest.tooltip.count(" ; ") == diagram_parts.TOOLTIP_FLOWS
    assert longest.tooltip.endswith(f"… et {count - diagram_parts.TOOLTIP_FLOWS} autres flux")


def test_relative_links_are_those_of_relpath(outputs: dict[str, str]) -> None:
    pages = sorted(p.removeprefix("docs/") for p in outputs if p.startswith("docs/") and p.endswith(".md"))
    starts = [".", "", *sorted({posixpath.dirname(p) for p in pages}), *(site_paths.url(p) for p in pages[::7])]
    for target in [*pages[::3], *(site_paths.url(p) or "." for p in pages[::5])]:
        for start in starts:
            assert site_paths.relative(target, start) == posixpath.relpath(target, start or "."), (target, start)
