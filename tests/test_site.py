"""The MkDocs site builds strictly, shows every generated page, and asks nothing of third parties."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from cadre.output import site_paths
from cadre.site import archive
from model import CatalogueCase, Flow, Framework, Index, Question, Service, SourceRef

ROOT = Path(__file__).resolve().parent.parent


def _yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def test_every_entity_page_is_built(site: Path, index: Index) -> None:
    groups: list[tuple[str, Iterable[str]]] = [
        ("flow", index.flows),
        ("service", index.services),
        ("use_case", index.use_cases),
        ("recommendation", index.recommendations),
        ("view", index.views),
    ]
    for kind, idents in groups:
        for ident in idents:
            assert (site / site_paths.url(site_paths.page(kind, ident)) / "index.html").is_file(), ident


def test_view_page_shows_clickable_inline_diagrams(site: Path) -> None:
    html = (site / "vues/mes/index.html").read_text(encoding="utf-8")
    assert html.count("<svg") >= 2
    assert 'xlink:href="../../flux/mes-a/"' in html
    assert 'xlink:href="../../services/mes-agenda/"' in html
    assert 'xlink:href="../../cas-usage/mes-cu1/"' in html


def test_every_link_of_every_diagram_leads_to_a_built_page(site: Path) -> None:
    followed = 0
    for page in site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r' id="([^"]+)"', html))
        for svg in re.findall(r"<svg.*?</svg>", html, flags=re.DOTALL):
            links = re.findall(r'xlink:href="([^"]*)"', svg)
            # SVG 2's href, which crawlers and link checkers follow, beside every xlink:href.
            assert re.findall(r' href="([^"]*)"', svg) == links, page.relative_to(site)
            for link in links:
                if link.startswith("#"):  # the print view: the pages of a part are sections of its page
                    assert link[1:] in ids, f"{page.relative_to(site)} : {link}"
                    followed += 1
                    continue
                target = (page.parent / link.partition("#")[0]).resolve() / "index.html"
                assert target.is_file(), f"{page.relative_to(site)} : {link}"
                assert site.resolve() in target.parents
                followed += 1
    assert followed > 300


def test_site_is_french(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    assert "lunr.fr" in "".join(p.name for p in (site / "assets/javascripts/lunr/min").iterdir())


def test_no_request_leaves_the_site(site: Path) -> None:
    loads = re.compile(r"""<(?:script|link|img|iframe|source|object)\b[^>]*\b(?:src|href|data)=["']([^"']+)""")
    for page in site.rglob("*.html"):
        for target in loads.findall(page.read_text(encoding="utf-8")):
            assert not re.match(r"(https?:)?//", target), f"{page.relative_to(site)} charge {target}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_downloads_are_published(site: Path) -> None:
    assert (site / "telechargements/framework.json").is_file()
    assert (site / "telechargements/schemas/framework.schema.json").is_file()
    assert (site / "telechargements/schemas/flux/mes-a.schema.json").is_file()


def test_archive_holds_every_schema_of_the_version_byte_for_byte(site: Path) -> None:
    schemas = ROOT / "generated/schemas"
    published = (site / site_paths.SCHEMA_ARCHIVE).read_bytes()
    files = {p.relative_to(schemas).as_posix(): p.read_bytes() for p in schemas.rglob("*") if p.is_file()}
    assert published == archive.build(files)  # the same schemas give the same bytes
    with zipfile.ZipFile(io.BytesIO(published)) as bundle:
        names = sorted(bundle.namelist())
        expected = sorted(f"schemas/{p.relative_to(schemas).as_posix()}" for p in schemas.rglob("*") if p.is_file())
        assert names == expected
        assert "schemas/flux/mes-a.exemple.json" in names
        assert bundle.read("schemas/framework.schema.json") == (schemas / "framework.schema.json").read_bytes()


def test_catalogue_pages_are_built_with_sortable_tables_and_acronym_hovers(site: Path, index: Index) -> None:
    for case in index.cases.values():
        assert (site / site_paths.url(site_paths.case_page(case.task_force, case.id)) / "index.html").is_file()
    html = (site / site_paths.url(site_paths.task_force_page("tf-ph")) / "index.html").read_text(encoding="utf-8")
    assert '<div class="tableau-triable">' in html
    assert "javascripts/tri-tableaux.js" in html
    assert '<abbr title="Maison départementale des personnes handicapées">MDPH</abbr>' in html


def test_acronym_hovers_stay_out_of_the_diagrams(site: Path) -> None:
    html = (site / "vues/pa/index.html").read_text(encoding="utf-8")
    diagrams = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert diagrams
    assert not any("<abbr" in svg for svg in diagrams)
    assert "<abbr" in html


def test_model_reference_documents_every_class_and_field_in_french(site: Path) -> None:
    html = (site / "reference/modele/index.html").read_text(encoding="utf-8")
    text = html_unescape(re.sub(r"<[^>]+>", "", html))
    for cls in (Framework, Flow, Service, Question, CatalogueCase, SourceRef):
        assert f"Champs de « {cls.__name__} »" in html
        for name, field in cls.model_fields.items():
            assert f"<code>{field.alias or name}</code>" in html
            assert field.description is None or field.description in text
    assert "<td><code>unidirectional</code></td>" in html and "Unidirectionnel" in html
    assert "Fields:" not in html and "Attributes:" not in html


def test_publishing_workflow_tests_then_publishes_the_built_site() -> None:
    workflow = _yaml(ROOT / ".github/workflows/pages.yml")
    build = workflow["jobs"]["construire"]
    commands = [step.get("run", "") for step in build["steps"]]
    assert commands.index("make test") < commands.index("make site")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == _yaml(ROOT / "mkdocs.yml")["site_dir"]
    assert workflow["jobs"]["publier"]["needs"] == "construire"
