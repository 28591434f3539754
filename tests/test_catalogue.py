"""The working group's catalogue: what the deck prints is reproduced, or published as an erratum."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from conftest import edit, line_of, problems_of

from cadre.generators import source_pages
from cadre.output import site_paths
from model import Index, Sector, load_framework

DOC = "docs/"
CATALOGUE = "model/content/catalogue"

# The « Résultat » column of the deck's scored table (section 2.1), row by row.
PRINTED_RESULTS = {1: 12, 2: 6, 3: 108, 4: 36, 5: 9, 6: 9, 7: 36, 8: 108, 9: 16, 10: 36, 11: 12}


def test_every_printed_result_is_the_product_of_the_marks(index: Index) -> None:
    scored = {c.number: index.score(c) for c in index.cases_of("tf-ph") if c.scores}
    assert scored == PRINTED_RESULTS
    assert index.score(index.cases["ph-03"]) == 2 * 3 * 2 * 3 * 3
    assert index.score(index.cases["ph-12"]) is None  # the torn row of the table has no marks


def test_counts_stated_by_the_deck_are_checked_and_the_pa_mismatch_is_an_erratum(index: Index) -> None:
    checks = {c.ident: (c.stated, c.computed) for c in index.checks()}
    assert checks["gt-tf-pa-cas"] == (25, 25)
    assert checks["gt-tf-ph-cas"] == (32, 32)
    assert checks["gt-tf-ph-prioritaires"] == (18, 18)
    assert checks["gt-tf-ph-non-prioritaires"] == (14, 14)
    assert checks["gt-tf-dom-cas"] == (16, 16)
    assert checks["gt-tf-dom-prioritaires"] == (11, 11)
    assert checks["gt-tf-dom-non-prioritaires"] == (5, 5)
    assert checks["gt-transverses"] == (15, 15)
    assert checks["gt-transverses-pa-ph"] == (12, 12)
    assert checks["gt-transverses-ph-dom"] == (2, 2)
    assert checks["gt-transverses-pa-ph-dom"] == (1, 1)
    assert checks["gt-criteres"] == (5, 5)
    assert checks["cadre-catalogue-mes"] == (25, None)  # stated in passing, not countable in the model
    # The deck announces 18 prioritised PA cases and 7 others; its own tables list 17 and 8.
    assert {(e.ident, e.stated, e.computed) for e in index.errata()} == {
        ("gt-tf-pa-prioritaires", 18, 17),
        ("gt-tf-pa-non-prioritaires", 7, 8),
    }


def test_task_force_lists_are_complete_and_numbered_as_in_the_deck(index: Index) -> None:
    numbers = {tf: sorted((c.number, c.suffix or "") for c in index.cases_of(tf)) for tf in index.task_forces}
    assert numbers["tf-pa"] == [(n, "") for n in range(1, 26)]
    assert numbers["tf-ph"] == sorted([(n, "") for n in range(1, 32)] + [(17, "bis")])
    assert numbers["tf-dom"] == [(n, "") for n in range(1, 17)]
    assert [c.number for c in index.cases_of("tf-pa") if not c.prioritised] == [4, 6, 12, 19, 20, 21, 23, 25]
    assert [c.number for c in index.cases_of("tf-dom") if not c.prioritised] == [4, 7, 8, 13, 16]


def test_transverse_groups_span_the_sectors_the_deck_says(index: Index) -> None:
    groups = {g.letter: g for g in index.framework.transverse_groups}
    assert sorted(groups) == [chr(c) for c in range(ord("A"), ord("P"))]
    assert index.group_sectors(groups["H"]) == [Sector.ELDERLY, Sector.DISABILITY, Sector.HOME]
    assert {g for g, group in groups.items() if index.group_sectors(group) == [Sector.DISABILITY, Sector.HOME]} == {
        "B",
        "G",
    }
    assert [index.case_label(index.cases[m]) for m in groups["G"].members] == ["PH 11", "PH 17", "PH 17 bis", "DOM 9"]
    assert index.group_priority(groups["A"]).name == "ALL"
    assert index.group_priority(groups["C"]).name == "NONE"
    assert index.group_priority(groups["H"]).name == "MIXED"


def test_sheets_detail_the_three_cases_of_the_deck(index: Index) -> None:
    sheets = {s.code: s for s in index.framework.sheets}
    assert {code: s.case for code, s in sheets.items()} == {"C#07": "pa-07", "PEC08": "ph-08", "R#05": "dom-05"}
    assert len(sheets["PEC08"].current.barriers) == 8
    assert sheets["PEC08"].target.trigger == "Toutes informations validées portées au DUI."
    assert sheets["C#07"].national_services == ["Mon espace santé"]
    assert all(index.cases[s.case].prioritised for s in sheets.values())


def test_changing_a_mark_publishes_an_erratum_instead_of_hiding_it(repo_copy: Path) -> None:
    ph = repo_copy / CATALOGUE / "ph.yaml"
    edit(
        ph,
        "scores: {frequence: 2, perimetre: 3, efficacite: 2, securisation: 3, transferabilite: 3}",
        "scores: {frequence: 1, perimetre: 3, efficacite: 2, securisation: 3, transferabilite: 3}",
    )
    index = Index(load_framework(repo_copy / "model" / "content", shown_from=repo_copy))
    assert ("ph-03", 108, 54) in {(e.ident, e.stated, e.computed) for e in index.errata()}
    page = source_pages.errata_page(index)
    assert any(
        "PH 3" in cell
        for section in page.sections
        for block in section.blocks
        for row in getattr(block, "rows", ())
        for cell in row
    )


@pytest.mark.parametrize(
    ("old", "new", "message", "fix"),
    [
        (
            "    phase: orientation\n    prioritised: true\n    exchange: {from: MDPH, to: ESMS}",
            "    phase: sortie\n    prioritised: true\n    exchange: {from: MDPH, to: ESMS}",
            "l'étape « sortie » n'est pas une étape de la task-force « tf-ph »",
            "étapes de cette task-force : admission, orientation, pec-accompagnement, sortie-reorientation",
        ),
        (
            "scores: {frequence: 2, perimetre: 3, efficacite: 1, securisation: 2, transferabilite: 1}",
            "scores: {frequence: 2, perimetre: 3, efficacite: 1, securisation: 2}",
            "notes manquantes pour « transferabilite »",
            "un cas noté a une note pour chaque critère de priorisation",
        ),
        (
            "scores: {frequence: 2, perimetre: 3, efficacite: 1, securisation: 2, transferabilite: 1}",
            "scores: {frequence: 4, perimetre: 3, efficacite: 1, securisation: 2, transferabilite: 1}",
            "la note 4 n'est pas sur l'échelle du critère « frequence »",
            "notes possibles : 1, 2, 3",
        ),
    ],
)
def test_catalogue_mistakes_are_located_and_explained(
    repo_copy: Path, old: str, new: str, message: str, fix: str
) -> None:
    ph = repo_copy / CATALOGUE / "ph.yaml"
    edit(ph, old, new)
    [problem] = problems_of(repo_copy)
    assert problem.file == f"{CATALOGUE}/ph.yaml"
    assert problem.line == line_of(ph, new.splitlines()[0].strip())
    assert (problem.message, problem.fix) == (message, fix)


def test_a_case_numbered_twice_and_a_count_without_scope_are_reported(repo_copy: Path) -> None:
    dom = repo_copy / CATALOGUE / "dom.yaml"
    edit(
        dom,
        "  - id: dom-02\n    task_force: tf-dom\n    number: 2\n",
        "  - id: dom-02\n    task_force: tf-dom\n    number: 1\n",
    )
    counts = repo_copy / "model/content/stated-counts.yaml"
    edit(counts, "    measure: cases\n    scope: tf-dom\n", "    measure: cases\n")
    problems = problems_of(repo_copy)
    assert [(p.file, p.message) for p in problems] == [
        (f"{CATALOGUE}/dom.yaml", "le numéro 1 est déjà celui du cas « dom-01 » de la même task-force"),
        ("model/content/stated-counts.yaml", "la mesure « cases » compte dans une task-force : laquelle ?"),
    ]


def test_glossary_acronyms_show_their_expansion_and_hostile_text_stays_text(index: Index) -> None:
    abbreviations = source_pages.abbreviations(index)
    assert "*[DUI]: Dossier usager informatisé" in abbreviations
    ppa = next(line for line in abbreviations.splitlines() if line.startswith("*[PPA]:"))
    assert "(1)" in ppa and "(2)" in ppa
    html = markdown.markdown("Le DUI et le PPA.\n\n" + abbreviations, extensions=["abbr"])
    assert '<abbr title="Dossier usager informatisé">DUI</abbr>' in html
    hostile = markdown.markdown('Le XSS.\n\n*[XSS]: <script>alert(1)</script> " onmouseover="x', extensions=["abbr"])
    assert "<script" not in hostile and 'onmouseover="x"' not in hostile


def test_every_remark_on_the_sources_is_listed_on_the_remarks_page(index: Index, outputs: dict[str, str]) -> None:
    page = outputs[DOC + site_paths.REMARKS]
    rows = [line for line in page.splitlines() if line.startswith("| ") and not line.startswith("| Section |")]
    assert len(rows) == len(list(source_pages._noted(index)))
    assert len(rows) > 100
    assert "Cas PA 14" in page and "Fiche R\\#05" in page


def test_catalogue_pages_link_cases_groups_and_sheets(outputs: dict[str, str]) -> None:
    pa = outputs[DOC + site_paths.task_force_page("tf-pa")]
    assert pa.count("](pa-") == 25
    assert "| **Dont prioritaires** | 17 |" in pa
    transverse = outputs[DOC + site_paths.TRANSVERSE]
    assert "{#groupe-g}" in transverse and "](tf-ph/ph-17-bis.md)" in transverse
    case = outputs[DOC + site_paths.case_page("tf-pa", "pa-07")]
    assert "](../fiches/fiche-c07.md)" in case
    errata = outputs[DOC + site_paths.ERRATA]
    assert re.search(r"\| TF PA : dont 18 prioritaires \| .* \| 18 \| 17 \| \*\*Erratum\*\* \|", errata)
