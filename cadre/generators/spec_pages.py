"""The page of each flow: its specification in the manner of a CI-SIS volet, from header to downloads."""

from __future__ import annotations

from cadre.generators import diagram_maps, json_schemas
from cadre.generators import provenance_marks as pm
from cadre.generators.page_model import Block, Diagram, Page, Paragraphs, Section, Table
from cadre.generators.page_parts import (
    FLOW_HEADERS,
    bullets,
    entity_link,
    first_sentence,
    flow_cells,
    notes,
    recommendation_link,
    render,
    service_link,
    source_line,
    use_case_link,
    used_by,
)
from cadre.generators.spec_versions import versions_section
from cadre.output import site_paths
from cadre.output.text import Href, link, md
from model import Attribute, Flow, FlowSpec, Index, TextProvenance

TO_INSTRUCT = "À instruire (axe 4.3)"
DOWNLOADS = "telechargements"


def generate(index: Index) -> dict[str, str]:
    """One page per flow, under ``docs/flux/``."""
    specs = {s.flow: s for s in index.framework.flow_specs}
    return {
        f"{site_paths.DOCS}/{site_paths.page('flow', flow.id)}": render(flow_page(index, flow, specs.get(flow.id)))
        for flow in index.flows.values()
    }


def attribute_line(attribute: Attribute) -> str:
    """``nom : [card] Type``, as the CI-SIS writes an attribute."""
    return f"{attribute.name} : [{attribute.cardinality}] {attribute.class_ or attribute.type}"


def download_link(here: str, generated_path: str) -> Href:
    """Link from a page to a file of ``generated/schemas/``, as the site publishes it."""
    return site_paths.md_link(here, f"{DOWNLOADS}/{generated_path}")


def flow_page(index: Index, flow: Flow, spec: FlowSpec | None) -> Page:
    """A flow's page: its specification when it has one, what refers to it in any case."""
    here = site_paths.page("flow", flow.id)
    view = index.view_of[flow.id]
    axis = index.axes[view.axis]
    facts = [("Identifiant", f"`{flow.id}`")]
    if spec:
        facts += [
            ("Nom technique", f"Flux {md(flow.letter)} – {spec.technical_name}"),
            ("Statut de la spécification", md(spec.status.label)),
            ("Version", spec.version),
            (
                "Provenance",
                "spécification proposée par ce site, à la manière d'un volet du CI-SIS : le cadre identifie le "
                "flux sans en détailler le contenu" + pm.marker(here, TextProvenance.PROPOSAL),
            ),
        ]
    facts += [
        ("Vue", entity_link(here, "view", view.id, view.title)),
        ("Axe", entity_link(here, "axis", axis.id, f"Axe {axis.id}")),
        ("Section du cadre", md(flow.source.place)),
    ]
    sections = [_context(index, here, flow)]
    if spec:
        sections += [
            _process(index, here, spec),
            _identification(index, here, flow, spec),
            *_content(index, here, spec),
            _technical(spec),
            _security(spec),
            _downloads(index, here, flow, spec),
            versions_section(index, here, flow.id),
        ]
    else:
        sections.append(Section("Spécification", (Paragraphs("Ce flux n'a pas encore de spécification."),)))
    sections.append(
        used_by(
            [
                (
                    "Cas d'usage qui l'empruntent",
                    [use_case_link(index, here, uc) for uc in index.use_cases_of_flow(flow.id)],
                    "Aucun.",
                ),
                (
                    "Recommandations qui le concernent",
                    [recommendation_link(here, r) for r in index.recommendations_of_flow(flow.id)],
                    "Aucune.",
                ),
                ("Vue", [entity_link(here, "view", view.id, view.title)], "Aucune."),
            ]
        )
    )
    return Page(
        title=f"Flux {md(flow.letter)} — {md(flow.title)}",
        facts=tuple(facts),
        lead=pm.with_title_note(pm.title_note(index, here, flow), pm.block(index, here, flow, "description")),
        sections=tuple(sections),
        source=source_line(index, flow.source, here),
        notes=notes([*flow.notes, *(spec.notes if spec else [])]),
        search_boost=1.5,  # its specification: before the tables that only name the flow (downloads, map)
    )


def _context(index: Index, here: str, flow: Flow) -> Section:
    use_cases = [use_case_link(index, here, uc) for uc in index.use_cases_of_flow(flow.id)]
    recs = [
        f"{recommendation_link(here, r)} — {md(first_sentence(r.text))}" for r in index.recommendations_of_flow(flow.id)
    ]
    return Section(
        "Contexte métier",
        (
            Paragraphs("**Cas d'usage servis**"),
            bullets(use_cases),
            Paragraphs("**Recommandations qui le contraignent**"),
            bullets(recs, "Aucune."),
        ),
    )


def _lines(items: list[str]) -> str:
    return "<br>".join(md(" ".join(i.split())) for i in items) or "—"


def _process(index: Index, here: str, spec: FlowSpec) -> Section:
    process = (
        ("Service attendu", md(" ".join(spec.expected_service.split()))),
        ("Pré-conditions", _lines(spec.preconditions)),
        ("Post-conditions", _lines(spec.postconditions)),
        ("Contraintes fonctionnelles", _lines(spec.constraints)),
        ("Évènement déclencheur", md(" ".join(spec.trigger.split()))),
    )
    actors = tuple((service_link(index, here, a.participant), md(a.kind.label), md(a.role)) for a in spec.actors)
    steps = "\n".join(f"{n}. {md(' '.join(a.split()))}" for n, a in enumerate(spec.actions, 1))
    return Section(
        "Processus collaboratif",
        (
            Table(("Élément", "Description"), process),
            Paragraphs("**Acteurs**"),
            Table(("Acteur", "Type", "Rôle"), actors),
            Paragraphs("**Scénario nominal**"),
            Paragraphs(steps),
        ),
    )


def _identification(index: Index, here: str, flow: Flow, spec: FlowSpec) -> Section:
    row = (
        f"Flux {md(flow.letter)} – {spec.technical_name}",
        md(flow.title),
        *flow_cells(index, here, flow),
    )
    headers = ("Flux", "Processus", *FLOW_HEADERS)
    drawing = diagram_maps.exchange_drawing(index, flow)
    caption = f"{md(drawing.spec.title)} — chaque service ouvre sa page ; les tableaux ci-dessous disent la même chose."
    return Section(
        "Identification du flux",
        (Diagram(drawing.path, caption), Table(headers, (row,)), legs_table(index, here, flow)),
    )


def legs_table(index: Index, here: str, flow: Flow) -> Table:
    """The legs of a flow: from, to, nature, state, and the condition the source sets, quoted."""
    rows = tuple(
        (
            str(n),
            service_link(index, here, leg.from_),
            service_link(index, here, leg.to),
            md(leg.nature.label),
            md(leg.status.label),
            md(" ".join(leg.condition.split())) if leg.condition else "—",
        )
        for n, leg in enumerate(flow.legs, 1)
    )
    return Table(("Branche", "De", "Vers", "Nature", "État", "Condition"), rows)


def _value_set_cell(here: str, attribute: Attribute) -> str:
    """The value set of a coded attribute, linked to its page."""
    if not attribute.value_set:
        return "—"
    target = site_paths.md_link(here, site_paths.value_set_page(attribute.value_set))
    return link(md(attribute.value_set), target)


def _content(index: Index, here: str, spec: FlowSpec) -> list[Section]:
    root = spec.classes[0]
    lead = Paragraphs(
        f"Le message est la classe **{root.name}** ; les autres classes en détaillent des parties. Chaque "
        "attribut s'écrit `nom : [cardinalité] Type`, avec les types du modèle des objets de santé (MOS) ; "
        "une cardinalité minimale de 1 rend l'attribut obligatoire. Le jeu de valeurs d'un attribut codé "
        "ouvre sa page : ses codes, et d'où ils viennent."
    )
    sections = [Section("Contenu du message", (lead,))]
    for cls in spec.classes:
        rows = tuple(
            (f"`{attribute_line(a)}`", md(" ".join(a.description.split())), _value_set_cell(here, a))
            for a in cls.attributes
        )
        blocks: list[Block] = [
            Paragraphs(md(" ".join(cls.description.split()))),
            Table(("Attribut", "Description", "Jeu de valeurs"), rows),
        ]
        sections.append(Section(f"Classe {cls.name}", tuple(blocks), level=3))
    rules = tuple((f"Règle{n:02d}", md(" ".join(r.split()))) for n, r in enumerate(spec.rules, 1))
    sections.append(Section("Règles métier", (Table(("Règle", "Énoncé"), rules, empty="Aucune."),), level=3))
    return sections


def _technical(spec: FlowSpec) -> Section:
    tech = spec.technical
    guide = md(tech.guide) if tech.guide else "—"
    if tech.guide and tech.guide_url:
        guide = link(md(tech.guide), tech.guide_url)
    rows = (
        ("Standard", md(tech.standard) if tech.standard else TO_INSTRUCT),
        ("Profil", md(tech.profile) if tech.profile else "—"),
        ("Interaction", md(tech.interaction) if tech.interaction else "—"),
        ("Volet ou API de référence", guide),
        ("Transport", "HTTPS"),
    )
    blocks: list[Block] = [Table(("Élément", "Valeur"), rows)]
    if tech.comment:
        blocks.append(Paragraphs(md(" ".join(tech.comment.split()))))
    return Section("Spécifications techniques", tuple(blocks))


def _security(spec: FlowSpec) -> Section:
    sec = spec.security
    rows = (
        ("Authentification", md(" ".join(sec.authentication.split()))),
        ("Identification de la personne (INS)", md(" ".join(sec.identification.split()))),
        ("Consentement", md(" ".join(sec.consent.split()))),
        ("Traçabilité", md(" ".join(sec.traceability.split()))),
    )
    return Section("Sécurité et identification", (Table(("Exigence", "Description"), rows),))


def _downloads(index: Index, here: str, flow: Flow, spec: FlowSpec) -> Section:
    files = json_schemas.paths(index, spec)
    rows = [
        (link(md(f"{flow.id}.schema.json"), download_link(here, files["schema"])), "Schéma JSON (2020-12) du message"),
        (
            link(md(f"{flow.id}.exemple.json"), download_link(here, files["example"])),
            "Exemple valide, où figure chaque attribut, facultatifs compris",
        ),
    ]
    rows += [
        (
            link(md(f"{flow.id}.invalide-{name}.json"), download_link(here, files[f"invalid:{name}"])),
            f"Exemple invalide : {breach.why} (`{breach.constraint}`)",
        )
        for name, breach in json_schemas.invalid(index, spec).items()
    ]
    return Section(
        "Téléchargements",
        (
            Paragraphs(
                f"Identifiant du schéma (`$id`) : `{json_schemas.schema_id(flow, spec)}`. Un outil standard "
                "génère le code du message à partir du schéma, par exemple "
                f"`datamodel-codegen --input {flow.id}.schema.json --input-file-type jsonschema "
                "--output-model-type pydantic_v2.BaseModel` en Python ou "
                f"`json2ts -i {flow.id}.schema.json` en TypeScript : le message y est le type "
                f"`{spec.technical_name}`, chaque classe un type de son nom. Chaque exemple invalide enfreint "
                "une seule contrainte du schéma, celle que dit son nom : tout validateur doit le refuser pour "
                "cette raison."
            ),
            Table(("Fichier", "Contenu"), tuple(rows)),
        ),
    )
