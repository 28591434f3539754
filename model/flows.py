"""A flow of data between services, and its legs: each direction with its own nature, state and condition.

The framework does not always describe a flow as one arrow between two services: flow B of section 1.4.4
has two emitters, flow E has its notification in place and its return leg « en cible », flow A of 1.5.4
goes back only when the portal offers services. A :class:`Flow` therefore names its emitters and
receivers, and each of its :class:`Leg` says who sends to whom, how, in which state and on what
condition. :mod:`model.flow_checks` checks that the legs join the flow's ends.
"""

from __future__ import annotations

from pydantic import Field

from model._base import Id, Label, Letter, Note, SourceRef, Text, _Stated
from model.enums import DataCategory, Direction, FlowStatus, Nature


class Leg(_Stated):
    """Branche d'un flux : un sens d'échange, d'un service à un autre, avec sa nature et son état."""

    from_: Id = Field(alias="from", description="Service qui envoie les données sur cette branche.")
    to: Id = Field(description="Service qui les reçoit.")
    nature: Nature = Field(description="Automatisé ou manuel.")
    status: FlowStatus = Field(description="Existant, en cours ou cible.")
    condition: Text | None = Field(
        default=None,
        description=(
            "Condition à laquelle la branche existe, quand la source en pose une, citée entre guillemets "
            "français (ex. « lorsque le portail propose des services »)."
        ),
    )


class Flow(_Stated):
    """Flux d'échange de données entre services, repéré par sa lettre sur le schéma de la vue."""

    id: Id
    letter: Letter
    title: Label = Field(description="Intitulé court du flux.")
    emitters: list[Id] = Field(min_length=1, description="Services émetteurs (un seul dans le cas courant).")
    receivers: list[Id] = Field(min_length=1, description="Services récepteurs (un seul dans le cas courant).")
    legs: list[Leg] = Field(
        min_length=1,
        description=(
            "Branches du flux : une par sens d'échange (deux pour un flux bidirectionnel), chacune avec sa "
            "nature, son état et, s'il y a lieu, sa condition. Une branche relie un émetteur et un récepteur."
        ),
    )
    data_categories: list[DataCategory] = Field(description="Catégories de données échangées.")
    description: Text
    source: SourceRef
    notes: list[Note] = Field(default_factory=list)

    @property
    def ends(self) -> list[str]:
        """Emitters then receivers, each once."""
        return list(dict.fromkeys([*self.emitters, *self.receivers]))

    @property
    def direction(self) -> Direction:
        """Bidirectional when a leg goes back, from a receiver to an emitter."""
        back = any(leg.from_ in self.receivers and leg.to in self.emitters for leg in self.legs)
        return Direction.BIDIRECTIONAL if back else Direction.UNIDIRECTIONAL

    @property
    def natures(self) -> list[Nature]:
        """The natures of the legs, each once, in the order of :class:`Nature`."""
        return [n for n in Nature if any(leg.nature is n for leg in self.legs)]

    @property
    def statuses(self) -> list[FlowStatus]:
        """The states of the legs, each once, in the order of :class:`FlowStatus`."""
        return [s for s in FlowStatus if any(leg.status is s for leg in self.legs)]

    def sends(self, origin: str, target: str) -> bool:
        """Whether a leg of the flow carries data from ``origin`` to ``target``."""
        return any((leg.from_, leg.to) == (origin, target) for leg in self.legs)
