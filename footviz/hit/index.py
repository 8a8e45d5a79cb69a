"""Hit-testing: which reflex zone is under a point, for one touch or millions of points.

The rule (the same in every function of footviz)
-----------------------------------------------
* A point **on** a zone's boundary counts as inside that zone: membership is shapely's
  ``covers`` (for a point, the same as ``intersects``).
* When several zones of the foot and aspect cover the point, the **primary** zone is the one
  with the smallest area; equal areas are broken by atlas order (the order of ``iter(atlas)``).
* NaN, infinite and far-away coordinates hit nothing.

Scalars and arrays
------------------
One rule: a scalar in gives a scalar out, an array in gives an array out, and each has its own
function.  :meth:`~footviz.Atlas.hit` takes one point (real numbers) and returns one
:class:`HitResult` or None; :meth:`~footviz.Atlas.hit_many` takes arrays (any broadcastable
shapes; a scalar counts as a 0-d array) and always returns a :class:`HitArray` whose ``index``
has the broadcast shape.  Bad input raises :class:`HitInputError` naming the parameter.

The index
---------
The index is exact: it never changes an answer of that rule.  Each (foot, aspect) gets a
two-level grid over the bounding box of its zones: coarse cells of ``coarse`` mm, and, for
coarse cells a zone border crosses, ``block`` x ``block`` sub-cells.  A cell (grown by ``eps``,
1e-6 mm for the built-in atlas, on each side) that no border touches has one fixed set of
covering zones, found once at build time with an even-odd scanline fill.  A point in a sub-cell
touched by a border is decided by its sides of the few edge lines near the sub-cell (at most
four; a border two zones share is one line): those lines cut the sub-cell into faces, and the
zones covering each face were found at build time (shapely, at one sample point per face), so
the point's sign vector picks its answer from the sub-cell's face table.  Every side is either
certain (a rounding bound on the line's value) or, for points on or within rounding of a line
and for the rare face no sample reached, the answer comes from shapely's predicate.  The index
is built lazily, per (foot, aspect), on first use; it holds numpy arrays only (see
:attr:`HitIndex.nbytes`), and a grid's build memory is bounded (see :data:`MAX_CELL_WORDS`):
zones spread over a huge area get coarser cells.  Zones with NaN, infinite or far too large
vertices are refused with a :class:`HitIndexError` naming the zone.

Use it through the atlas: :meth:`footviz.Atlas.hit`, :meth:`~footviz.Atlas.hit_many` and
:meth:`~footviz.Atlas.hit_chart`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from ..atlas.model import ZoneShape
from ..atlas.vocabulary import ASPECTS, FEET
from ..errors import NotInAtlasError
from . import cache, griddata
from .cache import cache_dir
from .griddata import EPS, MAX_CELL_WORDS, MAX_COORDINATE, ORIENT_ERR
from .gridquery import Grid
from .inputs import (
    HitIndexError,
    HitInputError,
    as_coords,
    check_geometry,
    check_name,
    check_real,
    check_tolerance,
    flat,
    layout_panels,
    name_array,
    name_codes,
    short,
)
from .results import HitArray, HitResult, Overlap

if TYPE_CHECKING:  # pragma: no cover
    from numpy.typing import ArrayLike

    from ..atlas.layout import Layout

__all__ = [
    "EPS",
    "MAX_CELL_WORDS",
    "MAX_COORDINATE",
    "ORIENT_ERR",
    "HitArray",
    "HitIndex",
    "HitIndexError",
    "HitInputError",
    "HitResult",
    "Overlap",
    "as_coords",
    "cache_dir",
]

_coords = as_coords  # the old private name, for code that still imports it


def open_grid(
    foot: str, aspect: str, shapes: list, global_index: list[int], coarse: float, block: int
) -> Grid:
    """The grid of (foot, aspect): loaded from the on-disk cache, else built (and stored)."""
    check_geometry(shapes)
    grid = Grid(foot, aspect, shapes, global_index)
    if not grid.nz:
        return grid.attach(griddata.GridData.empty(block))
    key = cache.cache_key(griddata.MAX_CELL_WORDS, coarse, block, grid.rank_to_global, grid.wkb)
    data = cache.load(key, grid.nz, block)
    if data is None:
        from . import gridbuild  # only when nothing is cached (a faster start-up)

        data = gridbuild.build(grid.geoms, grid.rank_to_global, coarse, block, foot, aspect)
        cache.save(key, data)
    return grid.attach(data)


class HitIndex:
    """Exact point-to-zone index of a set of zone shapes (see the module docstring for the rule).

    Parameters
    ----------
    shapes : iterable of ZoneShape
        The zone shapes, in the order :attr:`HitArray.shapes` lists them (an atlas iterates
        over its shapes in atlas order, so ``HitIndex(atlas)`` works).
    keys : iterable of (foot, aspect), optional
        The (foot, aspect) pairs to answer for (default: those of the shapes); a pair without
        zones hits nothing.
    coarse : float
        Coarse cell size in mm (grown when the memory bound asks for it).
    block : int
        Sub-cells per coarse cell side, a power of two.

    Grids are built lazily per (foot, aspect), under a lock; an index is safe to share
    between threads.  Memory: building a grid holds at most two bit planes of
    ``MAX_CELL_WORDS`` 64-bit words (64 MiB); an atlas whose zones would need more cells gets
    coarser cells (the answers stay exact, only slower near borders).
    """

    def __init__(
        self,
        shapes: Iterable[ZoneShape],
        keys: Iterable[tuple[str, str]] | None = None,
        *,
        coarse: float = 1.0,
        block: int = 8,
    ) -> None:
        self.coarse = float(coarse)
        self.block = int(block)
        self.shapes: tuple[ZoneShape, ...] = tuple(shapes)
        self._global = {id(s): i for i, s in enumerate(self.shapes)}
        if keys is None:
            present = {(s.foot, s.aspect) for s in self.shapes}
            keys = [(f, a) for a in ASPECTS for f in FEET if (f, a) in present]
        self.keys: tuple[tuple[str, str], ...] = tuple((str(f), str(a)) for f, a in keys)
        self._grids: dict[tuple[str, str], Grid] = {}
        #: foot -> aspect -> plain-touch function ``(x: float, y: float) -> HitResult | None``
        #: of each built grid: the atlas's fast path for a touch calls it directly
        self.touch: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()

    # -------------------------------------------------------------- grids
    def grid(self, foot: object, aspect: object) -> Grid:
        """The grid of (foot, aspect), built on first use; clear errors for bad names."""
        try:
            g = self._grids.get((foot, aspect))  # type: ignore[arg-type]
        except TypeError:  # unhashable: checked below
            g = None
        if g is not None:
            return g
        foot_s = check_name("foot", foot, FEET)
        aspect_s = check_name("aspect", aspect, ASPECTS)
        key = (foot_s, aspect_s)
        if key not in self.keys:
            present = ", ".join(f"{f} {a}" for f, a in self.keys)
            aspects = ", ".join(dict.fromkeys(a for _, a in self.keys))
            raise NotInAtlasError(
                f"this atlas has no {aspect_s} aspect for the {foot_s} foot "
                f"(present: {present}); allowed aspects: {aspects}"
            )
        g = self._grids.get(key)
        if g is None:
            with self._lock:
                g = self._grids.get(key)
                if g is None:
                    shapes = [s for s in self.shapes if s.foot == foot_s and s.aspect == aspect_s]
                    g = open_grid(
                        foot_s,
                        aspect_s,
                        shapes,
                        [self._global[id(s)] for s in shapes],
                        self.coarse,
                        self.block,
                    )
                    self._grids[key] = g
                    self.touch.setdefault(foot_s, {})[aspect_s] = g.hit1
        return g

    def build(self) -> HitIndex:
        """Build every grid now (otherwise each is built on first use)."""
        for foot, aspect in self.keys:
            self.grid(foot, aspect)
        return self

    @property
    def nbytes(self) -> int:
        """Bytes held by the built grids' arrays and tables."""
        return sum(g.nbytes for g in list(self._grids.values()))

    # -------------------------------------------------------------- queries
    def hit(
        self,
        x: float,
        y: float,
        foot: str = "left",
        aspect: str = "plantar",
        tolerance: float = 0.0,
        overlaps: bool = False,
    ) -> HitResult | None:
        """See :meth:`footviz.Atlas.hit`."""
        g = self.grid(foot, aspect)
        if type(x) is not float:
            x = check_real("x", x)
        if type(y) is not float:
            y = check_real("y", y)
        if type(tolerance) in (float, int) and not tolerance and overlaps is False:
            return g.hit1(x, y)  # type: ignore[arg-type]
        tol = check_tolerance(tolerance)
        if not isinstance(overlaps, (bool, np.bool_)):
            raise HitInputError(f"overlaps must be True or False, got {short(overlaps)}")
        fx, fy = float(x), float(y)  # type: ignore[arg-type]
        over: tuple[Overlap, ...] = ()
        if overlaps:
            if tol <= 0.0:
                raise HitInputError("overlaps=True needs a tolerance > 0 (the fingertip radius)")
            over = g.overlaps(fx, fy, tol)
        found = g.locate(fx, fy)
        if found:
            return HitResult(found, g.foot, g.aspect, 0.0, over)
        near = g.nearest(fx, fy, tol) if tol > 0.0 else None
        if near is None:
            return None
        return HitResult((near[0],), g.foot, g.aspect, near[1], over)

    def hit_many(
        self,
        xs: ArrayLike,
        ys: ArrayLike,
        foot: str | ArrayLike = "left",
        aspect: str | ArrayLike = "plantar",
        tolerance: float = 0.0,
    ) -> HitArray:
        """See :meth:`footviz.Atlas.hit_many`."""
        x = as_coords("xs", xs)
        y = as_coords("ys", ys)
        tol = check_tolerance(tolerance)
        feet = name_array("foot", foot)
        aspects = name_array("aspect", aspect)
        shapes = [x.shape, y.shape]
        shapes += [a.shape for a in (feet, aspects) if a is not None]
        try:
            shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise HitInputError(
                "xs, ys (and foot/aspect arrays) must broadcast together; got shapes "
                + ", ".join(str(s) for s in shapes)
            ) from None
        x = flat(x, shape)
        y = flat(y, shape)
        if feet is None and aspects is None:
            index, dist = self._run(self.grid(foot, aspect), x, y, tol)
        else:
            fcodes, fnames = name_codes(feet, foot, shape)
            acodes, anames = name_codes(aspects, aspect, shape)
            combo = fcodes.astype(np.int64) * len(anames) + acodes
            index = np.empty(len(x), np.int32)
            dist = np.empty(len(x)) if tol > 0 else None
            for c in np.unique(combo):
                g = self.grid(fnames[c // len(anames)], anames[c % len(anames)])
                sel = np.flatnonzero(combo == c)
                i, d = self._run(g, x[sel], y[sel], tol)
                index[sel] = i
                if dist is not None:
                    dist[sel] = d
        return HitArray(
            index.reshape(shape), self.shapes, None if dist is None else dist.reshape(shape)
        )

    @staticmethod
    def _run(g: Grid, x: np.ndarray, y: np.ndarray, tol: float):
        index = g.primary(x, y)
        if tol <= 0.0:
            return index, None
        dist = np.where(index >= 0, 0.0, np.inf)
        miss = np.flatnonzero(index < 0)
        pts, zi, d = g.nearest_many(x[miss], y[miss], tol)
        index[miss[pts]] = zi
        dist[miss[pts]] = d
        return index, dist

    # -------------------------------------------------------------- charts
    def hit_chart(
        self, cx: object, cy: object, layout: Layout, tolerance: object = 0.0
    ) -> HitResult | None:
        """See :meth:`footviz.Atlas.hit_chart`."""
        cxf, cyf = check_real("cx", cx), check_real("cy", cy)
        tol = check_tolerance(tolerance)
        for panel in layout_panels(layout):
            x0, y0, x1, y1 = panel.chart_bounds
            if x0 - tol <= cxf <= x1 + tol and y0 - tol <= cyf <= y1 + tol:
                fx, fy = panel.from_chart(cxf, cyf)
                found = self.hit(float(fx), float(fy), panel.foot, panel.aspect, tol)
                if found is not None:
                    return found
        return None

    def hit_chart_many(
        self, cx: object, cy: object, layout: Layout, tolerance: object = 0.0
    ) -> HitArray:
        """See :meth:`footviz.Atlas.hit_chart_many`."""
        x = as_coords("cx", cx)
        y = as_coords("cy", cy)
        tol = check_tolerance(tolerance)
        panels = layout_panels(layout)
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise HitInputError(
                f"cx and cy must broadcast together; got shapes {x.shape}, {y.shape}"
            ) from None
        x = flat(x, shape)
        y = flat(y, shape)
        index = np.full(len(x), -1, np.int32)
        dist = np.full(len(x), np.inf)
        for panel in panels:
            x0, y0, x1, y1 = panel.chart_bounds
            sel = np.flatnonzero(
                (index < 0) & (x >= x0 - tol) & (x <= x1 + tol) & (y >= y0 - tol) & (y <= y1 + tol)
            )
            if not len(sel):
                continue
            fx, fy = panel.from_chart(x[sel], y[sel])
            i, d = self._run(self.grid(panel.foot, panel.aspect), fx, fy, tol)
            index[sel] = i
            dist[sel] = np.where(i >= 0, 0.0, np.inf) if d is None else d
        return HitArray(index.reshape(shape), self.shapes, dist.reshape(shape))
