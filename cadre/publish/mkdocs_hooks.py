"""Crochets MkDocs (``hooks:`` dans mkdocs.yml) : l'aperçu (``mkdocs serve``), et les schémas à leur place.

Ils ne produisent aucun contenu : les pages, les téléchargements, les survols du glossaire, la place
des schémas SVG, comme les pages de la version imprimable, sont déjà dans l'arborescence assemblée
(``build/site-src/``, :mod:`cadre.site.assemble`), que MkDocs et Zensical lisent tous deux ; les schémas,
le remplissage de la version imprimable, la recherche sans accents et la politique de sécurité du contenu
sont appliqués après la construction par ``python -m cadre.publish`` (:mod:`cadre.site.post_build`), quel
que soit le générateur. Ce qui reste ici, un lecteur du site publié ne le verrait pas manquer :

- ``on_pre_build`` : sous ``mkdocs serve`` uniquement, régénère ``generated/`` (ne refait que ce qui a
  changé) puis réassemble ``build/site-src/`` (:func:`cadre.publish.preview.regenerate`), pour qu'une
  modification d'un fichier YAML de ``model/`` ou d'une page de ``docs/`` apparaisse dans l'aperçu. En
  cas d'erreur du modèle, un avertissement est journalisé, l'ancienne sortie reste en place et le
  serveur continue.

- sous ``mkdocs serve --dirty`` (``make serve``), MkDocs ne refait que les pages dont la source est plus
  récente que la page produite (une page dont un schéma change change elle-même, le schéma y étant
  inséré) ; ``on_files`` supprime en plus la page produite de toutes les pages quand le menu ou
  ``mkdocs.yml`` changent (``cadre.publish.preview``) ; l'index de recherche garde la dernière version de
  chaque page.

- ``on_post_page`` : met chaque schéma SVG à la place qui l'attend dans la page
  (:mod:`cadre.site.diagrams`), pour l'aperçu comme pour un ``mkdocs build`` lancé directement ; la
  construction de ``make site`` n'en trouve alors plus à placer.

- ``on_post_build`` : sous ``mkdocs serve``, remplit les pages de la version imprimable avec les pages
  de leur partie (``cadre.site.print_view.fill``) et rend la recherche de l'aperçu insensible aux accents
  (``cadre.site.post_build.fold_search_index``) ; ``on_files`` fait refaire à chaque reconstruction les
  pages de la version imprimable, que ``--dirty`` garderait sinon telles qu'elles ont été remplies.

Seuls les fichiers YAML et ``docs/`` sont relus à chaque reconstruction : une modification du code
Python (``model/*.py``, ``cadre/*.py``) demande de relancer ``make serve``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from cadre.site import post_build, print_view
from cadre.site.diagrams import DiagramError, Diagrams

if TYPE_CHECKING:
    from cadre.publish.preview import Stale

log = logging.getLogger("mkdocs.plugins.cadre")


class _State:
    """Commande MkDocs en cours (« build », « serve »…), fixée par on_startup."""

    command: str | None = None
    dirty: bool = False
    stale: Stale | None = None
    """Pages made stale by the last regeneration (``mkdocs serve`` only)."""
    signature: tuple[object, ...] | None = None
    """What every page showed at the previous build (``mkdocs serve --dirty`` only)."""
    diagrams: Diagrams | None = None
    """The diagrams of ``generated/``, read once each."""


_state = _State()


def repo_root(config: MkDocsConfig) -> Path:
    """Racine du dépôt : le dossier qui contient mkdocs.yml."""
    if config.config_file_path:
        return Path(config.config_file_path).resolve().parent
    return Path(__file__).resolve().parents[2]


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Retient la commande MkDocs lancée (``build``, ``serve``…)."""
    _state.command = command
    _state.dirty = dirty


def on_pre_build(config: MkDocsConfig) -> None:
    """Sous ``mkdocs serve``, régénère generated/ et réassemble build/site-src/ avant chaque reconstruction."""
    if _state.command != "serve":
        return
    root = repo_root(config)
    from cadre.output.tree import TreeError  # lazy, as below

    try:
        from cadre.publish.preview import regenerate  # lazy: only `mkdocs serve` regenerates

        stale = regenerate(root)
    except TreeError as error:
        log.warning("%s\nLe site continue avec la sortie précédente.", error)
        return
    except Exception:
        log.warning(
            "Échec de la régénération de generated/ ; le site continue avec la sortie précédente.",
            exc_info=True,
        )
        return
    if stale is None:
        log.warning(
            "Le modèle contient des erreurs (voir ci-dessus) : generated/ n'a pas été "
            "mis à jour, le site affiche la version précédente des pages générées."
        )
        return
    _state.stale = stale


def _signature(config: MkDocsConfig, files: Files) -> tuple[object, ...]:
    """What every page shows besides its own source: the configuration, the menu, the set of pages."""
    watched = [Path(config.config_file_path or ""), Path(config.docs_dir) / "SUMMARY.md"]
    times = tuple(p.stat().st_mtime_ns if p.is_file() else None for p in watched)
    return (*times, frozenset(f.src_uri for f in files.documentation_pages()))


def _expire(files: Files, config: MkDocsConfig) -> None:
    """Under ``mkdocs serve --dirty``, delete the built pages to render again (see cadre.publish.preview)."""
    from cadre.publish.preview import Stale

    stale, _state.stale = _state.stale, None
    signature, previous = _signature(config, files), _state.signature
    _state.signature = signature
    if previous is not None and previous != signature:
        stale = Stale(everything=True)
    if stale is None or not stale.everything:
        return
    for file in files.documentation_pages():
        Path(file.abs_dest_path).unlink(missing_ok=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Under ``mkdocs serve --dirty``, expire the built pages that an edit made stale."""
    if _state.command == "serve" and _state.dirty:
        _expire(files, config)
        for file in files.documentation_pages():
            if file.src_uri.startswith(f"{print_view.DIR}/"):
                Path(file.abs_dest_path).unlink(missing_ok=True)  # its filling reflects the other pages
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Met les schémas SVG de la page à la place de leurs marques (:mod:`cadre.site.diagrams`)."""
    root = repo_root(config)
    if _state.diagrams is None or _state.diagrams.generated != root / "generated":
        _state.diagrams = Diagrams(root / "generated")
    try:
        return _state.diagrams.insert(output)
    except DiagramError as error:
        log.warning("%s (page %s)", error, page.file.src_uri)
        return output


def on_post_build(config: MkDocsConfig) -> None:
    """Under ``mkdocs serve``, fill the print view and make the preview's search find words typed without accents.

    The published site gets the same, and its Content-Security-Policy, from ``cadre.publish.build``
    (:func:`cadre.site.post_build.finish`): a direct ``mkdocs build`` has none of them.
    """
    if _state.command != "serve":
        return
    print_view.fill(Path(config.site_dir), Path(config.docs_dir))
    keep = None
    if _state.dirty:
        from cadre.publish.preview import latest_entries

        keep = latest_entries
    post_build.fold_search_index(Path(config.site_dir), keep)
