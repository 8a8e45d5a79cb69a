"""What the condition lookups of an atlas return: :class:`ConditionZones` and
:class:`Unresolved` (also importable from :mod:`footviz.atlas.model`, as before; defined here
so that loading an atlas need not define them).
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Condition, Zone, ZoneShape

__all__ = ["ConditionZones", "Unresolved"]


@dataclass(frozen=True)
class Unresolved:
    """A (condition, organ) pair whose organ has no zone in this atlas yet."""

    condition: str
    organ: str
    reason: str = "not yet in this atlas"

    def __str__(self) -> str:
        return f"{self.condition}: {self.organ} ({self.reason})"


@dataclass(frozen=True)
class ConditionZones:
    """What :meth:`Atlas.for_condition` returns.

    Attributes
    ----------
    condition : Condition
    shapes : tuple of ZoneShape
        Every zone shape of every organ in the row, on each foot where it lies.
    unresolved : tuple of Unresolved
        Organs of the row with no zone in this atlas (explicit, never dropped).
    """

    condition: Condition
    shapes: tuple[ZoneShape, ...]
    unresolved: tuple[Unresolved, ...]

    @property
    def zones(self) -> tuple[Zone, ...]:
        """The distinct zones, in atlas order."""
        seen: dict[str, Zone] = {}
        for shape in self.shapes:
            seen.setdefault(shape.zone.id, shape.zone)
        return tuple(seen.values())

    @property
    def complete(self) -> bool:
        """True when every organ of the row has a zone in this atlas."""
        return not self.unresolved

    def __iter__(self):
        return iter(self.shapes)

    def __len__(self) -> int:
        return len(self.shapes)
