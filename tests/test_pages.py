"""Pages: one page per entity, model text never interpreted."""

from __future__ import annotations

from cadre.output import site_paths
from cadre.output.text import blocks, md
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
        *(site_paths.value_set_page(v) for v in index.value_sets),
    }
    overview = {site_paths.CRITERIA, site_paths.TRANSVERSE, site_paths.ERRATA, site_paths.REMARKS, site_paths.MAP}
    overview.update({f"{site_paths.CATALOGUE}/tous-les-cas.md", "telechargements.md"})
    entity_pages = {p for p in pages if not p.endswith(("index.md", "SUMMARY.md"))} - overview
    assert entity_pages == expected
    assert len(expected) == len(index.flows) + len(index.services) + len(index.use_cases) + len(
        index.recommendations
    ) + len(index.views) + len(index.axes) + len(index.cases) + len(index.framework.sheets) + len(index.value_sets)
    for task_force in index.task_forces:
        assert site_paths.task_force_page(task_force) in pages


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
