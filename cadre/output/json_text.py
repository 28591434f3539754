"""The JSON files of ``generated/``, as text: indented by two spaces, non-ASCII characters as they are.

One function for every generator that writes JSON, so that they all write it alike. The text is that of
``json.dumps(data, ensure_ascii=False, indent=2)`` plus a final newline, written by pydantic-core's
serializer (Rust), four times faster: at ten times the model, ``framework.json`` alone is 4.7 MB. Both
agree on every file of the model (``tests/test_json.py``); they would differ only on the exponent of a
tiny float (``1e-7`` here, ``1e-07`` for ``json``), equally valid JSON.
"""

from __future__ import annotations

import pydantic_core


def dumps(data: object) -> str:
    """``data`` as the text of a JSON file of ``generated/``."""
    return pydantic_core.to_json(data, indent=2).decode("utf-8") + "\n"
