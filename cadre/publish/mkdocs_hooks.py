"""Crochets MkDocs (``hooks:`` dans mkdocs.yml) : l'aperçu (``mkdocs serve``), et les schémas à leur place.

Ils ne produisent aucun contenu : les pages, les téléchargements, les survols du glossaire, la place
des schémas SVG, comme les pages de la version imprimable, sont déjà dans l'arborescence assemblée
(``build/site-src/``, :mod:`cadre.site.assemble`), que MkDocs et Zensical lisent tous deux ; les schémas,
le remplissage de la version imprimable, la recherche sans accents et la politique de sécurité du contenu
sont appliqués après la construction par ``python -m cadre.publish`` (:mod:`cadre.site.post_build`), quel
que soit le générateur. Ce qui reste ici, un lecteur du site publié ne le verrait pas manquer :

- ``on_serve`` : ne surveille que les sources, ``model/``, ``docs/`` et ``mkdocs.yml``, pas les deux
  arborescences que l'aperçu écrit lui-même (``generated/`` et ``build/site-src/``) : chaque
  reconstruction en déclencherait une seconde ; les sources sont regardées toutes les 0,1 s.

- ``on_config`` : sous ``mkdocs serve``, pas de ``sitemap.xml`` (la liste des pages pour les moteurs de
  recherche, qu'il faudrait refaire à chaque modification).

- ``on_pre_build`` : sous ``mkdocs serve`` uniquement, régénère ``generated/`` puis réassemble
  ``build/site-src/`` en n'écrivant que ce qui change (:class:`cadre.publish.preview.Session`), pour
  qu'une modification d'un fichier YAML de ``model/`` ou d'une page de ``docs/`` apparaisse dans
  l'aperçu. En cas d'erreur du modèle, un avertissement est journalisé, l'ancienne sortie reste en
  place et le serveur continue.

- sous ``mkdocs serve --dirty`` (``make serve``), MkDocs ne refait que les pages dont la source est plus
  récente que la page produite (une page dont un schéma change change elle-même, le schéma y étant
  inséré) ; ``on_files`` supprime en plus la page produite de toutes les pages quand le menu ou
  ``mkdocs.yml`` changent (``cadre.publish.preview``), et ne fait refaire qu'alors la page 404, qui ne
  montre que le menu ; l'index de recherche garde la dernière version de chaque page.

- ``on_post_page`` : met chaque schéma SVG à la place qui l'attend dans la page
  (:mod:`cadre.site.diagrams`), pour l'aperçu comme pour un ``mkdocs build`` lancé directement ; la
  construction de ``make site`` n'en trouve alors plus à placer.

- ``on_post_build`` : sous ``mkdocs serve``, remplit les pages de la version imprimable avec les pages
  de leur partie (:class:`cadre.site.print_fill.Filler`, qui ne remplit de nouveau que celles dont une
  page a changé) et rend la recherche de l'aperçu insensible aux accents
  (``cadre.site.post_build.fold_search_index``).

- ``on_nav``, ``on_env``, ``on_build_error`` and ``on_post_build``: under ``mkdocs build`` (not ``--dirty``),
  the pages are converted and rendered by one process per core (:mod:`cadre.publish.parallel`), to the
  same bytes as in one.

Seuls les fichiers YAML et ``docs/`` sont relus à chaque reconstruction : une modification du code
Python (``model/*.py``, ``cadre/*.py``) demande de relancer ``make serve``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import jinja2
import jinja2.bccache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cadre.publish import parallel
from cadre.site import post_build, print_fill, print_view
from cadre.site.diagrams import DiagramError, Diagrams

if TYPE_CHECKING:
    from mkdocs.livereload import LiveReloadServer

    from cadre.publish.preview import Session, Stale

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
    session: Session | None = None
    """What the preview remembers between rebuilds (``mkdocs serve`` only)."""
    filler = print_fill.Filler()
    """The print view's filling, remembered between rebuilds: only what changed is filled again."""


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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Under ``mkdocs serve``, no ``sitemap.xml``: a search engine's list of the pages, rebuilt for every edit.

    At ten times the model it lists a thousand pages and took 0.15 s of each rebuild; the published site
    (``make site``) has it.
    """
    if _state.command == "serve":
        config.theme.static_templates.discard("sitemap.xml")
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Sous ``mkdocs serve``, régénère generated/ et réassemble build/site-src/ avant chaque reconstruction."""
    if _state.command != "serve":
        return
    root = repo_root(config)
    from cadre.output.tree import TreeError  # lazy, as below

    try:
        from cadre.publish.preview import Session  # lazy: only `mkdocs serve` regenerates

        if _state.session is None:
            _state.session = Session()
        stale = _state.session.regenerate(root)
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


POLL = 0.1
"""Seconds between two looks at the sources (MkDocs looks every 0.5 s; the sources are a few dozen files)."""


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Watch the sources only, not the trees that the preview writes itself, and look at them more often.

    MkDocs watches ``docs_dir``, the assembled tree that :func:`on_pre_build` rewrites: each rebuild would
    start another one, and polling its thousands of files slows every build down. The sources are
    ``model/`` and ``docs/`` (``watch:`` in ``mkdocs.yml``, watched after this hook) and ``mkdocs.yml``.
    The watcher still polls (MkDocs' choice: it also sees edits on shared or network disks), every
    :data:`POLL` seconds.
    """
    from watchdog.observers.polling import PollingObserver

    server.unwatch(config.docs_dir)
    watched = [config.config_file_path] if config.config_file_path else []
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL)  # not started yet: MkDocs starts it after the hooks
    for path in watched:
        server.watch(path)
    return server


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
        if (Path(config.site_dir) / "404.html").is_file():
            config.theme.static_templates.discard("404.html")  # it shows the menu only, which has not changed
        return
    for file in files.documentation_pages():
        Path(file.abs_dest_path).unlink(missing_ok=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Under ``mkdocs serve --dirty``, expire the built pages that an edit made stale."""
    if _state.command == "serve" and _state.dirty:
        _expire(files, config)
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


class _Compiled(jinja2.BytecodeCache):
    """The theme's templates compiled once per ``mkdocs serve``, not again for each rebuild.

    MkDocs makes a new Jinja environment for each build; Jinja checks each template's source against
    the checksum it compiled (an edited ``overrides/`` template is compiled again).
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_compiled = _Compiled()


def _shared() -> bool:
    """Whether this build shares its pages between processes: a full ``mkdocs build`` only."""
    return _state.command == "build" and not _state.dirty


@event_priority(-100)  # last: the navigation as the other plugins leave it
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Under ``mkdocs build``, share the pages' conversion between processes (:mod:`cadre.publish.parallel`)."""
    if _shared():
        parallel.start(config, files, nav)
    return nav


@event_priority(-200)  # after autorefs and mkdocstrings have put their links in the pages (-50, -100)
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Share the pages' rendering (``mkdocs build``); keep the compiled templates between rebuilds (``serve``)."""
    if _state.command == "serve":
        env.bytecode_cache = _compiled
    if _shared():
        parallel.render(env)
    return env


def on_build_error(*, error: Exception) -> None:
    """Stop the processes sharing the build, if any."""
    parallel.finish(failed=True)


def on_post_build(config: MkDocsConfig) -> None:
    """Under ``mkdocs serve``, fill the print view and make the preview's search find words typed without accents.

    The published site gets the same, and its Content-Security-Policy, from ``cadre.publish.build``
    (:func:`cadre.site.post_build.finish`): a direct ``mkdocs build`` has none of them. Under ``mkdocs build``,
    the processes that shared the pages are reaped.
    """
    if _state.command != "serve":
        parallel.finish()
        return
    parts = print_view.parts(print_view.tree_reader(Path(config.docs_dir)))
    _state.filler.fill(Path(config.site_dir), parts)
    keep = None
    if _state.dirty:
        from cadre.publish.preview import latest_entries

        keep = latest_entries
    post_build.fold_search_index(Path(config.site_dir), keep)
