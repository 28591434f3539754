"""Commands for the model's editors, beside the pipeline: ``new``, ``diff``, ``release`` (``validate`` is in the CLI).

Public surface:

- :mod:`~cadre.editor.scaffold`: ``python -m cadre new service|flow|use-case ID``, a skeleton written
  into the right YAML file, the rest of the file kept byte for byte;
- :mod:`~cadre.editor.scaffold_fields`: the fields that ``new`` writes for each kind of entry;
- :mod:`~cadre.editor.diff`: ``python -m cadre diff REV1 [REV2]``, what a change does to the model and
  its JSON Schemas;
- :mod:`~cadre.editor.release`: ``python -m cadre release FLUX…``, the current version of flows' schemas
  frozen into ``model/releases/``;
- :mod:`~cadre.editor.diff_fields`: one line per changed field of an entry (a flow's legs matched by their ends);
- :mod:`~cadre.editor.versioning`: the rule of ``validate`` that a version number follows the change of
  its schema since the latest release.
"""

from cadre.editor import diff, diff_fields, release, scaffold, scaffold_fields, versioning

__all__ = ["diff", "diff_fields", "release", "scaffold", "scaffold_fields", "versioning"]
