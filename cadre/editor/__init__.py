"""Commands for the model's editors, beside the pipeline: ``new`` and ``diff`` (``validate`` is in the CLI).

Public surface:

- :mod:`~cadre.editor.scaffold`: ``python -m cadre new service|flow|use-case ID``, a skeleton written
  into the right YAML file, the rest of the file kept byte for byte;
- :mod:`~cadre.editor.scaffold_fields`: the fields that ``new`` writes for each kind of entry;
- :mod:`~cadre.editor.diff`: ``python -m cadre diff REV1 [REV2]``, what a change does to the model and
  its JSON Schemas.
"""

from cadre.editor import diff, scaffold, scaffold_fields

__all__ = ["diff", "scaffold", "scaffold_fields"]
