"""``make bench``: the time and memory of each stage, on the real model and synthetic larger ones.

A room of its own: nothing of the pipeline imports it. Public surface:

- :mod:`~cadre.bench.run`: ``python -m cadre.bench`` (the table of figures and goals);
- :mod:`~cadre.bench.conditions`: the measurements' conditions (Python's bytecode kept, no mass deletion just before);
- :mod:`~cadre.bench.synthetic`: the real model grown tenfold or a hundredfold (``make_repository``);
- :mod:`~cadre.bench.edits`: the edits that the benchmark and the preview tests make (``edit_flow``);
- :mod:`~cadre.bench.serve`: how long an edit takes to reach ``make serve``'s preview;
- :mod:`~cadre.bench.printing`: the print view's slowest page in Chromium;
- :mod:`~cadre.bench.explorer`: how long the explorer's map takes to answer its filters in Chromium;
- :mod:`~cadre.bench.chromium`: a built site served from 127.0.0.1 and Chromium, for those two.
"""

__all__ = ["chromium", "conditions", "edits", "explorer", "printing", "run", "serve", "synthetic"]
