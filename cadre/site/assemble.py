"""The source tree of the site, as files, before any site generator runs: ``build/site-src/``.

``mkdocs.yml``'s ``docs_dir`` points here, so MkDocs and Zensical read the same tree and need no hook to
find a page. The tree holds:

- the hand-written pages and assets of ``docs/``;
- the generated pages of ``generated/docs/``, at the same relative paths (``flux/mes-a.md``);
- the downloads: ``telechargements/framework.json``, ``telechargements/schemas/**``, the explorer's index
  ``telechargements/explorateur/**`` and the archive of the schemas (:mod:`cadre.site.archive`);
- the print view's pages, ``imprimer/``, one per part of the menu, and its entry at the end of the menu
  (:mod:`cadre.site.print_view`; their body is filled after the build).

The includes and the glossary's hovers are resolved here, not by the site generator: each ``--8<--
"diagrams/….svg"`` line becomes a placeholder that names the diagram and carries a digest of it, replaced
by the SVG once the site is built (:mod:`cadre.site.diagrams`), and each page gets the definitions of
``abbreviations.md`` whose acronyms it holds (:mod:`cadre.site.glossary`; what ``pymdownx.snippets`` did
with ``auto_append``, for every definition). So a page's source changes when its diagram does, and
``mkdocs serve --dirty`` renders it again without being told.

The tree is written by :func:`cadre.output.writer.write`: replaced at once, unchanged files keeping their inode
and mtime, nothing written when nothing changed; the same inputs give the same bytes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cadre.output import site_paths, tree, writer
from cadre.site import archive, diagrams, menu, print_view
from cadre.site.glossary import Glossary

SOURCE = Path("build") / "site-src"
"""Where the assembled tree goes, relative to the root of the repository (git-ignored)."""

DOWNLOADS = "telechargements"
EXPLORER = "explorateur"
"""Folder of ``generated/`` with the explorer's index and its schema, published under the downloads."""
_INCLUDE = re.compile(r'^([ \t]*)--8<--[ \t]+"([^"\n]+)"[ \t]*$', re.MULTILINE)
_GLOSSARY = "abbreviations.md"
_FRAMEWORK = "framework.json"
_INCOMPLETE = "Le dossier generated/ est absent ou incomplet : lancez « make generate »."


class AssemblyError(tree.TreeError):
    """The tree cannot be assembled: a collision, a missing input or include (message in French)."""


def read_tree(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` by relative POSIX path, in a stable order."""
    if not directory.is_dir():
        return {}
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def _text(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


@dataclass(frozen=True)
class _Page:
    """A page as it was last assembled: what it was made of, and the result."""

    source: str
    glossary: str
    includes: tuple[tuple[str, str | bytes], ...]
    result: str


def _inline(page: str, markdown: str, generated: Mapping[str, str | bytes], glossary: Glossary) -> _Page:
    """``markdown`` with each include replaced, and the glossary's definitions of the page appended.

    A diagram's include becomes its placeholder (:mod:`cadre.site.diagrams`), any other include the file's
    lines.
    """
    missing: list[str] = []
    included: dict[str, str | bytes] = {}

    def include(match: re.Match[str]) -> str:
        indent, relative = match.group(1), match.group(2)
        content = generated.get(relative)
        if ".." in Path(relative).parts or content is None:
            missing.append(relative)
            return match.group(0)
        included[relative] = content
        if diagrams.is_placeable(relative):
            return diagrams.placeholder(relative, _bytes(content), indent)
        return "\n".join(indent + line for line in _text(content).splitlines())

    text = _INCLUDE.sub(include, markdown)
    if missing:
        raise AssemblyError(
            f"La page {page} inclut des fichiers absents de generated/ : {', '.join(missing)}. "
            "Lancez « make generate », ou corrigez la ligne « --8<-- »."
        )
    definitions = glossary.of(text)
    result = f"{text.rstrip()}\n\n\n{definitions}" if definitions else text
    return _Page(markdown, glossary.source, tuple(included.items()), result)


class Assembly:
    """The assembled tree made from its inputs, each page and the archive remembered for the next time.

    The preview (:mod:`cadre.publish.preview`) keeps one across rebuilds: after an edit, only the pages
    whose source, diagrams or glossary changed are assembled again, and the archive only when a schema
    changed. The result is always what a fresh one gives.
    """

    def __init__(self) -> None:
        self._pages: dict[str, _Page] = {}
        self._archive: tuple[dict[str, bytes], bytes] | None = None
        self._known_glossary: Glossary | None = None

    def _page(self, relative: str, source: str, generated: Mapping[str, str | bytes], glossary: Glossary) -> str:
        known = self._pages.get(relative)
        if (
            known is None
            or known.source != source
            or known.glossary != glossary.source
            or any(generated.get(path) != content for path, content in known.includes)
        ):
            known = self._pages[relative] = _inline(relative, source, generated, glossary)
        return known.result

    def _glossary(self, source: str) -> Glossary:
        """The glossary read from ``source``, made again only when it changed (its pattern costs to build)."""
        if self._known_glossary is None or self._known_glossary.source != source:
            self._known_glossary = Glossary(source)
        return self._known_glossary

    def _schemas(self, schemas: dict[str, bytes]) -> bytes:
        if self._archive is None or self._archive[0] != schemas:
            self._archive = (schemas, archive.build(schemas))
        return self._archive[1]

    def outputs(self, docs: Mapping[str, bytes], generated: Mapping[str, str | bytes]) -> dict[str, str | bytes]:
        """Every file of the assembled tree, by relative path, from ``docs/`` and ``generated/`` (by relative path).

        Raises:
            AssemblyError: a generated file would replace a hand-written one, or ``generated/`` is incomplete.

        """
        schemas = {p.removeprefix("schemas/"): _bytes(c) for p, c in generated.items() if p.startswith("schemas/")}
        if _FRAMEWORK not in generated:
            raise AssemblyError(_INCOMPLETE)
        glossary = self._glossary(_text(generated.get(_GLOSSARY, "")))
        sources = _sources(docs, generated)
        result: dict[str, str | bytes] = {}
        for relative, (_, content) in sources.items():
            if relative.endswith(".md") and Path(relative).name != menu.NAV_FILE:
                result[relative] = self._page(relative, _text(content), generated, glossary)
            else:
                result[relative] = content
        result[site_paths.SCHEMA_ARCHIVE] = self._schemas(schemas)
        _add_print_view(result)
        return result


def _sources(docs: Mapping[str, bytes], generated: Mapping[str, str | bytes]) -> dict[str, tuple[str, str | bytes]]:
    """Each file of the tree before assembly: where it comes from (shown in messages) and its content.

    Raises:
        AssemblyError: two inputs would give one file.

    """
    wanted: list[tuple[str, str, str | bytes]] = [(relative, f"docs/{relative}", c) for relative, c in docs.items()]
    for path, content in sorted(generated.items()):
        if path.startswith("docs/"):
            wanted.append((path.removeprefix("docs/"), f"generated/{path}", content))
        elif path == _FRAMEWORK or path.startswith(("schemas/", f"{EXPLORER}/")):
            wanted.append((f"{DOWNLOADS}/{path}", f"generated/{path}", content))
    sources: dict[str, tuple[str, str | bytes]] = {}
    collisions: list[str] = []
    for relative, origin, content in wanted:
        if relative in sources:
            collisions.append(f"  - {origin} → {relative} (déjà produit par {sources[relative][0]})")
        else:
            sources[relative] = (origin, content)
    if site_paths.SCHEMA_ARCHIVE in sources:
        collisions.append(
            f"  - {site_paths.SCHEMA_ARCHIVE} (l'archive des schémas, "
            f"déjà produit par {sources[site_paths.SCHEMA_ARCHIVE][0]})"
        )
    if collisions:
        raise AssemblyError(
            "Des fichiers générés entrent en collision avec des fichiers déjà présents dans le site "
            "(en général écrits à la main dans docs/) ; renommez ou supprimez le fichier de docs/ :\n"
            + "\n".join(collisions)
        )
    return dict(sorted(sources.items()))


def outputs(root: Path) -> dict[str, str | bytes]:
    """Every file of the assembled tree, by relative path, from ``root/docs`` and ``root/generated``.

    Raises:
        AssemblyError: a generated file would replace a hand-written one, or ``generated/`` is incomplete.

    """
    return Assembly().outputs(read_tree(root / "docs"), read_generated(root))


def read_generated(root: Path) -> dict[str, bytes]:
    """Every file of ``root/generated`` by relative path.

    Raises:
        AssemblyError: ``generated/`` is missing, or lacks its pages, its schemas or ``framework.json``.

    """
    generated = root / "generated"
    if not (generated / "docs").is_dir() or not (generated / "schemas").is_dir():
        raise AssemblyError(_INCOMPLETE)
    return read_tree(generated)


def _add_print_view(result: dict[str, str | bytes]) -> None:
    """Add the print view's pages to the tree, and its entry at the end of the menu."""

    def read(relative: str) -> str | None:
        content = result.get(relative)
        return content.decode("utf-8") if isinstance(content, bytes) else content

    try:
        parts = print_view.parts(read)
    except menu.NavError as error:
        raise AssemblyError(str(error)) from error
    pages = print_view.sources(parts)
    taken = sorted(relative for relative in result if relative.startswith(f"{print_view.DIR}/"))
    if taken:
        raise AssemblyError(
            f"Le dossier {print_view.DIR}/ est réservé à la version imprimable ; renommez ou supprimez : "
            + ", ".join(taken)
        )
    entries = (read(menu.NAV_FILE) or "").rstrip("\n")
    result[menu.NAV_FILE] = f"{entries}\n{print_view.MENU_ENTRY}"
    result.update(pages)


def assemble(root: Path) -> writer.Changes:
    """Bring ``root/build/site-src`` up to date, at once; what changed in it. The caller holds the lock.

    Raises:
        AssemblyError: see :func:`outputs`.
        cadre.output.tree.TreeError: the tree could not be written; it is untouched.

    """
    target = root / SOURCE
    tree.recover(target)
    return writer.write(outputs(root), target)


def run(root: Path) -> int:
    """``python -m cadre assemble``: assemble under the lock of ``root``; print what changed; exit code."""
    try:
        with tree.locked(root, f"assembler {SOURCE.as_posix()}/"):
            changes = assemble(root)
    except tree.TreeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{SOURCE.as_posix()}/ : {_count(changes)}.")
    return 0


def _count(changes: writer.Changes) -> str:
    if not changes:
        return "à jour"
    return f"{len(changes.added)} ajouté(s), {len(changes.changed)} modifié(s), {len(changes.removed)} supprimé(s)"
