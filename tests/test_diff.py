"""``diff``: what a change does to the model, and whether a schema change breaks implementations."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import edit, git

from cadre.__main__ import main
from cadre.generators.schema_diff import Change, compare

FLOW_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Message du flux A",
    "type": "object",
    "properties": {
        "patient": {"$ref": "#/$defs/Patient"},
        "status": {"enum": ["sent", "read"], "type": "string"},
        "comment": {"anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]},
        "count": {"type": ["integer", "string"]},
    },
    "required": ["patient", "status"],
    "additionalProperties": False,
    "$defs": {
        "Patient": {
            "type": "object",
            "properties": {"ins": {"type": "string"}, "name": {"type": "string"}},
            "required": ["ins"],
        }
    },
}


def _changed(mutate: Any) -> list[Change]:
    new = copy.deepcopy(FLOW_SCHEMA)
    mutate(new)
    return compare(FLOW_SCHEMA, new)


def _one(mutate: Any) -> tuple[str, str, bool]:
    [change] = _changed(mutate)
    return change.path, change.message, change.breaking


def test_same_schema_has_no_change() -> None:
    assert compare(FLOW_SCHEMA, copy.deepcopy(FLOW_SCHEMA)) == []
    assert _changed(lambda s: s.update(description="Texte réécrit")) == []


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda s: s["properties"].pop("count"), ("count", "propriété supprimée", True)),
        (lambda s: s["required"].append("comment"), ("comment", "propriété devenue obligatoire", True)),
        (lambda s: s["required"].remove("status"), ("status", "propriété devenue facultative", False)),
        (lambda s: s["properties"].update(extra={"type": "string"}), ("extra", "propriété facultative ajoutée", False)),
        (
            lambda s: (s["properties"].update(extra={"type": "string"}), s["required"].append("extra")),
            ("extra", "propriété obligatoire ajoutée", True),
        ),
        (lambda s: s["properties"]["count"].update(type="string"), ("count", "type retiré : integer", True)),
        (
            lambda s: s["properties"]["count"].update(type=["number", "string"]),
            ("count", "type élargi : integer → number", False),
        ),
        (lambda s: s["properties"]["status"]["enum"].remove("read"), ("status", "valeur retirée : « read »", True)),
        (lambda s: s["properties"]["status"]["enum"].append("lost"), ("status", "valeur ajoutée : « lost »", False)),
        (
            lambda s: s["properties"]["comment"]["anyOf"].pop(),
            ("comment", "type retiré : null", True),
        ),
        (
            lambda s: s["properties"]["comment"]["anyOf"][0].update(maxLength=100),
            ("comment", "maxLength : 200 → 100", True),
        ),
        (
            lambda s: s["properties"]["comment"]["anyOf"][0].update(maxLength=500),
            ("comment", "maxLength : 200 → 500", False),
        ),
        (
            lambda s: s["$defs"]["Patient"]["required"].append("name"),
            ("Patient.name", "propriété devenue obligatoire", True),
        ),
        (lambda s: s["$defs"]["Patient"]["properties"].pop("ins"), ("Patient.ins", "propriété supprimée", True)),
        (
            lambda s: s.update(additionalProperties=True),
            ("(racine)", "propriétés supplémentaires désormais admises", False),
        ),
        (
            lambda s: s["$defs"]["Patient"].update(additionalProperties=False),
            ("Patient", "propriétés supplémentaires désormais refusées", True),
        ),
        (
            lambda s: s["properties"]["status"].update(pattern="^[a-z]+$"),
            ("status", "contrainte ajoutée : pattern = '^[a-z]+$'", True),
        ),
    ],
)
def test_each_kind_of_schema_change_is_classified(mutate: Any, expected: tuple[str, str, bool]) -> None:
    assert _one(mutate) == expected


def test_a_replaced_reference_breaks() -> None:
    def mutate(schema: dict[str, Any]) -> None:
        schema["$defs"]["Person"] = schema["$defs"].pop("Patient")
        schema["properties"]["patient"] = {"$ref": "#/$defs/Person"}

    changes = _changed(mutate)
    assert Change("patient", "type retiré : Patient", True) in changes
    assert Change("patient", "type ajouté : Person", False) in changes


def test_a_reference_wrapped_in_all_of_is_the_same_reference() -> None:
    def wrap(schema: dict[str, Any]) -> None:
        schema["properties"]["patient"] = {"description": "Patient.", "allOf": [{"$ref": "#/$defs/Patient"}]}

    assert _changed(wrap) == []
    wrapped = copy.deepcopy(FLOW_SCHEMA)
    wrap(wrapped)
    replaced = copy.deepcopy(wrapped)
    replaced["$defs"]["Person"] = replaced["$defs"].pop("Patient")
    replaced["properties"]["patient"]["allOf"] = [{"$ref": "#/$defs/Person"}]
    assert Change("patient", "type retiré : Patient", True) in compare(wrapped, replaced)


def _write(folder: Path, framework: dict[str, Any], schemas: dict[str, Any]) -> Path:
    folder.mkdir(parents=True)
    (folder / "framework.json").write_text(json.dumps(framework, ensure_ascii=False), encoding="utf-8")
    for relative, schema in schemas.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(schema), encoding="utf-8")
    return folder / "framework.json"


def test_diff_of_two_framework_files(
    tmp_path: Path, outputs: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    old = json.loads(outputs["framework.json"])
    new = copy.deepcopy(old)
    new["services"].append({**new["services"][0], "id": "portail-x", "name": "Portail X"})
    mes = next(v for v in new["views"] if v["id"] == "mes")
    mes["flows"] = [f for f in mes["flows"] if f["id"] != "mes-e"]
    next(f for f in mes["flows"] if f["id"] == "mes-a")["legs"][0]["status"] = "target"
    mes["scenarios"][0]["use_cases"][0]["services"].append("sante-fr")
    next(r for r in new["recommendations"] if r["id"] == "4.1.4")["text"] = "Nouveau texte de la recommandation."
    flow_schema = {"schemas/flux/mes-a.schema.json": FLOW_SCHEMA}
    narrowed = copy.deepcopy(FLOW_SCHEMA)
    narrowed["required"].append("comment")
    first = _write(tmp_path / "a", old, flow_schema)
    second = _write(tmp_path / "b", new, {"schemas/flux/mes-a.schema.json": narrowed})
    assert main(["diff", str(first), str(second)]) == 0
    out = capsys.readouterr().out
    assert f"Comparaison : {first} → {second}" in out
    assert "Services : 1 ajouté\n  + portail-x — Portail X" in out
    assert "Flux : 1 supprimé, 1 modifié\n  - mes-e — flux E de la vue mes" in out
    assert "  ~ mes-a — flux A de la vue mes — Alimentation de l'agenda de MES" in out
    assert "      legs portails-services-references → mes-agenda : status : « existing » → « target »" in out
    assert "  ~ mes-cu1 — n° 1 — Accéder aux portails" in out and "      services : ajouté sante-fr" in out
    assert "Recommandations : 1 modifiée\n  ~ 4.1.4 — Nouveau texte" in out and "      text : texte modifié" in out
    assert "  ~ schemas/flux/mes-a.schema.json : RUPTURE pour les implémentations existantes" in out
    assert "      [rupture] comment : propriété devenue obligatoire" in out
    assert out.rstrip().endswith(
        "Bilan : 5 changements dans le modèle ; 1 schéma avec rupture : "
        "les implémentations existantes devront être mises à jour."
    )


def test_diff_between_revisions_and_with_the_model_being_edited(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(git_repo / "model/content/services.yaml", "    name: Santé.fr\n", "    name: Santé.fr (portail)\n")
    assert main(["--root", str(git_repo), "diff", "HEAD"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Comparaison : HEAD (")
    assert "→ modèle en cours (model/content)" in out
    assert "  ~ sante-fr — Santé.fr (portail)\n      name : « Santé.fr » → « Santé.fr (portail) »" in out
    assert "Schémas JSON : 0 modifié" in out and "aucune rupture" in out
    assert main(["--root", str(git_repo), "generate"]) == 0
    git(git_repo, "commit", "-qam", "Santé.fr renommé")
    capsys.readouterr()
    assert main(["--root", str(git_repo), "diff", "HEAD~1", "HEAD"]) == 0
    assert "name : « Santé.fr » → « Santé.fr (portail) »" in capsys.readouterr().out


def test_unknown_revision_is_explained(git_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(git_repo), "diff", "nulle-part"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("erreur : « nulle-part » n'est ni un fichier ni une révision git du dépôt")
    assert "Traceback" not in err
