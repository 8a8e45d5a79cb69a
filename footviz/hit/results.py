"""What hit-testing returns: :class:`HitResult` (one point), :class:`HitArray` (many points),
:class:`Overlap` (a zone under a fingertip disc), and :class:`SharedResults`, the table that
gives every point of the same set of zones one shared immutable result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from ..atlas.model import ZoneShape

__all__ = ["HitArray", "HitResult", "Overlap", "SharedResults"]


class HitResult(tuple):
    """What :meth:`Atlas.hit` returns when a point hits (or, with a tolerance, nears) a zone.

    Attributes
    ----------
    shapes : tuple of ZoneShape
        Every zone covering the point, primary (smallest) first; with a tolerance and a point
        outside every zone, the single nearest zone.
    foot, aspect : str
    distance : float
        0.0 when the point is inside (or on the border of) the primary zone, else the distance
        in mm to the nearest zone.
    overlaps : tuple of Overlap
        With ``overlaps=True``: every zone the fingertip disc overlaps, largest fraction first.

    Notes
    -----
    A result describes what lies under the point, not the point itself (the caller has it;
    for a chart or screen point, :meth:`footviz.Viewport.to_foot` and
    :meth:`footviz.Layout.panel_at` give its foot coordinates).  That keeps a plain touch
    allocation-free: every point of the same set of zones gets the same immutable result,
    made once when the index is built.
    """

    __slots__ = ()

    def __new__(
        cls,
        shapes: tuple[ZoneShape, ...],
        foot: str,
        aspect: str,
        distance: float = 0.0,
        overlaps: tuple[Overlap, ...] = (),
    ) -> HitResult:
        return tuple.__new__(cls, (shapes, foot, aspect, distance, overlaps))

    def __getnewargs__(self) -> tuple:  # pickling and copying rebuild through __new__
        return tuple(self)

    shapes = property(itemgetter(0), doc="Every zone shape at the point, primary first.")
    foot = property(itemgetter(1), doc="The foot.")
    aspect = property(itemgetter(2), doc="The aspect of the foot.")
    distance = property(itemgetter(3), doc="0.0 inside, else mm to the nearest zone.")
    overlaps = property(itemgetter(4), doc="Zones under the fingertip disc (overlaps=True).")

    @property
    def primary(self) -> ZoneShape:
        """The most specific zone shape (smallest area) at the point."""
        return self.shapes[0]

    @property
    def zone(self):
        """Metadata (:class:`~footviz.Zone`) of the primary zone."""
        return self.shapes[0].zone

    @property
    def zones(self):
        """Metadata of every zone at the point, primary first."""
        return tuple(s.zone for s in self.shapes)

    @property
    def organs(self) -> tuple[str, ...]:
        """Organ ids of the primary zone."""
        return self.shapes[0].zone.organs

    @property
    def inside(self) -> bool:
        """True when the point lies in (or on the border of) the primary zone."""
        return self.distance == 0.0

    def _key(self) -> tuple:
        return (
            tuple(s.key for s in self.shapes),
            self.foot,
            self.aspect,
            self.distance,
            self.overlaps,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HitResult) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        ids = ", ".join(s.zone.id for s in self.shapes)
        dist = "" if self.distance == 0.0 else f", distance={self.distance:.3g} mm"
        return f"HitResult({self.foot} {self.aspect}: {ids}{dist})"


@dataclass(frozen=True)
class Overlap:
    """A zone under a fingertip disc and the fraction of the disc's area it covers."""

    shape: ZoneShape
    fraction: float

    @property
    def zone(self):
        return self.shape.zone


class HitArray:
    """What :meth:`Atlas.hit_many` returns: one zone index per point.

    Attributes
    ----------
    index : numpy.ndarray of int32
        Index of the primary zone of each point into :attr:`shapes`; ``-1`` for none.  Same
        shape as the broadcast input.
    shapes : tuple of ZoneShape
        Every zone shape of the atlas, in atlas order (``tuple(atlas)``).
    distance : numpy.ndarray of float
        0.0 inside a zone, the distance to the nearest zone for points matched within the
        tolerance, ``inf`` where nothing was hit.
    """

    def __init__(
        self,
        index: np.ndarray,
        shapes: tuple[ZoneShape, ...],
        distance: np.ndarray | None = None,
    ) -> None:
        self.index = index
        self.shapes = shapes
        self._distance = distance

    @property
    def distance(self) -> np.ndarray:
        if self._distance is None:
            self._distance = np.where(self.index >= 0, 0.0, np.inf)
        return self._distance

    @property
    def shape(self) -> tuple[int, ...]:
        return self.index.shape

    def __len__(self) -> int:
        return len(self.index)

    def shape_of(self, i: int) -> ZoneShape | None:
        """The :class:`ZoneShape` of index ``i`` (``None`` for ``-1``)."""
        return None if i < 0 else self.shapes[i]

    def zone_ids(self) -> np.ndarray:
        """The primary zone id of each point (``""`` where nothing was hit), an object array of
        the index's shape (0-d for a 0-d index)."""
        table = np.array([s.zone.id for s in self.shapes] + [""], dtype=object)
        return table[self.index.reshape(-1)].reshape(self.index.shape)

    def counts(self) -> dict[str, int]:
        """Points per zone shape id (``"zone/foot/aspect"``), zones hit at least once."""
        found = np.bincount(self.index[self.index >= 0].ravel(), minlength=len(self.shapes))
        return {self.shapes[i].id: int(n) for i, n in enumerate(found) if n}

    def __repr__(self) -> str:
        hits = int((self.index >= 0).sum())
        return f"HitArray(shape={self.index.shape}, {hits} of {self.index.size} points hit)"


class SharedResults:
    """One shared plain :class:`HitResult` per set of zones of a grid (None for no zone).

    Parameters
    ----------
    shapes : sequence of ZoneShape
        The grid's zone shapes in rank order (smallest area first).
    foot, aspect : str
    sets : sequence of tuple of int
        The sets of ranks the grid's cells hold; :attr:`by_set` lists their results in order.

    A plain touch allocates nothing: each set's result is made once.  The exact border test
    answers with ranks; :meth:`of` gives their result, made on first use and kept (a border
    class has only a few possible sets).
    """

    def __init__(
        self,
        shapes: Sequence[ZoneShape],
        foot: str,
        aspect: str,
        sets: Sequence[tuple[int, ...]],
    ) -> None:
        self.shapes = tuple(shapes)
        self.foot = foot
        self.aspect = aspect
        self.by_ranks: dict[tuple[int, ...], HitResult | None] = {}
        self.by_set: tuple[HitResult | None, ...] = tuple(self.of(tuple(m)) for m in sets)

    def make(self, found: tuple[ZoneShape, ...]) -> HitResult | None:
        """A new plain result for the zones ``found`` (None when empty)."""
        return HitResult(found, self.foot, self.aspect) if found else None

    def of(self, ranks: tuple[int, ...]) -> HitResult | None:
        """The shared plain result of a set of ranks (ascending)."""
        try:
            return self.by_ranks[ranks]
        except KeyError:
            res = self.make(tuple(self.shapes[r] for r in ranks))
            return self.by_ranks.setdefault(ranks, res)
