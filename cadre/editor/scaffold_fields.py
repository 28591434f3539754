"""What ``new`` writes for each kind of entry: its fields and options, and the file and list it goes to."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from model import CatalogueStatus, DataCategory, Direction, FlowStatus, Nature, ServiceKind, SystemCategory


class ScaffoldError(Exception):
    """The skeleton cannot be written; the message says why, in French."""


@dataclass(frozen=True)
class Option:
    """One field of the skeleton and its command-line option (``--key``)."""

    key: str
    help: str
    required: bool = True
    """Written, empty, even when not given: the model needs it."""
    many: bool = False
    """A list, given as comma-separated values."""
    in_yaml: bool = True
    """False for the options that only say where the entry goes (``--view``, ``--scenario``)."""
    integer: bool = False
    """A whole number."""
    repeated: bool = False
    """A list of texts (which may hold commas), one per use of the option, written as a block list."""
    on_command_line: bool = True
    """False for a field computed from the other options (a flow's ``legs``)."""

    @property
    def flag(self) -> str:
        """The option's name on the command line."""
        return self.key.replace("_", "-")

    @property
    def metavar(self) -> str:
        """How the option's value is shown in the help."""
        return "A,B,…" if self.many else "TEXTE" if self.repeated else self.key.upper()


def _values(enum: type[StrEnum]) -> str:
    return " | ".join(member.value for member in enum)


SECTION = Option("section", "section du cadre d'où vient l'élément (ex. 1.2.4)")
FIELDS: dict[str, tuple[str, list[Option]]] = {
    "service": (
        "un service, un portail, un référentiel ou un système d'information (model/content/services.yaml)",
        [
            Option("name", "nom complet du service"),
            Option("short_name", "sigle ou nom court", required=False),
            Option("kind", f"nature : {_values(ServiceKind)}"),
            Option("category", f"catégorie de système : {_values(SystemCategory)}"),
            Option("part_of", "service dont il est une partie", required=False),
            Option("mes_catalogue", f"catalogue de Mon espace santé : {_values(CatalogueStatus)}", required=False),
            Option("description", "description (texte)"),
            SECTION,
        ],
    ),
    "flow": (
        "un flux d'échange de données d'une vue (model/content/views/<vue>.yaml)",
        [
            Option("view", "vue du flux (identifiant, obligatoire)", in_yaml=False),
            Option("letter", "lettre du flux sur le schéma (par défaut : la première libre de la vue)"),
            Option("title", "intitulé court du flux"),
            Option("emitters", "services émetteurs (identifiants ; un seul dans le cas courant)", many=True),
            Option("receivers", "services récepteurs (identifiants ; un seul dans le cas courant)", many=True),
            Option("direction", f"sens : {_values(Direction)}", required=False, in_yaml=False),
            Option("nature", f"nature de chaque branche : {_values(Nature)}", in_yaml=False),
            Option("status", f"état de chaque branche : {_values(FlowStatus)}", in_yaml=False),
            Option(
                "legs",
                "une branche par sens, « - {from: émetteur, to: récepteur, nature: "
                f"{_values(Nature)}, status: {_values(FlowStatus)}}} » (--emitters, --receivers, --nature et "
                "--status la remplissent)",
                on_command_line=False,
            ),
            Option("data_categories", f"catégories de données : {_values(DataCategory)}", many=True),
            Option("description", "description (texte)"),
            SECTION,
            Option(
                "technical_name",
                "nom technique de sa spécification, en UpperCamelCase sans accent (ex. RappelRendezVous)",
                required=False,
                in_yaml=False,
            ),
        ],
    ),
    "use-case": (
        "un cas d'usage d'un schéma d'orchestration (model/content/views/<vue>.yaml)",
        [
            Option("view", "vue du cas d'usage (identifiant, obligatoire)", in_yaml=False),
            Option("scenario", "schéma d'orchestration (s'il y en a plusieurs dans la vue)", in_yaml=False),
            Option("number", "numéro sur le schéma (par défaut : le suivant)", integer=True),
            Option("actors", "acteurs (« En tant que … », identifiants ; un seul dans le cas courant)", many=True),
            Option("goals", "objectif (« … je souhaite … ») ; répétez l'option pour chaque objectif", repeated=True),
            Option("means", "démarche (« … et pour cela … »)"),
            Option("services", "services mobilisés (identifiants)", required=False, many=True),
            Option("flows", "flux mobilisés (identifiants)", required=False, many=True),
            SECTION,
        ],
    ),
}


def empty_comment(option: Option) -> str:
    """The comment beside an empty field: what to write there."""
    return f"à compléter : {option.help}"


@dataclass(frozen=True)
class Target:
    """Where a new entry goes: its file, the path of its list in that file, values computed from its neighbours."""

    path: Path
    list_path: tuple[str | int, ...]
    computed: dict[str, Any] = field(default_factory=dict)


def locate(kind: str, ident: str, values: dict[str, Any], files: list[tuple[Path, Any]]) -> Target:
    """The file and list of a new ``kind`` entry; refuses an identifier already taken."""
    taken = _taken(kind, files)
    if ident in taken:
        raise ScaffoldError(f"l'identifiant « {ident} » existe déjà dans {taken[ident]}")
    if kind == "service":
        for path, data in files:
            if isinstance(data, dict) and isinstance(data.get("services"), list):
                return Target(path, ("services",))
        raise ScaffoldError("aucun fichier de model/content ne contient de liste « services: »")
    path, v, view = _view(values.get("view"), files)
    if kind == "flow":
        used = {str(f.get("letter", "")).rstrip("'") for f in view.get("flows") or []}
        letter = next((c for c in string.ascii_uppercase if c not in used), None)
        return Target(path, ("views", v, "flows"), {"letter": letter, "legs": flow_legs(values)})
    scenarios = view.get("scenarios") or []
    names = ", ".join(str(s.get("id")) for s in scenarios) or "aucun"
    wanted = values.get("scenario")
    found = [s for s, scenario in enumerate(scenarios) if wanted in {None, scenario.get("id")}]
    if len(found) != 1:
        problem = f"schéma « {wanted} » inconnu" if wanted else "la vue a plusieurs schémas"
        raise ScaffoldError(f"{problem} : précisez --scenario parmi {names}")
    use_cases = scenarios[found[0]].get("use_cases") or []
    number = max((int(uc.get("number", 0)) for uc in use_cases), default=0) + 1
    return Target(path, ("views", v, "scenarios", found[0], "use_cases"), {"number": number})


def _view(wanted: str | None, files: list[tuple[Path, Any]]) -> tuple[Path, int, Any]:
    known = []
    for path, data in files:
        for v, view in enumerate(data.get("views") or [] if isinstance(data, dict) else []):
            known.append(str(view.get("id")))
            if view.get("id") == wanted:
                return path, v, view
    problem = f"vue « {wanted} » inconnue" if wanted else "précisez la vue avec --view"
    raise ScaffoldError(f"{problem} (vues : {', '.join(known)})")


def _taken(kind: str, files: list[tuple[Path, Any]]) -> dict[str, str]:
    """Identifiers the new entry may not reuse, each with the file that holds it."""
    taken: dict[str, str] = {}
    for path, data in files:
        if not isinstance(data, dict):
            continue
        if kind == "service":
            entries = [*(data.get("services") or []), *(data.get("actors") or [])]
        elif kind == "flow":
            entries = [f for view in data.get("views") or [] for f in view.get("flows") or []]
        else:
            entries = [
                uc
                for view in data.get("views") or []
                for s in view.get("scenarios") or []
                for uc in s.get("use_cases") or []
            ]
        taken.update({str(e.get("id")): path.name for e in entries if isinstance(e, dict)})
    return taken


SPEC_FIELDS = {
    "technical_name": "nom technique du flux en UpperCamelCase, sans accent (ex. RappelRendezVous)",
    "expected_service": "service attendu (texte)",
    "trigger": "évènement déclencheur (texte)",
    "actions": "actions du scénario nominal, une ligne « - » par action, dans l'ordre",
    "classes": "classes du message (name, description, attributes) ; modèle : les autres entrées du fichier",
}
SECURITY_FIELDS = {
    "authentication": "authentification des systèmes et des personnes",
    "identification": "identification de la personne concernée (INS)",
    "consent": "consentement ou information de la personne",
    "traceability": "traçabilité des échanges",
}


def flow_legs(values: dict[str, Any]) -> CommentedSeq | None:
    """The legs of a new flow: from each emitter to each receiver, and back when it is bidirectional.

    None (a field to complete) unless the emitters, receivers, nature and state are all given.
    """
    emitters, receivers = values.get("emitters"), values.get("receivers")
    nature, status = values.get("nature"), values.get("status")
    if not (emitters and receivers and nature and status):
        return None
    pairs = [(e, r) for e in emitters for r in receivers]
    if values.get("direction") == Direction.BIDIRECTIONAL.value:
        pairs += [(r, e) for e, r in pairs]
    legs = CommentedSeq()
    for origin, target in pairs:
        leg = CommentedMap([("from", origin), ("to", target), ("nature", nature), ("status", status)])
        leg.fa.set_flow_style()
        legs.append(leg)
    return legs


def spec_path(content: Path, view: str) -> Path:
    """The file of a view's flow specifications (the loader asks for it there)."""
    return content / "specifications" / f"{view}.yaml"


def spec_entry(ident: str, values: dict[str, Any]) -> CommentedMap:
    """The skeleton of a new flow's specification: what the flow says is filled, the rest left to write.

    A new specification starts as a draft, version 0.1.0; its actors are the flow's emitters and receivers.
    """
    entry = CommentedMap()
    entry["flow"] = ident
    for key, help_text in SPEC_FIELDS.items():
        entry[key] = values.get(key)
        if entry[key] is None:
            entry.yaml_add_eol_comment(f"à compléter : {help_text}", key)
        if key == "technical_name":
            entry["version"] = DoubleQuotedScalarString("0.1.0")
            entry["status"] = "draft"
        if key == "trigger":
            actors = CommentedSeq()
            ends = [(p, "Émetteur") for p in values.get("emitters") or []]
            ends += [(p, "Récepteur") for p in values.get("receivers") or []]
            for participant, role in ends:
                if participant:
                    actor = CommentedMap(participant=participant, kind="system", role=role)
                    actor.fa.set_flow_style()
                    actors.append(actor)
            entry["actors"] = actors or None
            if not actors:
                entry.yaml_add_eol_comment("à compléter : acteurs (participant, kind, role)", "actors")
    entry["technical"] = CommentedMap()
    entry.yaml_add_eol_comment("standard, profile, guide… quand un volet du CI-SIS couvre l'échange", "technical")
    security = CommentedMap()
    for key, help_text in SECURITY_FIELDS.items():
        security[key] = None
        security.yaml_add_eol_comment(f"à compléter : {help_text}", key)
    entry["security"] = security
    source = CommentedMap()
    source["section"] = DoubleQuotedScalarString(values["section"]) if values.get("section") else None
    if values.get("section"):
        source.fa.set_flow_style()
    else:
        source.yaml_add_eol_comment("à compléter : section du cadre d'où vient le flux (ex. 1.2.4)", "section")
    entry["source"] = source
    return entry
