"""The edit that the benchmark and the preview tests make to a model: a marker in a flow's description."""

from __future__ import annotations

from pathlib import Path


def edit_flow(root: Path, flow: str, marker: str) -> Path:
    """Write ``marker`` at the start of the description of ``flow`` (in ``views/``) in the model under ``root``."""
    for path in sorted((root / "model" / "content" / "views").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        if f"- id: {flow}\n" not in [line.lstrip() for line in lines]:
            continue
        start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {flow}")
        at = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("description:"))
        body = lines[at + 1]
        indent = len(body) - len(body.lstrip())
        lines[at + 1] = f"{body[:indent]}{marker} {body[indent:]}"
        path.write_text("".join(lines), encoding="utf-8")
        return path
    raise ValueError(f"flux « {flow} » introuvable sous {root}")
