"""``new``: a skeleton in the right file, the rest of the file untouched, and what is left to fill."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import line_of

from cadre.__main__ import main
from cadre.generators import build
from cadre.output import site_paths
from model import Index, load_model

MES = "model/content/views/mes.yaml"
MES_SPECS = "model/content/specifications/mes.yaml"
SPEC = """  - flow: mes-f
    technical_name: RappelRendezVous
    version: "0.1.0"
    status: draft
    expected_service: L'agenda de Mon espace santé envoie un rappel de rendez-vous à l'usager.
    trigger: Veille d'un rendez-vous de l'agenda.
    actors:
      - {participant: mes-agenda, kind: system, role: Émetteur}
      - {participant: mes-messagerie-citoyenne, kind: system, role: Récepteur}
    actions:
      - L'agenda transmet le rappel à la messagerie citoyenne.
    classes:
      - name: Rappel
        description: Rappel d'un rendez-vous.
        attributes:
          - {name: identifiant, cardinality: "1..1", type: Identifiant, description: "Identifiant du rappel."}
    technical: {}
    security:
      authentication: Les deux briques de Mon espace santé s'authentifient l'une à l'autre.
      identification: L'usager est identifié par son INS.
      consent: L'usager est informé des rappels.
      traceability: Chaque rappel est tracé.
    source: {section: "1.2.4"}
"""
NEW_FLOW = [
    "new",
    "flow",
    "mes-f",
    "--view",
    "mes",
    "--title",
    "Rappel de rendez-vous envoyé par la messagerie citoyenne",
    "--emitters",
    "mes-agenda",
    "--receivers",
    "mes-messagerie-citoyenne",
    "--direction",
    "unidirectional",
    "--nature",
    "automated",
    "--data-categories",
    "service,health",
    "--status",
    "target",
    "--description",
    "L'agenda de Mon espace santé envoie un rappel de rendez-vous à l'usager.",
    "--section",
    "1.2.4",
]


def _inserted(before: str, after: str) -> list[str]:
    """The lines added to ``before`` to give ``after``, failing if anything else changed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    added = len(new) - len(old)
    assert new[:start] == old[:start] and new[start + added :] == old[start:], "only an insertion is allowed"
    return new[start : start + added]


def test_new_flow_with_every_field_is_valid_and_shown_everywhere(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view, specs = repo_copy / MES, repo_copy / MES_SPECS
    before, specs_before = view.read_text(encoding="utf-8"), specs.read_text(encoding="utf-8")
    assert main(["--root", str(repo_copy), *NEW_FLOW]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"« mes-f » ajouté à {MES}, lignes 268 à 277 ; sa spécification à {MES_SPECS}, lignes ")
    todo = re.findall(rf"^{MES_SPECS}:\d+:\d+: erreur : « (\w+) » est vide$", out, flags=re.MULTILINE)
    spec_fields = ["technical_name", "expected_service", "trigger", "actions", "classes"]
    assert todo == [*spec_fields, "authentication", "identification", "consent", "traceability"]
    assert f"{MES}:" not in out, "every field of the flow was given"
    skeleton = _inserted(specs_before, specs.read_text(encoding="utf-8"))
    assert (
        skeleton[0] == "  - flow: mes-f\n"
        and "      - {participant: mes-agenda, kind: system, role: Émetteur}\n" in skeleton
    )
    specs.write_text(specs_before + SPEC, encoding="utf-8")
    added = _inserted(before, view.read_text(encoding="utf-8"))
    assert added[0] == "      - id: mes-f\n" and added[1] == "        letter: F\n"
    assert "        data_categories: [service, health]\n" in added
    assert added[3:7] == [
        "        emitters: [mes-agenda]\n",
        "        receivers: [mes-messagerie-citoyenne]\n",
        "        legs:\n",
        "          - {from: mes-agenda, to: mes-messagerie-citoyenne, nature: automated, status: target}\n",
    ]
    assert added[-1] == '        source: {section: "1.2.4"}\n'
    loaded = load_model(repo_copy / "model" / "content", shown_from=repo_copy)
    assert loaded.warnings == []
    outputs = build(Index(loaded.framework))
    page = "flux/mes-f.md"
    assert "# Flux F — Rappel de rendez-vous" in outputs[f"docs/{page}"]
    for where in ("vues/mes.md", "flux/index.md", site_paths.MAP, "services/mes-agenda.md"):
        assert "mes-f.md" in outputs[f"docs/{where}"], where
    assert "mes-f.md" in outputs["docs/services/mes-messagerie-citoyenne.md"]
    assert any("flux/mes-f/" in text for path, text in outputs.items() if path.startswith("diagrams/vues/"))
    assert '"id": "mes-f"' in outputs["framework.json"]
    assert "schemas/flux/mes-f.schema.json" in outputs


def test_skeleton_says_which_fields_to_fill_and_where(repo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(repo_copy), "new", "flow", "mes-f", "--view", "mes", "--title", "Essai"]) == 0
    out = capsys.readouterr().out
    view = repo_copy / MES
    todo = re.findall(rf"^{MES}:(\d+):\d+: erreur : « (\w+) » est vide$", out, flags=re.MULTILINE)
    assert [field for _, field in todo] == [
        "emitters",
        "receivers",
        "legs",
        "data_categories",
        "description",
    ]
    # The place in the source: a section of the framework or a slide of the deck, to be given.
    assert f"{MES}:{line_of(view, '- id: mes-f') + 8}:9: erreur : l'endroit de la source n'est pas donné" in out
    lines = view.read_text(encoding="utf-8").splitlines()
    for number, field in todo:
        assert lines[int(number) - 1].strip().startswith(f"{field}:  # à compléter : "), field
    legs = lines[int(todo[2][0]) - 1]
    assert (
        "{from: émetteur, to: récepteur, nature: automated | manual, status: existing | in_progress | target}" in legs
    )
    assert line_of(view, "letter: F") == line_of(view, "- id: mes-f") + 1
    assert main(["--root", str(repo_copy), "validate"]) == 1


def test_use_case_goes_before_the_comment_that_opens_the_next_schema(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    view = repo_copy / "model/content/views/mph.yaml"
    before = view.read_text(encoding="utf-8")
    arguments = ["new", "use-case", "mph-suivi-sms", "--view", "mph", "--scenario", "mph-depot", "--actors", "usager"]
    assert main(["--root", str(repo_copy), *arguments, "--goals", "Être prévenu", "--section", "1.3.2"]) == 0
    added = _inserted(before, view.read_text(encoding="utf-8"))
    assert added[:2] == ["          - id: mph-suivi-sms\n", "            number: 5\n"]
    lines = view.read_text(encoding="utf-8").splitlines()
    after = line_of(view, "- id: mph-suivi-sms") + len(added) - 1
    assert lines[after].startswith("      # --- (2) Dépôt de la demande d'admission")
    out = capsys.readouterr().out
    assert re.search(r"mph\.yaml:\d+:13: erreur : « means » est vide", out)


def test_new_service_portal_is_asked_for_what_the_rules_need(
    repo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["new", "service", "portail-essai", "--name", "Portail d'essai", "--kind", "service_portal"]
    extra = ["--category", "portals", "--description", "Portail de démonstration.", "--section", "1.2.2"]
    assert main(["--root", str(repo_copy), *arguments, *extra]) == 0
    out = capsys.readouterr().out
    assert "avertissement : « Portail d'essai » ne peut pas être vérifié par la recommandation 4.1.2" in out
    assert main(["--root", str(repo_copy), "validate"]) == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["service", "../etc"], "« ../etc » n'est pas un identifiant"),
        (["service", "a/b"], "« a/b » n'est pas un identifiant"),
        (["service", "Santé"], "« Santé » n'est pas un identifiant"),
        (["service", "usager"], "l'identifiant « usager » existe déjà dans actors.yaml"),
        (["flow", "mes-a", "--view", "mes"], "l'identifiant « mes-a » existe déjà dans mes.yaml"),
        (["flow", "mes-z"], "précisez la vue avec --view (vues : esms, mes, mph, pa)"),
        (["flow", "mes-z", "--view", "nulle"], "vue « nulle » inconnue"),
        (["use-case", "mph-z", "--view", "mph"], "la vue a plusieurs schémas : précisez --scenario parmi mph-depot"),
    ],
)
def test_refused_entries_change_nothing(
    repo_copy: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    content = repo_copy / "model" / "content"
    before = {p: p.read_bytes() for p in content.rglob("*.yaml")}
    assert main(["--root", str(repo_copy), "new", *arguments]) == 1
    assert capsys.readouterr().err.startswith(f"erreur : {message}")
    assert {p: p.read_bytes() for p in content.rglob("*.yaml")} == before
    assert not list(content.rglob(".tmp-*"))


def test_a_view_without_flows_gets_its_list(repo_copy: Path) -> None:
    view = repo_copy / "model/content/views/essai.yaml"
    head = (
        '# Une vue sans flux.\nviews:\n  - id: essai\n    title: Vue d\'essai\n    axis: "4.3"\n'
        '    description: Une vue d\'essai.\n    source: {section: "1.6"}\n'
    )
    view.write_text(head + "# fin du fichier\n", encoding="utf-8")
    arguments = ["new", "flow", "essai-a", "--view", "essai", "--title", "Essai", "--emitters", "mes"]
    arguments += ["--receivers", "sante-fr", "--direction", "unidirectional", "--nature", "manual"]
    arguments += ["--data-categories", "service", "--status", "target", "--description", "Essai.", "--section", "1.6"]
    assert main(["--root", str(repo_copy), *arguments]) == 0
    text = view.read_text(encoding="utf-8")
    assert text.startswith(head + "    flows:\n      - id: essai-a\n        letter: A\n")
    assert text.endswith('        source: {section: "1.6"}\n# fin du fichier\n')
    specs = (repo_copy / "model/content/specifications/essai.yaml").read_text(encoding="utf-8")
    assert specs.startswith(
        "# yaml-language-server: $schema=../../../generated/schemas/framework.schema.json\n"
        "flow_specs:\n  - flow: essai-a\n"
    )
