"""The filter forms of the site's pages: native lists and boxes that ``docs/javascripts/filtres.js`` reads.

A form is hidden until the script shows it (without the script, a page shows everything). Each control
names a facet of the explorer's index (:mod:`cadre.generators.explorer_index`) and a parameter of the
page's address (``?vue=pa&etat=target``), so that a filtered page can be shared. A table whose rows the
form filters says which kind of entity each row shows (:attr:`~cadre.generators.page_model.Table.filterable`).
"""

from __future__ import annotations

from dataclasses import dataclass

from cadre.output.text import html
from model import DataCategory, FlowStatus, Index, Nature, Sector, SystemCategory


@dataclass(frozen=True)
class Control:
    """One control of a filter form: its parameter in the page's address, the facet it filters, its choices."""

    name: str
    facet: str
    label: str
    choices: tuple[tuple[str, str], ...]
    everything: str = ""
    """The first choice of a list, which filters nothing; a control without one is a group of boxes."""


FLOW_FACETS = ("view", "system_category", "data_category", "service", "status", "nature")
"""The facets that filter flows and use cases, in the order of the form."""
SERVICE_FACETS = ("view", "system_category", "data_category", "service")
"""The facets that filter services."""
CASE_FACETS = ("sector",)
"""The facets that filter the cases of the working group's catalogue."""


def controls(index: Index, facets: tuple[str, ...], *, on_the_map_only: bool = False) -> tuple[Control, ...]:
    """The controls of ``facets``; ``on_the_map_only``: only the services that emit or receive a flow."""
    fw = index.framework
    ends = {e for f in index.flows.values() for e in f.ends}
    services = [s for s in fw.services if s.id in ends or not on_the_map_only]
    used = {s.category for s in services}
    carried = {c for f in index.flows.values() for c in f.data_categories}
    everyone = sorted(((s.id, s.name) for s in services), key=lambda c: (c[1].casefold(), c[0]))
    known = {
        "view": Control("vue", "view", "Vue", tuple((v.id, v.title) for v in fw.views), "Toutes les vues"),
        "system_category": Control(
            "systeme",
            "system_category",
            "Catégorie de système d'un service concerné",
            tuple((c.value, c.label) for c in SystemCategory if c in used),
            "Toutes les catégories",
        ),
        "data_category": Control(
            "donnees",
            "data_category",
            "Catégorie de données transportée",
            tuple((c.value, c.label) for c in DataCategory if c in carried),
            "Toutes les catégories",
        ),
        "service": Control("service", "service", "Service et ses voisins", tuple(everyone), "Tous les services"),
        "status": Control(
            "etat", "status", "États admis pour chaque branche des flux", tuple((s.value, s.label) for s in FlowStatus)
        ),
        "nature": Control(
            "nature",
            "nature",
            "Natures admises pour chaque branche des flux",
            tuple((n.value, n.label) for n in Nature),
        ),
        "sector": Control(
            "secteur", "sector", "Secteur", tuple((c.value, c.label) for c in Sector), "Tous les secteurs"
        ),
    }
    return tuple(known[facet] for facet in facets)


def filter_form(ident: str, controls: tuple[Control, ...], legend: str) -> str:
    """The form of ``controls``, hidden until the site's script shows it, with its live count of rows.

    Every label and choice comes through :func:`cadre.output.text.html`; identifiers are the model's.
    """
    lines = [f'<form class="filtres" id="{ident}" hidden>', f"<fieldset><legend>{html(legend)}</legend>"]
    for control in controls:
        field = f"{ident}-{control.name}"
        if control.everything:
            options = "".join(f'<option value="{html(v)}">{html(label)}</option>' for v, label in control.choices)
            lines += [
                f'<p class="filtres__champ"><label for="{field}">{html(control.label)}</label>',
                f'<select id="{field}" name="{control.name}" data-facette="{control.facet}">'
                f'<option value="">{html(control.everything)}</option>{options}</select></p>',
            ]
        else:
            boxes = "".join(
                f'<label><input type="checkbox" name="{control.name}" value="{html(v)}" '
                f'data-facette="{control.facet}" checked> {html(label)}</label> '
                for v, label in control.choices
            )
            legend_html = f"<legend>{html(control.label)}</legend>"
            lines.append(f'<fieldset class="filtres__cases">{legend_html}{boxes.strip()}</fieldset>')
    lines += [
        '<p class="filtres__actions"><button type="submit" class="md-button md-button--primary">Appliquer</button> '
        '<button type="reset" class="md-button">Tout afficher</button></p>',
        "</fieldset>",
        f'<p class="filtres__etat" id="{ident}-etat" role="status" aria-live="polite"></p>',
        "</form>",
    ]
    return "\n".join(lines)
