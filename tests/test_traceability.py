"""Traceability: the matrix, « Utilisé par » on every entity page, and the questions of 1.1.2."""

from __future__ import annotations

import re

import pytest

from cadre.output import site_paths
from cadre.output.text import md
from model import Index

DOC = "docs/"
LINK = re.compile(r"\[(?:[^\]\\]|\\.)+\]\(([^)\s]+)\)")


def _tables(page: str) -> dict[str, list[list[str]]]:
    """Rows of the table under each second-level heading of a generated page."""
    tables: dict[str, list[list[str]]] = {}
    heading = ""
    for line in page.splitlines():
        if line.startswith("## "):
            heading = line[3:]
        elif line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            tables.setdefault(heading, []).append(cells)
    return {h: rows[1:] for h, rows in tables.items()}  # without the header row


def _targets(cell: str) -> list[str]:
    """Pages a cell links to; fails unless the cell is only links or a dash."""
    if cell == "—":
        return []
    assert LINK.sub("", cell).replace(",", "").strip() == "", f"texte hors lien dans la cellule : {cell}"
    return [site_paths.page_from_link(site_paths.TRACEABILITY, t) for t in LINK.findall(cell)]


def test_every_cell_of_the_matrix_is_a_link_to_the_right_pages(index: Index, outputs: dict[str, str]) -> None:
    tables = _tables(outputs[DOC + site_paths.TRACEABILITY])
    by_flow = {_targets(row[0])[0]: [_targets(c) for c in row[1:]] for row in tables["Par flux"]}
    assert len(by_flow) == len(index.flows)
    for flow in index.flows.values():
        services, use_cases, recommendations = by_flow[site_paths.page("flow", flow.id)]
        assert services == [site_paths.page("service", s) for s in flow.ends]
        assert use_cases == [site_paths.page("use_case", uc.id) for uc in index.use_cases_of_flow(flow.id)]
        assert recommendations == [
            site_paths.page("recommendation", r.id) for r in index.recommendations_of_flow(flow.id)
        ]
    by_recommendation = {_targets(row[0])[0]: [_targets(c) for c in row[1:]] for row in tables["Par recommandation"]}
    assert len(by_recommendation) == len(index.recommendations)
    services, flows, use_cases = by_recommendation[site_paths.page("recommendation", "4.1.3")]
    assert site_paths.page("service", "mes-catalogue") in services
    assert site_paths.page("service", "portail-usager-esms") in services  # a service portal, by its kind
    assert flows == [site_paths.page("flow", f) for f in ("mes-a", "mes-b", "mes-c")]
    for heading, count in (("Par cas d'usage", len(index.use_cases)), ("Par service", len(index.services))):
        rows = tables[heading]
        assert len(rows) == count
        for row in rows:
            for cell in row:
                assert all(t in {p.removeprefix(DOC) for p in outputs} for t in _targets(cell))


@pytest.mark.parametrize("kind", ["service", "flow", "use_case", "recommendation"])
def test_every_entity_page_says_what_refers_to_it(index: Index, outputs: dict[str, str], kind: str) -> None:
    idents: list[str] = list(
        {
            "service": index.services.keys(),
            "flow": index.flows.keys(),
            "use_case": index.use_cases.keys(),
            "recommendation": index.recommendations.keys(),
        }[kind]
    )
    for ident in idents:
        page = outputs[DOC + site_paths.page(kind, ident)]
        assert "\n## Utilisé par\n" in page, ident


def test_a_flow_page_lists_its_use_cases_and_recommendations(index: Index, outputs: dict[str, str]) -> None:
    here = site_paths.page("flow", "mes-a")
    page = outputs[DOC + here]
    used_by = page[page.index("## Utilisé par") :]
    for uc in index.use_cases_of_flow("mes-a"):
        assert site_paths.md_link(here, site_paths.page("use_case", uc.id)) in used_by
    for rec in index.recommendations_of_flow("mes-a"):
        assert site_paths.md_link(here, site_paths.page("recommendation", rec.id)) in used_by


def test_each_question_shows_its_axis_and_the_recommendations_that_answer_it(
    index: Index, outputs: dict[str, str]
) -> None:
    here = site_paths.QUESTIONS
    rows = [row for rows in _tables(outputs[DOC + here]).values() for row in rows]
    assert [int(row[0]) for row in sorted(rows, key=lambda r: int(r[0]))] == [
        q.number for q in index.framework.questions
    ]
    by_number = {int(row[0]): row for row in rows}
    for question in index.framework.questions:
        _, _, axis, answers, said = by_number[question.number]
        assert site_paths.md_link(here, site_paths.page("axis", question.axis)) in axis
        documents = {d.id: d for d in index.framework.documents}
        for ident in question.answered_in:
            assert all(md(at.quote) in said for at in documents[ident].cited_at)
        for at in question.answered_in_text:
            assert md(at.quote) in said
        assert (said == "—") == (not question.answered_in and not question.answered_in_text)
        linked = [site_paths.page_from_link(here, t) for t in LINK.findall(answers)]
        expected = [site_paths.page("recommendation", r) for r in question.answered_by]
        assert linked == (expected or [site_paths.NEXT_STEPS])
    # Question 10 asks where the MES catalogue's requirements are: the framework's footnote 3 answers it.
    assert "section 1.2.2, note 3 : « Référencement éditeurs \\(monespacesante.fr\\) »" in by_number[10][4]
    # A recommendation page names the questions it answers.
    page = outputs[DOC + site_paths.page("recommendation", "4.1.3")]
    assert "Question 2]" in page and "Question 3]" in page
