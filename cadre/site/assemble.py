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


class AssemblyError(tree.TreeError):
    """The tree cannot be assembled: a collision, a missing input or include (message in French)."""


def _files(directory: Path) -> dict[str, Path]:
    """Files under ``directory`` by relative POSIX path, in a stable order."""
    if not directory.is_dir():
        return {}
    return {p.relative_to(directory).as_posix(): p for p in sorted(directory.rglob("*")) if p.is_file()}


def _inline(page: str, markdown: str, generated: Path, glossary: Glossary) -> str:
    """``markdown`` with each include replaced, and the glossary's definitions of the page appended.

    A diagram's include becomes its placeholder (:mod:`cadre.site.diagrams`), any other include the file's
    lines.
    """
    missing: list[str] = []

    def include(match: re.Match[str]) -> str:
        indent, relative = match.group(1), match.group(2)
        path = generated / relative
        if ".." in Path(relative).parts or not path.is_file():
            missing.append(relative)
            return match.group(0)
        if diagrams.is_placeable(relative):
            return diagrams.placeholder(relative, path.read_bytes(), indent)
        return "\n".join(indent + line for line in path.read_text(encoding="utf-8").splitlines())

    text = _INCLUDE.sub(include, markdown)
    if missing:
        raise AssemblyError(
            f"La page {page} inclut des fichiers absents de generated/ : {', '.join(missing)}. "
            "Lancez « make generate », ou corrigez la ligne « --8<-- »."
        )
    definitions = glossary.of(text)
    return f"{text.rstrip()}\n\n\n{definitions}" if definitions else text


def outputs(root: Path) -> dict[str, str | bytes]:
    """Every file of the assembled tree, by relative path.

    Raises:
        AssemblyError: a generated file would replace a hand-written one, or ``generated/`` is incomplete.

    """
    generated = root / "generated"
    pages = generated / "docs"
    schemas = generated / "schemas"
    framework = generated / "framework.json"
    if not pages.is_dir() or not schemas.is_dir() or not framework.is_file():
        raise AssemblyError("Le dossier generated/ est absent ou incomplet : lancez « make generate ».")
    glossary_file = generated / _GLOSSARY
    glossary = Glossary(glossary_file.read_text(encoding="utf-8") if glossary_file.is_file() else "")

    sources: dict[str, Path] = {}
    collisions: list[str] = []
    wanted = [
        *_files(root / "docs").items(),
        *_files(pages).items(),
        (f"{DOWNLOADS}/framework.json", framework),
        *((f"{DOWNLOADS}/schemas/{relative}", path) for relative, path in _files(schemas).items()),
        *((f"{DOWNLOADS}/{EXPLORER}/{relative}", path) for relative, path in _files(generated / EXPLORER).items()),
    ]
    for relative, path in wanted:
        if relative in sources:
            collisions.append(
                f"  - {path.relative_to(root)} → {relative} (déjà produit par {sources[relative].relative_to(root)})"
            )
        else:
            sources[relative] = path
    if site_paths.SCHEMA_ARCHIVE in sources:
        collisions.append(f"  - {site_paths.SCHEMA_ARCHIVE} (l'archive des schémas, déjà produit par {sources[site_paths.SCHEMA_ARCHIVE]})")
    if collisions:
        raise AssemblyError(
            "Des fichiers générés entrent en collision avec des fichiers déjà présents dans le site "
            "(en général écrits à la main dans docs/) ; renommez ou supprimez le fichier de docs/ :\n"
            + "\n".join(collisions)
        )

    result: dict[str, str | bytes] = {}
    for relative, path in sources.items():
        if relative.endswith(".md") and Path(relative).name != menu.NAV_FILE:
            result[relative] = _inline(relative, path.read_text(encoding="utf-8"), generated, glossary)
        else:
            result[relative] = path.read_bytes()
    result[site_paths.SCHEMA_ARCHIVE] = archive.build(schemas)
    _add_print_view(result)
    return result


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
