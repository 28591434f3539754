"""``make serve``: after an edit, the preview shows it, on the edited page and wherever it appears."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import edit

from cadre.bench import serve
from cadre.bench.edits import edit_flow
from cadre.bench.synthetic import SITE_FILES
from cadre.generate import ROOT, run_generate
from cadre.output.writer import Changes
from cadre.publish.preview import Stale, latest_entries, stale


def test_a_changed_page_or_download_needs_nothing_more_a_menu_every_page() -> None:
    changed = ["flux/mes-a.md", "vues/mes.md", "telechargements/framework.json", "stylesheets/diagrammes.css"]
    assert stale(Changes(changed=changed)) == Stale()  # a diagram is written into its page (cadre/site/assemble.py)
    for everything in (
        Changes(changed=["flux/SUMMARY.md"]),
        Changes(changed=["SUMMARY.md"]),
        Changes(added=["flux/mes-z.md"]),
        Changes(removed=["services/dmp.md"]),
        Changes(changed=["something-new.txt"]),
    ):
        assert stale(everything).everything, everything


def test_the_preview_search_keeps_only_each_pages_latest_entries() -> None:
    docs = [
        {"location": "a/", "text": "old a"},
        {"location": "a/#x", "text": "old a x"},
        {"location": "b/", "text": "b"},
        {"location": "c/", "text": "old c"},
        {"location": "a/", "text": "new a"},
        {"location": "c/", "text": "new c"},
        {"location": "c/#y", "text": "new c y"},
    ]
    assert [d["text"] for d in latest_entries(docs)] == ["b", "new a", "new c", "new c y"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """``mkdocs serve`` as ``make serve`` runs it, in a copy of the repository."""
    root = tmp_path_factory.mktemp("preview") / "depot"
    for name in ("model", "generated", *SITE_FILES):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)
    (root / "cadre").symlink_to(ROOT / "cadre", target_is_directory=True)
    assert run_generate(root) == 0
    with serve.serving(root) as url:
        yield root, url


def test_an_edited_flow_description_shows_on_its_page_and_in_the_print_view(server: tuple[Path, str]) -> None:
    root, url = server
    edit_flow(root, "mes-a", "Zorglub.")
    serve.wait(url + "flux/mes-a/", "Zorglub.", 60)
    printed = serve.page(url + "imprimer/flux/") or ""
    assert "Zorglub." in printed
    assert '<section class="impression-page" id="flux-mes-b">' in printed  # a page this rebuild did not render


def test_an_edited_flow_title_shows_in_its_views_diagram_and_in_every_pages_menu(server: tuple[Path, str]) -> None:
    root, url = server
    title = "        title: Alimentation de l'agenda de MES"
    edit(root / "model/content/views/mes.yaml", title, title.replace("Alimentation", "Bzzlu"))
    serve.wait(url + "vues/mes/", "Bzzlu", 120)
    time.sleep(1)
    # The menu shows the flow's title on the pages of its group (navigation.prune): their sources do not
    # name it, so only the menu's change renders them again. Elsewhere the group is one link.
    for page in ("flux/mes-b/", "flux/mes-e/"):
        menu = (
            (serve.page(url + page) or "").split('class="md-nav md-nav--primary"')[1].split("md-sidebar--secondary")[0]
        )
        assert "Flux A — Bzzlu de l" in menu, page
    svg = (serve.page(url + "vues/mes/") or "").split('id="mes-flux--title"')[1]
    assert "Flux A : Bzzlu de l" in svg  # the tooltip of the arrow, in the diagram
    index = json.loads(serve.page(url + "search/search_index.json") or "{}")
    locations = [d["location"] for d in index["docs"]]
    assert len(locations) == len(set(locations))


def test_an_edit_is_one_rebuild_the_servers_own_writes_start_no_other(server: tuple[Path, str]) -> None:
    """The preview writes ``generated/`` and the assembled tree itself: watching them would rebuild twice."""
    root, url = server
    log = root / "serve.log"
    time.sleep(serve.SETTLE)
    before = log.read_text(encoding="utf-8").count("Building documentation")
    edit_flow(root, "mes-b", "Vérifié.")
    serve.wait(url + "flux/mes-b/", "Vérifié.", 60)
    time.sleep(2 * serve.SETTLE)
    assert log.read_text(encoding="utf-8").count("Building documentation") == before + 1
