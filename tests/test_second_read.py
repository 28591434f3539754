"""What the second full read of the sources (issue 16) changed, checked on the real model and its pages.

Each quote is compared with the OCR of the framework, with its damage fixed (lost accents and apostrophes).
"""

from __future__ import annotations

import re

from cadre.output import site_paths
from cadre.output.text import md
from model import Index
from model.enums import Authentication, NoteKind, ServiceKind

DOC = "docs/"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_questions_5_and_13_are_answered_by_the_frameworks_own_words(index: Index, outputs: dict[str, str]) -> None:
    questions = {q.number: q for q in index.framework.questions}
    [autonomie] = questions[5].answered_in_text
    assert autonomie.section == "1.1.1"
    assert _flat(autonomie.quote).startswith("Le portail autonomie (réflexion en cours portée par la CNSA)")
    [ins] = questions[13].answered_in_text
    assert ins.section == "1.3.3"
    assert "qualifier son INS via l'application carte Vitale" in _flat(ins.quote)
    # No recommendation answers them: the page says so and shows the passage with its section.
    assert questions[5].answered_by == [] and questions[13].answered_by == []
    page = _flat(outputs[DOC + site_paths.QUESTIONS])
    assert f"section 1.1.1 : « {md(_flat(autonomie.quote))} »" in page
    assert f"section 1.3.3 : « {md(_flat(ins.quote))} »" in page


def test_stated_counts_in_words_are_registered_and_checked_where_the_model_can_count(index: Index) -> None:
    counts = {c.id: c for c in index.framework.stated_counts}
    offers = counts["cadre-categories-offres"]
    assert (offers.statement, offers.value, offers.measure) == (
        "Il est possible de distinguer deux catégories d'offres.",
        2,
        None,
    )
    checks = {c.ident: c for c in index.checks()}
    sectors = checks["gt-trois-secteurs"]
    assert (sectors.stated, sectors.computed) == (3, 3)
    assert checks["cadre-parcours-sans-couture-notions"].computed is None
    assert "gt-trois-secteurs" not in {c.ident for c in index.errata()}
    # The quote of 1.5.3 is the printed one, not a rewording.
    assert counts["cadre-esms-cas-usage"].statement.startswith("Le cas d'usage, rapportant aux numéros identifiés")


def test_mon_parcours_handicap_is_a_service_portal_and_the_contradiction_is_noted(index: Index) -> None:
    mph = index.services["mon-parcours-handicap"]
    assert mph.kind is ServiceKind.SERVICE_PORTAL and mph.kind.is_a(ServiceKind.INFORMATION_PORTAL)
    assert mph.authentication is Authentication.REQUIRED
    [contradiction] = [n for n in mph.notes if n.kind is NoteKind.INCONSISTENCY]
    assert contradiction.section == "1.6"
    assert "portails de services Mon Parcours Handicap" in _flat(contradiction.text)
    ppa = index.services["pour-les-personnes-agees"]
    assert ppa.kind is ServiceKind.SERVICE_PORTAL and ppa.authentication is Authentication.REQUIRED
    # Nothing says these two meet 4.1.2's criteria: information portals by 4.1.1.
    for ident in ("mes-droits-sociaux", "demande-aide-autonomie"):
        assert index.services[ident].kind is ServiceKind.INFORMATION_PORTAL
    # MES would be a service portal by the letter of 4.1.2; the framework keeps it apart, and says so.
    mes = index.services["mes"]
    assert mes.kind is ServiceKind.CORE_SERVICE
    assert any("4.1.2" in n.text for n in mes.notes if n.kind is NoteKind.AMBIGUITY)


def test_franceconnect_is_not_said_to_be_on_the_figure(index: Index) -> None:
    [note] = index.services["franceconnect"].notes
    assert note.section == "1.3.2"
    assert "n'imprime que « France Connect+ »" in _flat(note.text)
    blocks = [block for figure in index.framework.functional_architecture for _, block in figure.blocks()]
    assert "franceconnect" not in {b.service for b in blocks}
    assert "France Connect+" in {b.label for b in blocks}


def test_quotes_fixed_to_the_printed_words(index: Index) -> None:
    services = index.services
    assert "« sans avoir à me re-authentifier en cible »" in _flat(services["viatrajectoire-handicap"].notes[0].text)
    mes = index.views["mes"]
    assert "Via Trajectoire, MDPH En Ligne, etc." in mes.services_in_scope[1]
    assert mes.provenance == {}
    assert "Nota Bene : Des développements serviciels sont en cours sur Mon Parcours Handicap" in _flat(mes.description)
    assert {g.id: g.label for g in mes.groups}["mes"] == "MES"
    questions = {q.number: q for q in index.framework.questions}
    assert "En tant que Personne Âgée ou en tant que Personne Handicapée" in _flat(questions[4].text)


def test_rule_4_1_7_follows_the_criterion_its_note_states(index: Index) -> None:
    rec = index.recommendations["4.1.7"]
    assert rec.rule is not None
    assert "portail-autonomie" in rec.rule.applies_to.services
    [note] = rec.notes
    assert "les pouvoirs publics mettent en œuvre" in _flat(note.text)
