"""The value sets: one page each with its codes, provenance and users; an index; each set as JSON."""

from __future__ import annotations

from cadre.generators.page_model import Block, Page, Section, Table
from cadre.generators.page_parts import bullets, environment, flow_link, render
from cadre.generators.spec_pages import attribute_line, download_link
from cadre.output import json_text, site_paths
from cadre.output.text import Markdown, link, md, nav
from model import PROPOSAL_PREFIX, CodesStatus, Index, Provenance, ValueSet

ORDER = (Provenance.NATIONAL, Provenance.EXTERNAL, Provenance.PROPOSAL)
HEADINGS = {
    Provenance.NATIONAL: "Jeux nationaux (ANS)",
    Provenance.EXTERNAL: "Terminologies internationales",
    Provenance.PROPOSAL: "Propositions du cadre",
}
NAMING = (
    "Les jeux de valeurs nationaux sont ceux des nomenclatures des objets de santé (NOS) de l'ANS : leur "
    "identifiant commence par JDV\\_ (jeu de valeurs) ou TRE\\_ (terminologie de référence), et leurs codes "
    "sont recopiés à l'identique de la source citée, libellés et coquilles compris. Les terminologies "
    "internationales (LOINC, UCUM) sont trop grandes pour être recopiées : leur page dit où sont leurs codes. "
    f"Quand aucun jeu publié ne convient, ce cadre en propose un : son identifiant commence par "
    f"**{md(PROPOSAL_PREFIX)}**, jamais par JDV\\_, pour qu'on ne le prenne pas pour un jeu de l'ANS, et chacun "
    "de ses codes a un libellé et une définition. Une proposition est à confirmer lors de l'instruction de "
    "l'axe 4.3, et à remplacer par un jeu national s'il en paraît un."
)


def generate(index: Index) -> dict[str, str]:
    """The index and menu of ``docs/jeux-de-valeurs/``, one page per set, and one JSON file per set."""
    docs = site_paths.DOCS
    outputs = {
        f"{docs}/{site_paths.VALUE_SETS_INDEX}": render(index_page(index)),
        f"{docs}/{site_paths.VALUE_SETS}/SUMMARY.md": _navigation(index),
    }
    for value_set in index.value_sets.values():
        outputs[f"{docs}/{site_paths.value_set_page(value_set.id)}"] = render(value_set_page(index, value_set))
        outputs[site_paths.value_set_download(value_set.id)] = _json(index, value_set)
    return outputs


def value_set_link(here: str, value_set: ValueSet, text: str | None = None) -> Markdown:
    """Link from page ``here`` to a value set's page, named by its identifier unless ``text`` is given."""
    return link(md(text or value_set.id), site_paths.md_link(here, site_paths.value_set_page(value_set.id)))


def codes_summary(value_set: ValueSet) -> str:
    """What the model carries of a set's codes, in a few words."""
    count = len(value_set.codes)
    if value_set.codes_status is CodesStatus.COMPLETE:
        return f"{count} code{'s' if count > 1 else ''}"
    if value_set.codes_status is CodesStatus.PARTIAL:
        return f"Liste partielle ({count} code{'s' if count > 1 else ''} connus)"
    return "Codes non embarqués"


def index_page(index: Index) -> Page:
    """Every value set, by provenance, with what it holds and how many attributes use it."""
    here = site_paths.VALUE_SETS_INDEX
    sections = []
    for provenance in ORDER:
        rows = tuple(
            (
                value_set_link(here, vs),
                md(vs.title),
                codes_summary(vs),
                str(len(index.bindings(vs.id))),
                link(md("JSON"), download_link(here, site_paths.value_set_download(vs.id))),
            )
            for vs in index.value_sets.values()
            if vs.provenance is provenance
        )
        headers = ("Identifiant", "Intitulé", "Codes", "Attributs", "Téléchargement")
        sections.append(Section(HEADINGS[provenance], (Table(headers, rows, empty="Aucun."),)))
    return Page(
        title="Jeux de valeurs",
        lead=(
            "Chaque attribut de type Code d'une spécification de flux prend ses valeurs dans un jeu de valeurs : "
            "sa page donne ses codes, sa provenance et les attributs qui l'utilisent ; le schéma JSON du flux "
            f"n'accepte que ses codes quand ce cadre les connaît tous.\n\n{NAMING}"
        ),
        sections=tuple(sections),
        wide=True,
    )


def value_set_page(index: Index, value_set: ValueSet) -> Page:
    """A value set: provenance, codes, the attributes bound to it, remarks."""
    here = site_paths.value_set_page(value_set.id)
    return Page(
        title=f"{md(value_set.title)}",
        facts=_facts(here, value_set),
        lead=f"{md(' '.join(value_set.description.split()))}\n\n{_status(value_set)}",
        sections=(_codes(value_set), _users(index, here, value_set), *_remarks(index, here, value_set)),
    )


def _facts(here: str, vs: ValueSet) -> tuple[tuple[str, str], ...]:
    facts = [("Identifiant", f"`{vs.id}`"), ("Provenance", f"**{md(vs.provenance.label)}**")]
    if vs.oid:
        facts.append(("OID", f"`{vs.oid}`"))
    if vs.url:
        facts.append(("Adresse canonique", link(md(vs.url), vs.url)))
    if vs.version:
        facts.append(("Version", md(vs.version)))
    if vs.publication_status:
        facts.append(("Statut de publication", md(vs.publication_status)))
    if vs.found_in:
        facts.append(("Codes relevés dans", md(" ".join(vs.found_in.split()))))
    if vs.systems:
        facts.append(("Systèmes de codes", "<br>".join(link(md(s), s) for s in vs.systems)))
    facts.append(("Codes", md(codes_summary(vs))))
    if vs.codes_url:
        facts.append(("Liste de référence des codes", link(md(vs.codes_url), vs.codes_url)))
    json_name = md(f"{vs.id}.json")
    facts.append(("Téléchargement", link(json_name, download_link(here, site_paths.value_set_download(vs.id)))))
    return tuple(facts)


def _status(vs: ValueSet) -> str:
    """The admonition that says, before anything else, how far the codes of the page can be trusted."""
    if vs.provenance is Provenance.PROPOSAL:
        kind, title = "warning", "Proposition de ce cadre"
        text = (
            "Ni l'ANS ni un autre organisme ne publie ce jeu de valeurs : ce cadre le propose, faute de jeu "
            f"national connu pour ce concept. Son identifiant commence par {md(PROPOSAL_PREFIX)} pour ne pas "
            "être confondu avec un jeu de l'ANS. Ses codes sont à confirmer lors de l'instruction de l'axe 4.3."
        )
    elif vs.codes_status is CodesStatus.NOT_EMBEDDED:
        kind, title = "info", "Codes non embarqués"
        where = f" : ils sont publiés sur {link(md(vs.codes_url), vs.codes_url)}" if vs.codes_url else ""
        text = (
            f"Les codes de ce jeu ne sont pas recopiés dans ce cadre (trop nombreux, ou non publiés en liste){where}. "
            "Le schéma JSON des flux accepte, pour un attribut lié à ce jeu, tout texte non vide : c'est à "
            "l'implémentation de vérifier le code auprès de la source."
        )
    elif vs.codes_status is CodesStatus.PARTIAL:
        kind, title = "warning", "Liste partielle"
        text = (
            "Ce cadre ne connaît qu'une partie des codes de ce jeu (voir les remarques) : la liste ci-dessous "
            "n'est pas à prendre pour complète, et le schéma JSON des flux accepte tout texte non vide."
        )
    else:
        kind, title = "success", "Codes recopiés de la source"
        text = (
            "Les codes et libellés ci-dessous sont recopiés à l'identique de la source citée, coquilles "
            "comprises : le schéma JSON de chaque flux n'accepte que ces codes."
        )
        if vs.provenance is Provenance.NATIONAL and vs.publication_status == "draft":
            text += " La source publie ce jeu comme un brouillon (draft) : il peut encore changer."
    return f'!!! {kind} "{title}"\n\n    {text}'


def _codes(vs: ValueSet) -> Section:
    several = len(vs.systems) > 1
    defined = any(c.definition for c in vs.codes)
    headers = ("Code", "Libellé", *(("Définition",) if defined else ()), *(("Système",) if several else ()))
    rows = tuple(
        (
            md(c.code),
            (md(c.display) if c.display else "— *(libellé non publié)*") + (" *(obsolète)*" if c.deprecated else ""),
            *((md(" ".join(c.definition.split())) if c.definition else "—",) if defined else ()),
            *((md(c.system or "—"),) if several else ()),
        )
        for c in vs.codes
    )
    empty = "Aucun code n'est recopié ici : voir la liste de référence ci-dessus."
    return Section("Codes", (Table(headers, rows, empty=empty, sortable=len(rows) > 20),))


def _users(index: Index, here: str, vs: ValueSet) -> Section:
    rows = tuple(
        (
            flow_link(index, here, index.flows[b.spec.flow]),
            f"{b.message_class.name} · `{attribute_line(b.attribute)}`",
            md(str(b.attribute.example)) if b.attribute.example is not None else "—",
        )
        for b in index.bindings(vs.id)
    )
    table = Table(("Flux", "Classe et attribut", "Exemple"), rows, empty="Aucun attribut ne l'utilise.")
    return Section("Attributs qui l'utilisent", (table,))


def _remarks(index: Index, here: str, vs: ValueSet) -> list[Section]:
    sections = []
    if vs.remarks:
        sections.append(Section("Remarques", (bullets([md(" ".join(r.split())) for r in vs.remarks]),)))
    if vs.related:
        related: list[Block] = [bullets([value_set_link(here, index.value_sets[r]) for r in vs.related])]
        sections.append(Section("Voir aussi", tuple(related)))
    return sections


def _navigation(index: Index) -> str:
    items: list[tuple[str, str, list[tuple[str, str]]]] = [("Vue d'ensemble", "index.md", [])]
    for provenance in ORDER:
        children = [
            (nav(vs.title), site_paths.value_set_page(vs.id).split("/", 1)[1])
            for vs in index.value_sets.values()
            if vs.provenance is provenance
        ]
        if children:
            items.append((HEADINGS[provenance], "", children))
    return environment().get_template("SUMMARY.md.j2").render(items=items)


def _json(index: Index, vs: ValueSet) -> str:
    data = vs.model_dump(mode="json", exclude_none=True)
    data["used_by"] = [
        {"flow": b.spec.flow, "class": b.message_class.name, "attribute": b.attribute.name}
        for b in index.bindings(vs.id)
    ]
    return json_text.dumps(data)
