"""``make bench``: the time of each stage of the pipeline and its peak memory, at three model sizes.

The sizes are the real model and synthetic models 10 and 100 times its size (:mod:`cadre.bench.synthetic`).
A benchmark, not a test: it prints a table of medians and the growth of each figure relative to the
real model.

Each measurement runs in a fresh Python process (``--worker``), in a temporary copy of the repository:
nothing under the repository is written, and the peak memory of a process is that of its stage.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from cadre.bench import conditions, explorer, printing
from cadre.bench.edits import edit_flow
from cadre.bench.serve import edit_to_page
from cadre.bench.synthetic import make_repository
from cadre.generate import ROOT, outputs_of
from cadre.generators import GENERATORS
from cadre.output import cache, writer
from cadre.output.site_paths import SITE_GENERATORS
from cadre.publish.build import PHASES

SIZES = "1:5,10:3,100:1"
"""Model sizes (times the real model) and runs of each: 100x takes minutes a run, hence one."""

EDITED_FLOW = "mes-a"
"""The flow whose description the benchmark edits (a flow of the real model, in every copy)."""

LOAD = "Chargement et validation du modèle"
WRITE = "Écriture de generated/"
COLD = "Génération complète sans cache (commande)"
COLD_MEMORY = "Mémoire maximale de la génération (Mo)"
WARM = "Génération, cache à jour (commande)"
EDIT = "Régénération après modification d'un flux"
SITE = {name: f"Site par {shown} (assemblage, --strict, finitions)" for name, shown in SITE_GENERATORS.items()}
SITE_PHASES = {name: {phase: f"  {phase} ({shown})" for phase in PHASES} for name, shown in SITE_GENERATORS.items()}
SITE_MEMORY = {name: f"Mémoire maximale, site par {shown} (Mo)" for name, shown in SITE_GENERATORS.items()}
FASTEST_SITE = "Site par le plus rapide des deux"
ZENSICAL_WARM = "Site par Zensical, son cache à jour"
"""Zensical's cache (.cache/) serves a build whose pages did not change: each site build above empties it first."""
PREVIEW = "Aperçu (make serve) : flux modifié visible"

GOAL_SIZE = 10
"""The size the goals are set for: a model ten times the real one (the framework's other study domains)."""

GOALS = {LOAD: 1.5, COLD: 5.0, PREVIEW: 2.0, FASTEST_SITE: 8.0, explorer.READY: 1.0, explorer.FILTERED: 1.0}
"""Seconds at :data:`GOAL_SIZE` times the real model (issue « Fast at the size of the whole framework »)."""

SITE_DIRS = {name: "site" if name == "mkdocs" else f"site-{name}" for name in SITE_GENERATORS}
FORGOTTEN = ("generated", cache.DIRECTORY.parts[0], "build", *SITE_DIRS.values())  # .cache/: Zensical's too
"""What each pass and its generation without cache start without, set aside (:func:`conditions.set_aside`)."""

PRINT_UP_TO = 10
"""Largest size whose print view is opened in Chromium."""

PREVIEW_UP_TO = 10
"""Largest size whose preview is measured: beyond, the first build of ``mkdocs serve`` alone takes minutes."""


def _name(generator: object) -> str:
    generator = generator.func if isinstance(generator, functools.partial) else generator  # the registry binds some
    module = getattr(generator, "__module__", "") or ""
    return f"  {module.rsplit('.', 1)[-1]}.{getattr(generator, '__name__', '?')}"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# --- workers: one stage, in a process of its own ---------------------------------------------------------


def _generate(root: Path) -> dict[str, float]:
    """Load, run each generator, write: the time of each, as a full regeneration does them."""
    from model import Index, load_framework

    times: dict[str, float] = {}
    outputs: dict[str, str] = {}
    with cache.use(root / cache.DIRECTORY, prune=True):
        start = time.perf_counter()
        index = Index(load_framework(root / "model" / "content", shown_from=root, read=cache.read_yaml))
        times[LOAD] = time.perf_counter() - start
        for generator in GENERATORS:
            start = time.perf_counter()
            outputs.update(generator(index))
            times[_name(generator)] = time.perf_counter() - start
    start = time.perf_counter()
    writer.write(outputs, root / "generated")
    times[WRITE] = time.perf_counter() - start
    times[COLD_MEMORY] = _peak_mb()
    return times


def _edit(root: Path) -> dict[str, float]:
    """One flow's description edited, then regenerated in this process, as ``make serve`` does."""
    writer.write(outputs_of(root), root / "generated")
    path = edit_flow(root, EDITED_FLOW, "Modifié.")
    original = path.read_text(encoding="utf-8")
    try:
        start = time.perf_counter()
        changes = writer.write(outputs_of(root), root / "generated")
        elapsed = time.perf_counter() - start
    finally:
        path.write_text(original.replace("Modifié. ", "", 1), encoding="utf-8")
    if not changes:
        raise RuntimeError("la modification du flux n'a rien changé dans generated/")
    return {EDIT: elapsed}


def _site(root: Path, generator: str, fresh: bool = True) -> dict[str, float]:
    """Build the site as ``make site`` does (assembly, strict build, finishing) with ``generator``.

    ``fresh``: from scratch (Zensical's cache emptied), or, for Zensical, with its cache as the previous
    build left it (:data:`ZENSICAL_WARM`).
    """
    from cadre.publish.build import build_site

    site_dir = root / SITE_DIRS[generator]
    times: dict[str, float] = {}
    start = time.perf_counter()
    if build_site(root, site_dir, generator, fresh=fresh, times=times) != 0:
        raise RuntimeError(f"la construction du site par {generator} a échoué")
    elapsed = time.perf_counter() - start
    if not fresh:
        return {ZENSICAL_WARM: elapsed}
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    phases = {SITE_PHASES[generator][phase]: seconds for phase, seconds in times.items()}
    return {SITE[generator]: elapsed, **phases, SITE_MEMORY[generator]: max(children, _peak_mb())}


WORKERS: dict[str, Callable[[Path], dict[str, float]]] = {
    "generate": _generate,
    "edit": _edit,
    **{f"site-{name}": functools.partial(_site, generator=name) for name in SITE_GENERATORS},
    "site-zensical-warm": functools.partial(_site, generator="zensical", fresh=False),
}


FAILURES: list[str] = []
"""The stages that failed (a generator that cannot build the site at some size), shown under the table."""


def _last_line(message: str) -> str:
    """The line of a worker's error that says what went wrong (the generator's own message)."""
    lines = [line for line in message.splitlines() if line.strip() and not line.startswith((" ", "Traceback"))]
    said = [line for line in lines if "Error:" in line]
    return (said or lines or ["?"])[0].split("Error: ", 1)[-1][:300]


def _run(stage: str, root: Path) -> tuple[dict[str, float], float]:
    """Run ``stage`` in a fresh process (environment: :func:`conditions.prepare`); its figures, and its wall time."""
    command = [sys.executable, "-m", "cadre.bench", "--worker", stage, str(root)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"étape « {stage} » en échec :\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), elapsed


def _command(root: Path, *arguments: str) -> float:
    """The wall time of ``python -m cadre`` run on ``root`` with ``arguments``, as an editor runs it."""
    command = [sys.executable, "-m", "cadre", "--root", str(root), *arguments]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"« python -m cadre {' '.join(arguments)} » en échec :\n{done.stderr[-3000:]}")
    return elapsed


def measure(factor: int, runs: int, folder: Path) -> tuple[dict[str, str], dict[str, float]]:
    """The counts of a model ``factor`` times the real one (laid out under ``folder``), each figure's median."""
    samples: dict[str, list[float]] = {}
    root, trash = folder / f"depot-{factor}", folder / f"mis-de-cote-{factor}"
    counts = make_repository(ROOT, root, factor)
    for run in range(1, runs + 1):
        print(f"  {factor}× : passe {run}/{runs}…", file=sys.stderr, flush=True)
        conditions.set_aside(root, trash, FORGOTTEN)
        figures = _run("generate", root)[0]  # each generator's share
        conditions.set_aside(root, trash, FORGOTTEN)
        figures[COLD] = _command(root, "generate")
        figures[WARM] = _command(root, "generate")
        figures.update(_run("edit", root)[0])
        for name in SITE_GENERATORS:
            try:
                figures.update(_run(f"site-{name}", root)[0])
                if name == "zensical":
                    figures.update(_run("site-zensical-warm", root)[0])
            except RuntimeError as error:  # one generator failing at this size is a finding, not a crash
                FAILURES.append(f"{factor}×, {SITE_GENERATORS[name]} : {_last_line(str(error))}")
        built = [figures[SITE[name]] for name in SITE_GENERATORS if SITE[name] in figures]
        if built:
            figures[FASTEST_SITE] = min(built)
        for label, value in figures.items():
            samples.setdefault(label, []).append(value)
    if factor <= PRINT_UP_TO:
        print(f"  {factor}× : version imprimable…", file=sys.stderr, flush=True)
        samples.update({label: [value] for label, value in printing.measure(root / "site").items()})
    if (root / "site" / explorer.PAGE / "index.html").is_file():  # the site by MkDocs was built
        print(f"  {factor}× : explorateur…", file=sys.stderr, flush=True)
        samples.update({label: [value] for label, value in explorer.measure(root / "site").items()})
    if factor <= PREVIEW_UP_TO:
        print(f"  {factor}× : aperçu…", file=sys.stderr, flush=True)
        samples[PREVIEW] = edit_to_page(root, EDITED_FLOW, runs)
    pages = sum(1 for _ in (root / "generated" / "docs").rglob("*.md"))
    files = sum(1 for p in (root / "generated").rglob("*") if p.is_file())
    shown = {name: str(count) for name, count in counts.items()}
    shown |= {"fichiers générés": str(files), "pages générées": str(pages), "passes": str(runs)}
    return shown, {label: statistics.median(values) for label, values in samples.items()}


def table(results: list[tuple[int, dict[str, str], dict[str, float]]]) -> str:
    """The figures of every size side by side; beyond the real model, each with its ratio to it."""
    base = results[0][2]
    labels = [LOAD, *(_name(g) for g in GENERATORS), WRITE, COLD, COLD_MEMORY, WARM, EDIT]
    labels += [label for name in SITE_GENERATORS for label in (SITE[name], *SITE_PHASES[name].values())]
    labels += [ZENSICAL_WARM, FASTEST_SITE, *SITE_MEMORY.values()]
    labels += [*printing.LABELS, *explorer.LABELS, PREVIEW]
    width = max(len(label) for label in labels) + 2
    head = "".join(f"{f'{factor}×':>22}" for factor, _, _ in results)
    lines = [f"{'':<{width}}{head}{f'objectif à {GOAL_SIZE}×':>24}"]
    for name in results[0][1]:
        row = f"{name:<{width}}"
        for _, counts, _ in results:
            cell = counts[name]
            if counts is not results[0][1] and name != "passes":
                cell += f" (×{int(counts[name]) / int(results[0][1][name]):.1f})"
            row += f"{cell:>22}"
        lines.append(row)
    lines.append("")
    for label in labels:
        row = f"{label:<{width}}"
        for factor, _, figures in results:
            if label not in figures:
                row += f"{'—':>22}"
                continue
            value = figures[label]
            counted = label.endswith(("(Mo)", "(ko)", "(éléments)"))
            cell = f"{value:.0f}" if counted else f"{value:.2f} s"
            if factor != results[0][0] and base.get(label):
                cell += f" (×{value / base[label]:.1f})"
            row += f"{cell:>22}"
        lines.append(row + _goal(label, results))
    return "\n".join(lines)


def _goal(label: str, results: list[tuple[int, dict[str, str], dict[str, float]]]) -> str:
    """The goal of ``label`` and whether the figure at :data:`GOAL_SIZE` meets it (blank when it has none)."""
    if label not in GOALS:
        return ""
    measured = next((figures.get(label) for factor, _, figures in results if factor == GOAL_SIZE), None)
    verdict = "non mesuré" if measured is None else "atteint" if measured <= GOALS[label] else "MANQUÉ"
    return f"{f'≤ {GOALS[label]:.1f} s : {verdict}':>24}"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every size and print the table (or, with ``--worker``, run one stage)."""
    parser = argparse.ArgumentParser(prog="python -m cadre.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=SIZES, help=f"tailles et passes, « facteur:passes,… » ({SIZES})")
    parser.add_argument("--worker", nargs=2, metavar=("ÉTAPE", "RACINE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.worker:
        stage, root = arguments.worker
        print(json.dumps(WORKERS[stage](Path(root))))
        return 0
    sizes = [tuple(int(n) for n in item.split(":")) for item in arguments.sizes.split(",")]
    print(
        f"Banc d'essai sur {os.cpu_count()} cœurs, charge moyenne {os.getloadavg()[0]:.2f} au départ ; "
        "médianes de chaque passe, entre parenthèses le rapport à la première taille.",
        flush=True,
    )
    results = []
    # One folder for the whole bench, deleted at its end: no size's measurements follow a mass deletion.
    with tempfile.TemporaryDirectory(prefix="cadre-bench-") as temporary:
        for line in conditions.prepare(Path(temporary) / "bytecode"):
            print(line, flush=True)
        for factor, runs in sizes:
            counts, figures = measure(factor, runs, Path(temporary))
            results.append((factor, counts, figures))
    print(table(results))
    for failure in FAILURES:
        print(f"Échec : {failure}")
    print(f"Charge moyenne à la fin : {os.getloadavg()[0]:.2f} (d'autres processus faussent les temps).")
    return 0
