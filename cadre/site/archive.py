"""The archive of every schema of this version, as vendors download it: deterministic zip bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

_EPOCH = (1980, 1, 1, 0, 0, 0)


def build(schemas: Mapping[str, bytes]) -> bytes:
    """A zip of ``schemas`` (the files of ``generated/schemas`` by relative path), under ``schemas/`` in the archive.

    Entries are sorted (folder by folder), dated 1980-01-01 and readable by all, so the same schemas give
    the same bytes.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for relative in sorted(schemas, key=lambda path: path.split("/")):
            entry = zipfile.ZipInfo(f"schemas/{relative}", date_time=_EPOCH)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, schemas[relative])
    return buffer.getvalue()
