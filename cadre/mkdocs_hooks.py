"""Crochets MkDocs (``hooks:`` dans mkdocs.yml).

- ``on_files`` : publie le contenu de ``generated/`` dans le site :

  * ``generated/docs/**`` au même chemin relatif que s'il était dans ``docs/``
    (``generated/docs/flux/mes-a.md`` → page ``flux/mes-a/``) ; un fichier généré
    qui entre en collision avec un fichier écrit à la main arrête la construction ;
  * ``generated/framework.json`` → ``telechargements/framework.json`` ;
  * ``generated/schemas/**`` → ``telechargements/schemas/**`` ;
  * une archive de ces schémas, ``telechargements/schemas-cadre-de4-v1.zip``, construite
    en mémoire (``cadre/archive.py``) : mêmes schémas, mêmes octets.

- ``on_pre_build`` : sous ``mkdocs serve`` uniquement, régénère ``generated/``
  (``cadre.preview.regenerate``, qui ne refait que ce qui a changé) avant chaque
  reconstruction, pour qu'une modification d'un fichier YAML de ``model/`` apparaisse
  dans l'aperçu. En cas d'erreur du modèle, un avertissement est journalisé,
  l'ancienne sortie reste en place et le serveur continue.

- sous ``mkdocs serve --dirty`` (``make serve``), MkDocs ne refait que les pages dont
  la source est plus récente que la page produite ; ``on_files`` supprime en plus la
  page produite de celles qui incluent un schéma modifié, et de toutes les pages quand
  le menu, les survols du glossaire ou ``mkdocs.yml`` changent (``cadre.preview``) ;
  l'index de recherche garde la dernière version de chaque page.

- ``on_nav`` : ajoute les pages de la version imprimable (``cadre/print_view.py``) :
  ``imprimer/`` à la fin du menu, et une page par partie du menu, hors du menu.

- ``on_post_build`` : remplit chaque page de la version imprimable avec les pages de sa
  partie, liens compris (``cadre/print_view.py``), donne à chaque page sa politique de sécurité du contenu
  (``cadre/csp.py``, sauf sous ``mkdocs serve``), puis rend la recherche insensible aux accents (« securite » trouve
  « sécurité ») : l'index de recherche reçoit, pour chaque section, ses mots accentués
  écrits sans accents, dans un élément masqué (les extraits affichés n'en montrent rien).

Seuls les fichiers YAML sont relus à chaque reconstruction : une modification du
code Python (``model/*.py``, ``cadre/*.py``) demande de relancer ``make serve``.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.nav import Navigation

from cadre import archive, csp, print_view

if TYPE_CHECKING:
    from cadre.preview import Stale

log = logging.getLogger("mkdocs.plugins.cadre")

GENERATED_DIR = "generated"
GENERATED_DOCS_DIR = "docs"
FRAMEWORK_JSON = "framework.json"
SCHEMAS_DIR = "schemas"
DOWNLOADS_URI = "telechargements"


class _State:
    """Commande MkDocs en cours (« build », « serve »…), fixée par on_startup."""

    command: str | None = None
    dirty: bool = False
    stale: Stale | None = None
    """Pages made stale by the last regeneration (``mkdocs serve`` only)."""
    signature: tuple[object, ...] | None = None
    """What every page showed at the previous build (``mkdocs serve --dirty`` only)."""
    parts: list[print_view.Part] = []  # noqa: RUF012 (one instance)
    """The parts of the print view, from the menu of the current build."""


_state = _State()


def repo_root(config: MkDocsConfig) -> Path:
    """Racine du dépôt : le dossier qui contient mkdocs.yml."""
    if config.config_file_path:
        return Path(config.config_file_path).resolve().parent
    return Path(__file__).resolve().parent.parent


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Retient la commande MkDocs lancée (``build``, ``serve``…)."""
    _state.command = command
    _state.dirty = dirty


def on_pre_build(config: MkDocsConfig) -> None:
    """Sous ``mkdocs serve``, régénère generated/ avant chaque reconstruction."""
    if _state.command != "serve":
        return
    root = repo_root(config)
    from cadre.tree import TreeError  # lazy, as below

    try:
        from cadre.preview import regenerate  # lazy: only `mkdocs serve` regenerates

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
            "mis à jour, le site affiche la version précédente."
        )
        return
    _state.stale = stale


def _signature(config: MkDocsConfig, files: Files) -> tuple[object, ...]:
    """What every page shows besides its own source: the configuration, the menu, the set of pages."""
    watched = [Path(config.config_file_path or ""), Path(config.docs_dir) / "SUMMARY.md"]
    times = tuple(p.stat().st_mtime_ns if p.is_file() else None for p in watched)
    return (*times, frozenset(f.src_uri for f in files.documentation_pages()))


def _expire(files: Files, config: MkDocsConfig) -> None:
    """Under ``mkdocs serve --dirty``, delete the built pages that must be rendered again (see cadre.preview)."""
    from cadre.preview import Stale

    stale, _state.stale = _state.stale, None
    signature, previous = _signature(config, files), _state.signature
    _state.signature = signature
    if previous is not None and previous != signature:
        stale = Stale(everything=True)
    if stale is None or not (stale.everything or stale.diagrams):
        return
    for file in files.documentation_pages():
        source = file.abs_src_path
        if stale.everything or not source or stale.includes(Path(source).read_text(encoding="utf-8")):
            Path(file.abs_dest_path).unlink(missing_ok=True)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Add the print view's pages: ``imprimer/`` at the end of the menu, one page per part outside it."""
    _state.parts = print_view.add_pages(nav, config, files)
    return nav


def _walk(directory: Path) -> Iterator[Path]:
    """Fichiers sous ``directory``, en ordre stable."""
    return (p for p in sorted(directory.rglob("*")) if p.is_file())


def _collect(config: MkDocsConfig, root: Path) -> list[File]:
    generated = root / GENERATED_DIR
    wanted: list[tuple[str, Path]] = []

    docs = generated / GENERATED_DOCS_DIR
    if docs.is_dir():
        wanted += [(p.relative_to(docs).as_posix(), p) for p in _walk(docs)]
    else:
        log.warning(
            "Dossier %s absent : pages générées manquantes. Lancez « make generate ».",
            docs,
        )

    framework = generated / FRAMEWORK_JSON
    if framework.is_file():
        wanted.append((f"{DOWNLOADS_URI}/{FRAMEWORK_JSON}", framework))
    else:
        log.warning("Fichier %s absent. Lancez « make generate ».", framework)

    schemas = generated / SCHEMAS_DIR
    if schemas.is_dir():
        wanted += [(f"{DOWNLOADS_URI}/{SCHEMAS_DIR}/{p.relative_to(schemas).as_posix()}", p) for p in _walk(schemas)]
    else:
        log.warning("Dossier %s absent. Lancez « make generate ».", schemas)

    files = [File.generated(config, uri, abs_src_path=str(path)) for uri, path in wanted]
    if schemas.is_dir():
        files.append(File.generated(config, archive.URI, content=archive.build(schemas)))
    return files


def _describe(file: File) -> str:
    return file.abs_src_path or file.src_uri


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Ajoute au site generated/docs/, framework.json et les schémas JSON."""
    added = _collect(config, repo_root(config))
    by_src = dict(files.src_uris)
    by_dest = {f.dest_uri: f for f in files}
    collisions: list[str] = []
    for new in added:
        old = by_src.get(new.src_uri) or by_dest.get(new.dest_uri)
        if old is not None:
            collisions.append(f"  - {_describe(new)} → {new.dest_uri} (déjà produit par {_describe(old)})")
            continue
        by_src[new.src_uri] = new
        by_dest[new.dest_uri] = new
    if collisions:
        raise PluginError(
            "Des fichiers générés entrent en collision avec des fichiers déjà "
            "présents dans le site (en général écrits à la main dans docs/) ; "
            "renommez ou supprimez le fichier de docs/ :\n" + "\n".join(collisions)
        )
    # Applique exclude_docs, not_in_nav, etc. aux fichiers ajoutés, comme MkDocs le
    # fait pour docs/ (à faire avant literate-nav, qui s'exécute en dernier).
    set_exclusions(added, config)
    for new in added:
        files.append(new)
    if _state.command == "serve" and _state.dirty:
        _expire(files, config)
    return files


_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")


def _fold(word: str) -> str:
    """``Sécurité`` → ``Securite``: the word without its diacritics."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@functools.lru_cache(maxsize=1 << 16)
def _unaccented(html: str) -> str:
    """A hidden element listing the words of ``html`` that carry accents, written without them.

    Remembered: under ``mkdocs serve`` a rebuild folds again only the sections that changed.
    """
    words = sorted({_fold(w) for w in _WORD.findall(_TAG.sub(" ", html)) if _fold(w) != w})
    return f" <span hidden>{' '.join(words)}</span>" if words else ""


def on_post_build(config: MkDocsConfig) -> None:
    """Assemble the print view; make the search index find words typed without accents; give each page its CSP.

    Under ``mkdocs serve`` the pages get no Content-Security-Policy: the live reload injects an inline
    script into every page (the published site, built by ``make site``, has it).
    """
    print_view.assemble(Path(config.site_dir), _state.parts)
    if _state.command != "serve":
        try:
            csp.secure_site(Path(config.site_dir))
        except csp.UnsafePageError as error:
            raise PluginError(str(error)) from None
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    if _state.command == "serve" and _state.dirty:
        from cadre.preview import latest_entries

        index["docs"] = latest_entries(index.get("docs", []))
    for doc in index.get("docs", []):
        doc["title"] = doc.get("title", "") + _unaccented(doc.get("title", ""))
        doc["text"] = doc.get("text", "") + _unaccented(doc.get("text", ""))
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
