"""Where the model's words come from: its documents, the remarks on their reading, the provenance of a text."""

from __future__ import annotations

from model.enums._labelled import _Labelled, labels


@labels(
    {
        "source": "Source du modèle",
        "cited": "Document cité par les sources",
        "outside": "Référence extérieure aux sources",
    }
)
class DocumentKind(_Labelled):
    """Place d'un document dans le modèle."""

    SOURCE = "source"
    CITED = "cited"
    OUTSIDE = "outside"


@labels(
    {
        "ocr": "Lecture de la source (OCR)",
        "ambiguity": "Ambiguïté de la source",
        "inconsistency": "Incohérence de la source",
        "inference": "Déduction à partir du texte",
        "editorial": "Choix de transcription",
    }
)
class NoteKind(_Labelled):
    """Nature d'une remarque sur la source."""

    OCR = "ocr"
    AMBIGUITY = "ambiguity"
    INCONSISTENCY = "inconsistency"
    INFERENCE = "inference"
    EDITORIAL = "editorial"


@labels(
    {
        "verbatim": "cité",
        "reworded": "reformulé",
        "inference": "déduit",
        "outside": "extérieur",
        "proposal": "proposé",
    }
)
class TextProvenance(_Labelled):
    """D'où viennent les mots d'un champ de texte du modèle."""

    VERBATIM = "verbatim"
    REWORDED = "reworded"
    INFERENCE = "inference"
    OUTSIDE = "outside"
    PROPOSAL = "proposal"
