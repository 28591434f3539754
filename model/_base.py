"""Building blocks shared by every class of the model: identifiers, texts, sources and notes."""

from __future__ import annotations

import re
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from model.enums import DocumentKind, NoteKind
from model.provenance import Claim

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="Identifiant : minuscules sans accent, chiffres et tirets (ex. « mes-agenda »)."),
]
Number = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)+$", max_length=20),
    Field(description="Numéro tel qu'il figure dans le cadre (ex. « 4.1 », « 4.1.3 »)."),
]
Section = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]+(\.[0-9]+)*$", max_length=20),
    Field(description="Numéro de section du document source (ex. « 1.2.4 »)."),
]
Letter = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z]'?$"),
    Field(description="Lettre du flux sur le schéma, éventuellement suivie d'un prime (ex. « B' »)."),
]
UNSEEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
"""Characters no reader can see and no output format can carry safely: controls, bidi overrides, surrogates."""


def shown(value: object, limit: int = 60) -> str:
    r"""``value`` as a message quotes it: invisible characters escaped (``\x07``), cut at ``limit``."""
    text = value if isinstance(value, str) else repr(value)
    text = UNSEEN.sub(lambda match: repr(match.group())[1:-1], text)
    return text if len(text) <= limit else text[: limit - 3] + "…"


def _visible(text: str) -> str:
    """A text is written for readers: something to read, and no character a page or a diagram chokes on."""
    if not text.strip():
        raise PydanticCustomError("text_blank", "le texte ne contient que des espaces")
    unseen = UNSEEN.search(text)
    if unseen:
        raise PydanticCustomError(
            "text_unseen",
            "le texte contient un caractère invisible ({character}) en position {position}",
            {"character": shown(unseen.group()), "position": unseen.start() + 1},
        )
    return text


Flag = Annotated[bool, Strict()]
"""Yes or no, written ``true`` or ``false``: no ``"yes"``, ``"1"`` or ``1`` silently read as true."""
Count = Annotated[int, Strict()]
"""A whole number written as one: no ``"3"`` or ``3.0`` silently read as 3, no ``true`` read as 1."""
Label = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_visible)]
Text = Annotated[
    str,
    StringConstraints(min_length=1, max_length=5000),
    AfterValidator(_visible),
    Field(
        description=(
            "Texte : paragraphes séparés par une ligne vide ; une ligne commençant par « - » "
            "est un élément de liste. Aucun balisage HTML ou Markdown n'est interprété."
        )
    ),
]


class HttpsUrl(str):
    """A public web address: ``https`` only, and nothing that could end a Markdown link or an HTML attribute.

    The site prints it as a link target through :func:`cadre.output.text.link`, which accepts only this type
    or a path of the site: no space, quote, parenthesis, angle bracket or backslash can get there, and
    no other scheme (``javascript:``, ``data:``, ``http:``).
    """

    PATTERN = (
        r"^https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&*+,;=:@%/-]*)?"
        r"(?:\?[A-Za-z0-9._~!$&*+,;=:@%/?-]*)?(?:#[A-Za-z0-9._~!$&*+,;=:@%/?-]*)?$"
    )
    MAX_LENGTH = 500

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        """Checked as text of the pattern, then kept as this type."""
        text = core_schema.str_schema(pattern=cls.PATTERN, max_length=cls.MAX_LENGTH, strict=True)
        return core_schema.no_info_after_validator_function(cls, text)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """A string of the pattern, in the ``uri`` format."""
        return {**handler(schema), "format": "uri"}


URL_HELP = (
    "Adresse web publique : « https:// » puis l'adresse, sans espace, guillemet, apostrophe, parenthèse,"
    " chevron ni barre oblique inverse (écrivez-les en %XX, par exemple %20 pour une espace)."
)


class _Entity(BaseModel):
    """Base of every class: unknown keys are errors, instances are immutable.

    Booleans and numbers are typed :data:`Flag` and :data:`Count` (strict) field by field rather than
    with a strict configuration, which would also refuse the YAML's plain text for enumerations.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


SlideTitle = Annotated[
    str,
    StringConstraints(min_length=1, max_length=400),
    AfterValidator(_visible),
    Field(description="Titre d'une diapositive, tel que la liste « slides » de son document le donne."),
]


def _one_place(section: str | None, slide: str | None) -> None:
    """A place in a source is a section number (numbered document) or a slide title (deck), not both."""
    if section is None and slide is None:
        raise ValueError(
            "l'endroit de la source n'est pas donné → ajoutez « section: » (numéro de section du cadre)"
            " ou « slide: » (titre d'une diapositive du support)"
        )
    if section is not None and slide is not None:
        raise ValueError("l'endroit a à la fois « section » et « slide » → gardez l'un des deux")


class _Stated(_Entity):
    """An object whose text fields may say, one by one, where their words come from (:mod:`model.provenance`)."""

    provenance: dict[str, Claim] = Field(
        default_factory=dict,
        description=(
            "Provenance d'un champ de texte, quand elle diffère de celle que le modèle déclare pour ce champ : "
            "« verbatim » (les mots de la source), « reworded » (notre reformulation ou notre intitulé), "
            "« inference » (notre déduction), « outside » (un fait extérieur aux sources, avec ses références) "
            "ou « proposal » (notre proposition). Ex. « provenance: {title: verbatim} »."
        ),
    )


class Slide(_Stated):
    """Diapositive d'un support de présentation, repérée par son propre titre."""

    title: SlideTitle = Field(
        description=(
            "Titre imprimé de la diapositive ; pour une diapositive sans titre, un intitulé de notre main, "
            "déclaré « provenance: {title: reworded} »."
        )
    )


class Location(_Stated):
    """Endroit d'une source qui cite un document : section, note de bas de page, texte imprimé."""

    document: Id = Field(default="cadre-de4-v1", description="Document source qui cite.")
    section: Section | None = None
    slide: SlideTitle | None = None
    footnote: Count | None = Field(default=None, ge=1, description="Numéro de la note de bas de page.")
    quote: Text = Field(description="Ce que la source imprime à cet endroit, tel quel (OCR corrigé).")

    @model_validator(mode="after")
    def _placed(self) -> Self:
        """A section or a slide, not both."""
        _one_place(self.section, self.slide)
        return self


class Document(_Stated):
    """Document : une source du modèle, un document que les sources citent, ou une référence extérieure."""

    id: Id
    kind: DocumentKind = Field(
        default=DocumentKind.SOURCE,
        description=(
            "« source » (le modèle en est tiré), « cited » (les sources le citent) ou « outside » "
            "(référence extérieure aux sources, qui appuie un fait « outside »)."
        ),
    )
    title: Label = Field(description="Titre du document.")
    version: Label | None = Field(default=None, description="Version du document.")
    date: Label | None = Field(default=None, description="Date du document (AAAA-MM-JJ ou mois).")
    publisher: Label | None = Field(default=None, description="Organisme qui publie le document.")
    address: Label | None = Field(
        default=None,
        description=(
            "Adresse telle que la source l'imprime (souvent un seul nom de domaine, ex. « esante.gouv.fr ») : "
            "jamais complétée par le modèle."
        ),
    )
    slides: list[Slide] = Field(
        default_factory=list,
        description=(
            "Diapositives d'un support de présentation, dans l'ordre : le support n'étant pas numéroté, "
            "une source le cite par le titre d'une diapositive (« slide »)."
        ),
    )
    cited_at: list[Location] = Field(
        default_factory=list, description="Où les sources citent ce document (document « cited »)."
    )


class SourceRef(_Stated):
    """Endroit du document source d'où provient une information."""

    document: Id = Field(default="cadre-de4-v1", description="Identifiant du document source.")
    section: Section | None = None
    slide: SlideTitle | None = None
    detail: Label | None = Field(
        default=None, description="Précision sur l'endroit (schéma, tableau, note de bas de page)."
    )
    cites: list[Id] = Field(
        default_factory=list,
        description="Documents que la source cite à cet endroit (notes de bas de page), montrés sur la page.",
    )

    @model_validator(mode="after")
    def _placed(self) -> Self:
        """A section or a slide, not both."""
        _one_place(self.section, self.slide)
        return self

    @property
    def place(self) -> str:
        """The section number or the slide title."""
        return self.section or self.slide or ""


class Note(_Stated):
    """Remarque sur la source : correction d'OCR, ambiguïté, incohérence ou déduction."""

    kind: NoteKind = Field(description="Nature de la remarque.")
    section: Section | None = None
    slide: SlideTitle | None = None
    text: Text

    @model_validator(mode="after")
    def _placed(self) -> Self:
        """A section or a slide, not both."""
        _one_place(self.section, self.slide)
        return self

    @property
    def place(self) -> str:
        """The section number or the slide title."""
        return self.section or self.slide or ""
