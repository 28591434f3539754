"""The archive of every schema of this version, as vendors download it: deterministic zip bytes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path



_EPOCH = (1980, 1, 1, 0, 0, 0)


def build(schemas: Path) -> bytes:
    """A zip of every file under ``schemas`` (``generated/schemas``), under ``schemas/`` in the archive.

    Entries are sorted, dated 1980-01-01 and readable by all, so the same schemas give the same bytes.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in schemas.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"schemas/{path.relative_to(schemas).as_posix()}", date_time=_EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())
    return buffer.getvalue()
