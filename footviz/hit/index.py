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
touched by a border is decided against the few edges near it: each border block keeps a
reference point R whose side of every nearby edge is known, and the point is inside a zone
exactly when R is and the segment from R to the point crosses an even number of the zone's
edges.  Every orientation is either certain (Shewchuk's error bound) or, for points on or
within rounding of an edge, the answer comes from shapely's predicate.  The index is built
lazily, per (foot, aspect), on first use; it holds numpy arrays only (see
:attr:`HitIndex.nbytes`), and a grid's build memory is bounded (see :data:`MAX_CELL_WORDS`):
zones spread over a huge area get coarser cells.  Zones with NaN, infinite or far too large
vertices are refused with a :class:`HitIndexError` naming the zone.

Use it through the atlas: :meth:`footviz.Atlas.hit`, :meth:`~footviz.Atlas.hit_many` and
:meth:`~footviz.Atlas.hit_chart`.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from numbers import Real
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np
import shapely

try:  # the built-in SHA-256 (hashlib's import loads OpenSSL: a slower start-up)
    from _sha2 import sha256  # Python >= 3.12
except ImportError:  # pragma: no cover - by version
    try:
        from _sha256 import sha256  # Python 3.10, 3.11
    except ImportError:
        from hashlib import sha256

from ..atlas.model import ZoneShape, check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from ..errors import FootvizError, NotInAtlasError

if TYPE_CHECKING:  # pragma: no cover
    from ..atlas.layout import Layout

__all__ = [
    "HitArray",
    "HitIndex",
    "HitIndexError",
    "HitInputError",
    "HitResult",
    "Overlap",
    "as_coords",
]

EPS = 1e-6  # mm: a cell counts as touched by a border that passes this close to it
_CHUNK = 1 << 15  # points per chunk of the vectorised path (keeps temporaries in cache)
_PARALLEL_MIN = 1 << 17  # from this many points, chunks run on a thread pool
_SMALL = 96  # up to this many points, a loop over the single-point path
#: Error bound of a point's side of a line stored as float32 coefficients (a, b, c) of
#: ``a x + b y + c``: each coefficient is off by at most 2**-24 of itself and |c| is at most
#: ``(|a| + |b|) m`` (m = |ax| + |ay| of the edge's first vertex), so the value is off by less
#: than ``6e-8 (|a| + |b|) (|x| + |y| + m)``; a larger value has a certain sign.
_LINE_ERR = 1e-6
_SMALL_EXACT = 48  # up to this many border points, a loop over the plain-Python exact test


# ---------------------------------------------------------------------- results
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


# ---------------------------------------------------------------------- input checking
class HitInputError(FootvizError, TypeError, ValueError):
    """Bad input to hit-testing: the message names the parameter, the value and what is allowed.

    It is a :class:`~footviz.FootvizError` and, for code written against older footviz
    versions, also a ``TypeError`` and a ``ValueError``.
    """


class HitIndexError(FootvizError, ValueError):
    """An atlas whose geometry cannot be indexed (non-finite or far too large coordinates)."""


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _scalar(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise HitInputError(f"{name} must be a real number of millimetres, got {_short(value)}")
    return float(value)


def _tolerance(value: object) -> float:
    tol = _scalar("tolerance", value)
    if not (math.isfinite(tol) and tol >= 0.0):
        raise HitInputError(f"tolerance must be a finite number of mm >= 0, got {_short(value)}")
    return tol


def as_coords(name: str, value: object) -> np.ndarray:
    """``value`` as a float64 array of coordinates, for the array-in, array-out functions.

    Parameters
    ----------
    name : str
        The parameter's name, for the error message.
    value : number, sequence or array
        int, unsigned or float numbers, in any shape (a scalar gives a 0-d array); an object
        array must hold real numbers only.  NaN and inf pass through (they hit nothing).

    Raises
    ------
    HitInputError
        For None, strings, booleans, complex numbers, ragged lists and the like.
    """
    if value is None or isinstance(value, (str, bytes)):
        raise HitInputError(f"{name} must be numbers (mm), got {_short(value)}")
    try:
        arr = value if isinstance(value, np.ndarray) else np.asarray(value)
    except (TypeError, ValueError):  # ragged lists and the like
        raise HitInputError(
            f"{name} must be numbers or an array of numbers (mm), got {_short(value)}"
        ) from None
    kind = arr.dtype.kind
    if kind in "iuf":
        return arr.astype(np.float64, copy=False)
    if kind == "O" and all(
        isinstance(v, Real) and not isinstance(v, bool) for v in arr.ravel().tolist()
    ):
        return arr.astype(np.float64)
    raise HitInputError(
        f"{name} must be an array of real numbers (int or float), got dtype {arr.dtype} "
        f"({_short(arr.ravel()[:3])})"
    )


_coords = as_coords  # the old private name, for code that still imports it


def _flat(arr: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``arr`` broadcast to ``shape``, as a contiguous 1-D array (no copy when it already is)."""
    if arr.shape != shape:
        arr = np.broadcast_to(arr, shape)
    return np.ascontiguousarray(arr).ravel()


def _unique_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of a 2-D uint64 bit array (sorted) and each row's index among them."""
    rows = np.ascontiguousarray(rows)
    if rows.shape[1] == 1:
        uniq, inverse = np.unique(rows[:, 0], return_inverse=True)
        return uniq[:, None], inverse.ravel()
    view = rows.view(np.dtype((np.void, rows.itemsize * rows.shape[1]))).ravel()
    uniq, inverse = np.unique(view, return_inverse=True)
    return uniq.view(np.uint64).reshape(-1, rows.shape[1]), inverse.ravel()


def _bits_to_ranks(row: np.ndarray) -> list[int]:
    """Set bits of a uint64 bit row, ascending."""
    return [w * 64 + i for w, word in enumerate(row.tolist()) for i in range(64) if word >> i & 1]


def _ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR rows given by ``starts`` and ``counts``: (row of each item, flat item index)."""
    total = int(counts.sum())
    row = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return row, np.repeat(starts, counts) + within


# ---------------------------------------------------------------------- on-disk cache
_FORMAT = "footviz-hit-4"  # bump when the arrays or their meaning change


def cache_dir() -> str | None:
    """Directory of the on-disk index cache, or None when ``FOOTVIZ_NO_CACHE`` is set.

    ``$XDG_CACHE_HOME/footviz`` (default ``~/.cache/footviz``).
    """
    if os.environ.get("FOOTVIZ_NO_CACHE", "") not in ("", "0"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(root, "footviz")


def _cache_path(key: str) -> str | None:
    d = cache_dir()
    return None if d is None else os.path.join(d, f"hit-{key}.npz")


def _cache_load(key: str) -> dict[str, np.ndarray] | None:
    path = _cache_path(key)
    if path is None or not os.path.exists(path):
        return None
    try:
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as f:
            return {name: f[name] for name in f.files}
    except Exception:  # corrupt, truncated or unreadable: rebuild (and overwrite)
        return None


def _cache_save(key: str, arrays: dict[str, np.ndarray]) -> None:
    """The one place the cache is written, through the package's one writer (atomic); a
    cache that cannot be written is skipped."""
    from .._internal.atomic import write_with

    path = _cache_path(key)
    if path is None:
        return
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_with(path, lambda f: np.savez(f, **arrays))
    except OSError:
        pass


def _split(flat: np.ndarray, sizes: np.ndarray) -> list[list[int]]:
    """CSR (flat values, lengths) to lists."""
    if flat.ndim != 1 or sizes.ndim != 1 or int(sizes.sum()) != len(flat) or (sizes < 0).any():
        raise ValueError("bad CSR arrays")
    out, i = [], 0
    vals = flat.tolist()
    for n in sizes.tolist():
        out.append(vals[i : i + n])
        i += n
    return out


# ---------------------------------------------------------------------- exact orientation
#: Shewchuk's error bound of a 2-D orientation determinant computed in double precision:
#: when ``|det| > ORIENT_ERR * (|left| + |right|)`` the sign of ``det`` is certain.
ORIENT_ERR = 3.3306690738754716e-16

#: Where a border block's reference point may sit, in block units; the first offset that
#: lies clearly off every edge listed for the block is used.
_REF_OFFSETS = (
    (0.5, 0.5),
    (0.37, 0.61),
    (0.63, 0.29),
    (0.21, 0.83),
    (0.79, 0.17),
    (0.41, 0.13),
    (0.13, 0.47),
    (0.87, 0.71),
)

#: Build memory bound: fine cells times 64-zone words of the two bit planes the build fills
#: (each plane at most 32 MiB).  Past it the grid's cells grow (coarser resolution).
MAX_CELL_WORDS = 1 << 22

#: Coordinates beyond this many mm from the origin are refused (doubles lose the precision
#: the index needs there).
MAX_COORDINATE = 1e12


# ---------------------------------------------------------------------- one grid
class _Grid:
    """The index of one (foot, aspect): zones in rank order and the two-level grid.

    Coarse cells of ``h`` mm (``coarse``, or larger when the memory bound asks for it) hold a
    set of zones, or a block of ``block`` x ``block`` sub-cells.  A sub-cell holds a set of
    zones or, when a border touches it, an *exact class*: the zones covering all of it (base)
    and the zones whose border touches it (candidates).  Each border block keeps a reference
    point R (known to be inside or outside each candidate zone) and, per candidate zone, the
    edges that come within ``eps`` of the block; a point P of the block is inside a candidate
    zone exactly when R is and segment RP crosses an even number of those edges.  Each
    orientation test is certain or, within its error bound (P on or next to an edge, RP
    through a vertex), the point goes to shapely.
    """

    def __init__(
        self,
        foot: str,
        aspect: str,
        shapes: Sequence[ZoneShape],
        global_index: Sequence[int],
        coarse: float,
        block: int,
    ) -> None:
        self.foot = foot
        self.aspect = aspect
        # rank order: smallest area first, ties by atlas order
        order = sorted(range(len(shapes)), key=lambda i: (shapes[i].area, global_index[i]))
        self.shapes: tuple[ZoneShape, ...] = tuple(shapes[i] for i in order)
        self.nz = nz = len(self.shapes)
        self.rank_to_global = np.array([global_index[i] for i in order] + [-1], np.int32)
        self.rank_global_of = {id(shapes[i]): int(global_index[i]) for i in order}
        self._wkb = shapely.to_wkb([s.geometry for s in self.shapes]).tolist() if nz else []
        self._geoms: list | None = None
        self._geoms_lock = threading.Lock()
        self._check_geometry()
        self._tree: shapely.STRtree | None = None
        self._tree_lock = threading.Lock()
        shift = int(block).bit_length() - 1
        if block != 1 << shift or block < 1:
            raise ValueError(f"block must be a power of two, got {block!r}")
        self.shift = shift
        self.block = block
        self.coarse = float(coarse)
        if nz == 0:
            self._empty()
            return
        key = self._cache_key()
        saved = _cache_load(key)
        if saved is None or not self._restore(saved):
            self._build()
            _cache_save(key, self._saved())

    def _check_geometry(self) -> None:
        """Refuse NaN, infinite and far too large vertices, naming the zone."""
        if not self.nz:
            return
        xy, which = shapely.get_coordinates([s.geometry for s in self.shapes], return_index=True)
        bad = ~np.isfinite(xy).all(axis=1) | (np.abs(xy) > MAX_COORDINATE).any(axis=1)
        if bad.any():
            k = int(np.flatnonzero(bad)[0])
            s = self.shapes[int(which[k])]
            raise HitIndexError(
                f"zone {s.zone.id!r} ({s.foot} {s.aspect}) has a vertex at "
                f"{_short(xy[k].tolist())}: hit-testing needs finite coordinates within "
                f"{MAX_COORDINATE:g} mm of the origin"
            )

    @property
    def geoms(self) -> list:
        """Private prepared copies of the zone geometry (WKB round trip: bit-identical), made
        on first use (the exact fallback, tolerances, the build)."""
        if self._geoms is None:
            with self._geoms_lock:
                if self._geoms is None:
                    geoms = [shapely.from_wkb(w) for w in self._wkb]
                    for g in geoms:
                        shapely.prepare(g)
                        # build GEOS's lazy point locator now, so concurrent readers never do
                        x0, y0, x1, y1 = g.bounds
                        shapely.intersects_xy(g, [x0, (x0 + x1) / 2], [y0, (y0 + y1) / 2])
                    self._geoms_arr = np.array(geoms, dtype=object)
                    self._geoms = geoms
        return self._geoms

    def _geoms_array(self) -> np.ndarray:
        self.geoms  # noqa: B018 (made on first use)
        return self._geoms_arr

    # -------------------------------------------------------------- on-disk cache
    def _cache_key(self) -> str:
        """Hash of everything the grid's arrays depend on."""
        h = sha256()
        h.update(f"{_FORMAT}|{MAX_CELL_WORDS}|{self.coarse!r}|{self.block}|".encode())
        h.update(self.rank_to_global.tobytes())
        for w in self._wkb:
            h.update(w)
        return h.hexdigest()[:32]

    _ARRAYS = ("coarse_codes", "blocks", "lut", "sub_lut", "ref", "blk_ptr", "ent", "ent_ptr")
    _ARRAYS += ("edges", "segs")

    def _saved(self) -> dict[str, np.ndarray]:
        """The built arrays, as stored in the cache file."""
        sizes = [len(r) for r in self.set_ranks]
        bsizes = [len(r) for r in self.cls_base]
        csizes = [len(r) for r in self.cls_cand]
        out = {name: getattr(self, name) for name in self._ARRAYS}
        out.update(
            geo=np.array([self.x0, self.y0, self.h, self.k, self.eps]),
            dims=np.array([self.ncx, self.ncy, self.nsets], np.int64),
            set_len=np.array(sizes, np.int64),
            set_ranks=np.array([r for m in self.set_ranks for r in m], np.int64),
            base_len=np.array(bsizes, np.int64),
            base_ranks=np.array([r for m in self.cls_base for r in m], np.int64),
            cand_len=np.array(csizes, np.int64),
            cand_ranks=np.array([r for m in self.cls_cand for r in m], np.int64),
        )
        return out

    def _restore(self, d: dict[str, np.ndarray]) -> bool:
        """Take the arrays of a cache file; False (and nothing changed) when they do not fit."""
        try:
            x0, y0, h, k, eps = (float(v) for v in d["geo"])
            ncx, ncy, nsets = (int(v) for v in d["dims"])
            arrays = {name: d[name] for name in self._ARRAYS}
            codes, blocks, lut, sub_lut = (arrays[n] for n in self._ARRAYS[:4])
            ref, blk_ptr, ent, ent_ptr, edges, segs = (arrays[n] for n in self._ARRAYS[4:])
            sets = _split(d["set_ranks"], d["set_len"])
            base = _split(d["base_ranks"], d["base_len"])
            cand = _split(d["cand_ranks"], d["cand_len"])
            nz, B = self.nz, self.block
            nblocks = len(blocks) >> (2 * self.shift)
            ok = (
                len(sets) == nsets
                and len(base) == len(cand)
                and codes.ndim == blocks.ndim == 1
                and codes.dtype.kind == "i"
                and blocks.dtype.kind in "ui"
                and len(codes) == ncx * ncy
                and nblocks * B * B == len(blocks)
                and lut.dtype == sub_lut.dtype == np.int32
                and len(lut) == nsets + nblocks
                and len(sub_lut) == nsets + len(base)
                and 0 <= int(codes.min())
                and int(codes.max()) < len(lut)
                and 0 <= int(blocks.min())
                and int(blocks.max()) < len(sub_lut)
                and all(0 <= r < nz for m in sets + base + cand for r in m)
                and ref.shape == (nblocks, 2)
                and ref.dtype == segs.dtype == np.float64
                and segs.ndim == 2
                and segs.shape[0] == 6
                and blk_ptr.dtype == ent.dtype == ent_ptr.dtype == edges.dtype == np.int32
                and len(blk_ptr) == nblocks + 1
                and len(ent_ptr) == len(ent) + 1
                and int(blk_ptr[0]) == 0
                and int(blk_ptr[-1]) == len(ent)
                and bool((np.diff(blk_ptr) >= 0).all())
                and int(ent_ptr[0]) == 0
                and int(ent_ptr[-1]) == len(edges)
                and bool((np.diff(ent_ptr) >= 1).all())
                and (len(ent) == 0 or (0 <= int(ent.min()) and int(ent.max()) < 2 * nz))
                and (
                    len(edges) == 0
                    or (0 <= int(edges.min()) and int(edges.max()) < 2 * segs.shape[1])
                )
                and k > 0
                and h > 0
            )
        except Exception:  # a damaged or foreign file: rebuild
            return False
        if not ok:
            return False
        self.x0, self.y0, self.h, self.k, self.eps = x0, y0, h, k, eps
        self.ncx, self.ncy, self.nsets = ncx, ncy, nsets
        for name, arr in arrays.items():
            setattr(self, name, arr)
        self._sets(sets)
        self._classes(base, cand)
        self._views()
        return True

    # -------------------------------------------------------------- build
    def _empty(self) -> None:
        self.x0 = self.y0 = 0.0
        self.h = self.k = 1.0
        self.eps = EPS
        self.ncx = self.ncy = 1
        self.coarse_codes = np.zeros(1, np.int32)
        self.blocks = np.zeros(0, np.uint8)
        self.lut = np.full(1, -1, np.int32)
        self.sub_lut = np.full(1, -1, np.int32)
        self.ref = np.zeros((0, 2))
        self.blk_ptr = np.zeros(1, np.int32)
        self.ent = np.zeros(0, np.int32)
        self.ent_ptr = np.zeros(1, np.int32)
        self.edges = np.zeros(0, np.int32)
        self.segs = np.zeros((6, 0))
        self.nsets = 1
        self._sets([[]])
        self._classes([], [])
        self._views()

    def _layout(self, b: np.ndarray) -> None:
        """Grid origin, cell size and shape for zone bounds ``b``, within the memory bound."""
        B = self.block
        words = (self.nz + 63) // 64
        minx, miny = float(b[:, 0].min()), float(b[:, 1].min())
        maxx, maxy = float(b[:, 2].max()), float(b[:, 3].max())
        mag = max(abs(minx), abs(miny), abs(maxx), abs(maxy), 1.0)
        # a cell classification holds over the cell grown by eps: far more than the rounding
        # of a point's cell coordinates
        self.eps = max(EPS, mag * 2.0**-30)
        cap = MAX_CELL_WORDS // (B * B * words)
        if cap < 25:
            raise HitIndexError(
                f"{self.nz} zones on the {self.foot} foot's {self.aspect} aspect are too many "
                f"to index within the memory bound ({MAX_CELL_WORDS} cell-words)"
            )
        h = self.coarse
        while True:
            ncx = math.floor((maxx - minx) / h) + 5  # two empty cells each side, one to spare
            ncy = math.floor((maxy - miny) / h) + 5
            if ncx * ncy <= cap:
                break
            h = max(h * 1.05, math.sqrt((maxx - minx) * (maxy - miny) / cap))
        self.h = h
        self.x0 = minx - 2 * h
        self.y0 = miny - 2 * h
        self.k = B / h
        self.ncx, self.ncy = ncx, ncy

    def _build(self) -> None:
        nz, B = self.nz, self.block
        geoms = self.geoms
        b = shapely.bounds(self._geoms_array())
        self._layout(b)
        x0, y0, h, ncx, ncy = self.x0, self.y0, self.h, self.ncx, self.ncy
        hf = h / B
        nfx, nfy = ncx * B, ncy * B
        words = (nz + 63) // 64
        state = np.zeros((nfy, nfx, words), np.uint64)
        touch = np.zeros((nfy, nfx, words), np.uint64)
        self._seg_counts: list[int] = []
        seg_parts, pair_cells, pair_segs = [], [], []
        nseg = 0
        for r, g in enumerate(geoms):
            seg, cells, which = self._raster_zone(r, g, state, touch, x0, y0, hf, nfx, nfy)
            seg_parts.append(seg)
            pair_cells.append(cells)
            pair_segs.append(which + nseg)
            nseg += len(seg)
        touched = touch.any(axis=2)
        coarse_border = touched.reshape(ncy, B, ncx, B).any(axis=(1, 3))
        # bit rows needing a set id: pure coarse cells, pure sub-cells, bases of blocks
        pure_c = ~coarse_border
        rows_pure_c = state[::B, ::B][pure_c]
        bc = np.flatnonzero(coarse_border.ravel())  # border coarse cells, row-major
        nblocks = len(bc)
        by, bx = np.divmod(bc, ncx)
        oy, ox = np.divmod(np.arange(B * B), B)
        fy = (by[:, None] * B + oy[None, :]).ravel()
        fx = (bx[:, None] * B + ox[None, :]).ravel()
        sub_state = state[fy, fx]
        sub_touch = touch[fy, fx]
        sub_touched = touched[fy, fx]
        del state, touch, touched
        # touched sub-cells: zones covering all of it (base) and zones whose border touches it
        t_sel = np.flatnonzero(sub_touched)
        t_touch = sub_touch.reshape(-1, words)[t_sel]
        t_base = sub_state.reshape(-1, words)[t_sel] & ~t_touch
        sub_bits = sub_state.reshape(-1, words)
        allrows = np.concatenate([rows_pure_c, sub_bits])
        uniq, inverse = _unique_rows(allrows)
        nsets = len(uniq)
        self.nsets = nsets
        self._sets([_bits_to_ranks(row) for row in uniq])
        set_primary = self.rank_to_global[self.set_best]
        # exact classes: distinct (base, candidates) of touched sub-cells
        cuniq, cinv = _unique_rows(np.concatenate([t_base, t_touch], axis=1))
        ncls = len(cuniq)
        self._classes(
            [_bits_to_ranks(row[:words]) for row in cuniq],
            [_bits_to_ranks(row[words:]) for row in cuniq],
        )
        # coarse codes: set id, or nsets + block number
        npc = len(rows_pure_c)
        ctype = np.int16 if nsets + nblocks < 2**15 else np.int32
        codes = np.empty(ncy * ncx, ctype)
        codes[pure_c.ravel()] = inverse[:npc]
        codes[bc] = nsets + np.arange(nblocks)
        self.coarse_codes = codes
        self.lut = np.concatenate([set_primary, np.full(nblocks, -2, np.int32)])
        # sub-cells: set id, or nsets + exact class
        top = nsets + ncls
        dtype = np.uint8 if top <= 256 else np.uint16 if top <= 65536 else np.int32
        blocks = inverse[npc:].astype(dtype)
        blocks[t_sel] = (nsets + cinv).astype(dtype)
        self.blocks = blocks
        self.sub_lut = np.concatenate([set_primary, -3 - np.arange(ncls, dtype=np.int32)])
        # edges per border block and zone
        segs = np.vstack(seg_parts) if seg_parts else np.zeros((0, 4))
        self._edge_tables(segs, np.concatenate(pair_cells), np.concatenate(pair_segs), bx, by)
        self._views()

    def _edge_tables(self, segs, cells, seg_ids, bx, by) -> None:
        """Per border block: a reference point, and per zone whose border comes near the block,
        whether the reference point is inside it and the edges near the block."""
        nblocks = len(bx)
        nseg = len(segs)
        zone_of_seg = np.repeat(np.arange(len(self._seg_counts)), self._seg_counts)
        block_of_cell = self.coarse_codes.astype(np.int64) - self.nsets  # >= 0 for blocks
        blk = block_of_cell[cells]
        keep = blk >= 0
        key = np.unique(blk[keep] * max(nseg, 1) + seg_ids[keep])
        pb, ps = np.divmod(key, max(nseg, 1))
        ax, ay, ex, ey = segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3]
        dx, dy = ex - ax, ey - ay
        self.segs = np.array([ax, ay, ex, ey, dx, dy]) if nseg else np.zeros((6, 0))
        # reference points: the first offset clearly off every edge listed for the block
        ref = np.full((nblocks, 2), np.nan)
        pending = np.ones(nblocks, bool)
        sgn = np.zeros(len(pb), bool)
        for ox, oy in _REF_OFFSETS:
            rx = self.x0 + (bx + ox) * self.h
            ry = self.y0 + (by + oy) * self.h
            sel = np.flatnonzero(pending[pb])
            s = ps[sel]
            left = dx[s] * (ry[pb[sel]] - ay[s])
            right = dy[s] * (rx[pb[sel]] - ax[s])
            det = left - right
            ok = np.abs(det) > ORIENT_ERR * (np.abs(left) + np.abs(right)) * 4.0
            bad = np.zeros(nblocks, bool)
            bad[pb[sel[~ok]]] = True
            accept = pending & ~bad
            ref[accept, 0], ref[accept, 1] = rx[accept], ry[accept]
            took = accept[pb[sel]]
            sgn[sel[took]] = det[took] > 0
            pending &= bad
            if not pending.any():
                break
        # entries: (block, zone) with the edges of that zone near the block
        pz = zone_of_seg[ps]
        ekey = pb * max(self.nz, 1) + pz
        first = np.flatnonzero(np.r_[True, np.diff(ekey) != 0]) if len(ekey) else ekey
        ent_block, ent_rank = pb[first], pz[first]
        valid = ~np.isnan(ref[ent_block, 0])
        rin = np.zeros(len(first), bool)
        if valid.any():
            v = np.flatnonzero(valid)
            rin[v] = shapely.intersects_xy(
                self._geoms_array()[ent_rank[v]], ref[ent_block[v], 0], ref[ent_block[v], 1]
            )
        self.ref = ref
        self.ent = (ent_rank * 2 + rin).astype(np.int32)
        self.ent_ptr = np.r_[first, len(ekey)].astype(np.int32)
        self.blk_ptr = np.searchsorted(ent_block, np.arange(nblocks + 1)).astype(np.int32)
        self.edges = (ps * 2 + sgn).astype(np.int32)

    def _sets(self, members: list) -> None:
        nz = self.nz
        self.set_ranks = [tuple(m) for m in members]
        self.set_shapes = [tuple(self.shapes[r] for r in m) for m in members]
        self.set_best = np.array([m[0] if m else nz for m in members], np.int32)

    def _classes(self, base: list[list[int]], cand: list[list[int]]) -> None:
        """Tables of the exact classes (border sub-cells with the same base and candidates)."""
        nz = self.nz
        self.cls_base = [tuple(b) for b in base]
        self.cls_cand = [tuple(c) for c in cand]
        self.cls_best = np.array([b[0] if b else nz for b in base], np.int32)
        # the zones a primary-only query tests: candidates below the base's best, ascending
        tests = [[r for r in c if r < (b[0] if b else nz)] for b, c in zip(base, cand, strict=True)]
        self.cls_tcount = np.array([len(t) for t in tests], np.int64)
        self.cls_tptr = np.r_[0, np.cumsum(self.cls_tcount)[:-1]].astype(np.int64)
        self.cls_tranks = np.array([r for t in tests for r in t], np.int64)
        if not len(base):
            self.cls_tptr = np.zeros(0, np.int64)

    def _views(self) -> None:
        # memoryviews give fast Python-int indexing for the single-touch path
        self.coarse_mv = memoryview(self.coarse_codes)
        self.blocks_mv = memoryview(self.blocks)
        self.bmask = self.block - 1
        # ent_at[block * nz + rank]: which entry of the block is that zone's (255: none)
        nb, nz = len(self.blk_ptr) - 1, max(self.nz, 1)
        per_block = np.diff(self.blk_ptr)
        block_of_ent = np.repeat(np.arange(nb, dtype=np.int64), per_block)
        local = np.arange(len(self.ent)) - np.repeat(self.blk_ptr[:-1], per_block)
        wide = len(per_block) and int(per_block.max()) >= 255
        self.ent_at = np.full(nb * nz, -1 if wide else 255, np.int32 if wide else np.uint8)
        self.ent_at[block_of_ent * nz + (self.ent >> 1)] = local
        self._no_ent = int(self.ent_at.dtype.type(-1 if wide else 255))
        # the batch path's shortcut for entries with one straight edge across the block:
        # det(P) = a x + b y + c, the side of P; kind 0/1: one edge (1: inside where det > 0
        # is the other side from R's membership), 2: several edges, 3: no reference point
        ne = np.diff(self.ent_ptr)
        one = np.flatnonzero(ne == 1)
        e = self.edges[self.ent_ptr[:-1][one]] if len(one) else np.zeros(0, np.int32)
        i = e >> 1
        ax, ay, dx, dy = self.segs[0][i], self.segs[1][i], self.segs[4][i], self.segs[5][i]
        line = np.zeros((len(self.ent), 4), np.float32)  # see _LINE_ERR
        line[one] = np.column_stack([-dy, dx, dy * ax - dx * ay, np.abs(ax) + np.abs(ay)])
        kind = np.full(len(self.ent), 2, np.uint8)
        kind[one] = ((self.ent[one] & 1) ^ (e & 1)).astype(np.uint8)
        if len(self.ref):
            kind[np.isnan(self.ref[block_of_ent, 0])] = 3
        self.ent_line, self.ent_kind = line, kind
        self._single()

    def _raster_zone(self, r, geom, state, touch, x0, y0, hf, nfx, nfy):
        """Fill zone ``r`` into the bit planes; return its edges (ax, ay, bx, by) and the
        (coarse cell, edge) pairs of the cells its border comes within eps of."""
        eps, B, s = self.eps, self.block, self.shift
        word, bit = r // 64, np.uint64(1) << np.uint64(r % 64)
        gx0, gy0, gx1, gy1 = geom.bounds
        c0 = max(math.floor((gx0 - eps - x0) / hf) - 1, 0)
        c1 = min(math.floor((gx1 + eps - x0) / hf) + 1, nfx - 1)
        r0 = max(math.floor((gy0 - eps - y0) / hf) - 1, 0)
        r1 = min(math.floor((gy1 + eps - y0) / hf) + 1, nfy - 1)
        wx, wy = c1 - c0 + 1, r1 - r0 + 1
        rings = shapely.get_rings(shapely.get_parts(geom))
        segs = []
        for ring in rings:
            c = shapely.get_coordinates(ring)
            segs.append(np.hstack([c[:-1], c[1:]]))
        seg = np.vstack(segs)
        self._seg_counts.append(len(seg))
        ax, ay, bx, by = seg.T
        # -- cells a border passes within eps of: split edges into pieces <= hf / 2 long
        length = np.hypot(bx - ax, by - ay)
        n = np.maximum(np.ceil(length / (hf / 2)).astype(np.int64), 1)
        idx = np.repeat(np.arange(len(seg)), n)
        j = np.arange(len(idx)) - np.repeat(np.cumsum(n) - n, n)
        t0 = j / n[idx]
        t1 = (j + 1) / n[idx]
        px0 = ax[idx] + (bx - ax)[idx] * t0
        py0 = ay[idx] + (by - ay)[idx] * t0
        px1 = np.where(j + 1 == n[idx], bx[idx], ax[idx] + (bx - ax)[idx] * t1)
        py1 = np.where(j + 1 == n[idx], by[idx], ay[idx] + (by - ay)[idx] * t1)
        lo_x = np.floor((np.minimum(px0, px1) - eps - x0) / hf).astype(np.int64) - c0
        hi_x = np.floor((np.maximum(px0, px1) + eps - x0) / hf).astype(np.int64) - c0
        lo_y = np.floor((np.minimum(py0, py1) - eps - y0) / hf).astype(np.int64) - r0
        hi_y = np.floor((np.maximum(py0, py1) + eps - y0) / hf).astype(np.int64) - r0
        tw = np.zeros((wy, wx), bool)
        cells, which = [], []
        for cy in (lo_y, hi_y):
            for cx in (lo_x, hi_x):
                tw[cy, cx] = True
                cells.append(((cy + r0) >> s) * (nfx // B) + ((cx + c0) >> s))
                which.append(idx)
        pair = np.unique(np.concatenate(cells) * len(seg) + np.concatenate(which))
        # -- even-odd scanline fill at cell centres (half-open rule at vertices)
        yc = y0 + (np.arange(r0, r1 + 1) + 0.5) * hf
        ylo, yhi = np.minimum(ay, by), np.maximum(ay, by)
        first = np.clip(np.floor((ylo - y0) / hf - 0.5).astype(np.int64) - r0, 0, wy)
        last = np.clip(np.floor((yhi - y0) / hf - 0.5).astype(np.int64) + 1 - r0, -1, wy - 1)
        cnt = np.maximum(last - first + 1, 0)
        sidx = np.repeat(np.arange(len(seg)), cnt)
        row = np.repeat(first, cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))
        yr = yc[row]
        cross = (ay[sidx] > yr) != (by[sidx] > yr)
        sidx, row, yr = sidx[cross], row[cross], yr[cross]
        xc = ax[sidx] + (yr - ay[sidx]) * (bx[sidx] - ax[sidx]) / (by[sidx] - ay[sidx])
        col = np.floor((xc - x0) / hf - 0.5).astype(np.int64) + 1 - c0
        col = np.clip(col, 0, wx)
        tog = np.zeros((wy, wx + 1), np.uint8)
        np.bitwise_xor.at(tog, (row, col), 1)
        inside = np.bitwise_xor.accumulate(tog[:, :wx], axis=1).view(bool)
        view = state[r0 : r1 + 1, c0 : c1 + 1, word]
        np.bitwise_or(view, bit, out=view, where=inside)
        view = touch[r0 : r1 + 1, c0 : c1 + 1, word]
        np.bitwise_or(view, bit, out=view, where=tw)
        return seg, pair // len(seg), pair % len(seg)

    # -------------------------------------------------------------- facts
    @property
    def nbytes(self) -> int:
        arrays = [getattr(self, name) for name in self._ARRAYS]
        arrays += [
            self.set_best,
            self.rank_to_global,
            self.cls_best,
            self.ent_at,
            self.ent_line,
            self.ent_kind,
        ]
        arrays += [self.cls_tcount, self.cls_tptr, self.cls_tranks]
        tables = sum(8 * (len(t) + 4) for t in self.set_shapes)
        tables += sum(
            8 * (len(b) + len(c) + 8) for b, c in zip(self.cls_base, self.cls_cand, strict=True)
        )
        return sum(a.nbytes for a in arrays) + tables

    @property
    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            with self._tree_lock:
                if self._tree is None:
                    self._tree = shapely.STRtree(self.geoms)
        return self._tree

    # -------------------------------------------------------------- single point
    def _single(self) -> None:
        """Bind the single-touch functions (:meth:`locate`, :meth:`hit1`) to closures over the
        grid's constants: no attribute lookups per touch."""
        k, nfx, nfy = self.k, float(self.ncx * self.block), float(self.ncy * self.block)
        cxf, cyf = -self.x0 * k, -self.y0 * k
        ncx, nsets = self.ncx, self.nsets
        s, s2, m = self.shift, 2 * self.shift, self.bmask
        coarse, blocks = self.coarse_mv, self.blocks_mv
        set_shapes = tuple(self.set_shapes)
        # one shared immutable result per set of zones (None for no zone): a plain touch
        # allocates nothing
        results = tuple(self._result(found) for found in set_shapes)
        # the exact border test answers with ranks; the same sets share the same results
        self._by_ranks: dict[tuple[int, ...], HitResult | None] = {
            tuple(ranks): res for ranks, res in zip(self.set_ranks, results, strict=True)
        }
        by_ranks = self._by_ranks
        border = self._border = [None]  # the plain-Python exact test, made on first use
        make_border = self._border_function
        result_of = self._result_of

        def hit1(x: float, y: float) -> HitResult | None:
            """The plain touch (no tolerance) at Python floats (x, y): the shared result."""
            fx = x * k + cxf
            fy = y * k + cyf
            if 0.0 <= fx < nfx and 0.0 <= fy < nfy:
                ix = int(fx)
                iy = int(fy)
                code = coarse[(iy >> s) * ncx + (ix >> s)]
                if code < nsets:
                    return results[code]
                b = code - nsets
                sid = blocks[(b << s2) + ((iy & m) << s) + (ix & m)]
                if sid < nsets:
                    return results[sid]
                f = border[0]
                if f is None:
                    f = border[0] = make_border()
                ranks = f(b, sid - nsets, x, y)
                found = by_ranks.get(ranks, by_ranks)  # the dict itself: not made yet
                return result_of(ranks) if found is by_ranks else found
            return None

        def locate(x: float, y: float) -> tuple[ZoneShape, ...]:
            """Every zone shape covering (x, y), in rank order."""
            found = hit1(x, y)
            return () if found is None else found[0]

        self.locate = locate
        self.hit1 = hit1

    def _border_function(self):
        """The exact test of one point in a border sub-cell, in plain Python: for each zone
        whose border touches the sub-cell, the parity of crossings of segment RP (R the
        block's reference point) with the zone's edges near the block; shapely decides only
        when an orientation is too close to zero to be certain."""
        cls_base, cls_cand = self.cls_base, self.cls_cand
        # plain lists and dicts: indexing them is several times faster than numpy arrays
        nz = max(self.nz, 1)
        per_block = np.diff(self.blk_ptr)
        block_of_ent = np.repeat(np.arange(len(per_block)), per_block)
        usable = np.flatnonzero(self.ent_kind != 3)
        keys = (block_of_ent * nz + (self.ent >> 1))[usable]
        where = dict(zip(keys.tolist(), usable.tolist(), strict=True))
        # per entry, made on first use (memory grows with the blocks touched, not the atlas):
        # one straight edge: (a, b, c, |a| + |b|, m, flip) of det = a x + b y + c (see _views);
        # several edges: (rin, rx, ry, rows), a row per edge (a, b, c, |a| + |b|, m, R's side,
        # ax, ay, bx, by)
        lines: list = [None] * len(self.ent)
        kinds = self.ent_kind.tolist()
        ent_line, ent, ent_ptr, edges = self.ent_line, self.ent, self.ent_ptr, self.edges
        segs, ref = self.segs, self.ref

        def entry(j: int, b: int) -> tuple:
            if kinds[j] <= 1:
                a, bb, c, m = ent_line[j].tolist()
                t: tuple = (a, bb, c, abs(a) + abs(bb), m, kinds[j])
            else:
                rows = []
                for e in edges[ent_ptr[j] : ent_ptr[j + 1]].tolist():
                    ax, ay, bx, by, dx, dy = segs[:, e >> 1].tolist()
                    line = (-dy, dx, dy * ax - dx * ay, abs(dx) + abs(dy), abs(ax) + abs(ay))
                    rows.append((*line, bool(e & 1), ax, ay, bx, by))
                rx, ry = ref[b].tolist()
                t = (int(ent[j] & 1), rx, ry, tuple(rows))
            lines[j] = t
            return t

        err = ORIENT_ERR
        exact_zone = self._exact_zone

        def ranks_at(b: int, c: int, x: float, y: float) -> tuple[int, ...]:
            ranks = cls_base[c]
            more = None
            bnz = b * nz
            axy = abs(x) + abs(y)
            for r in cls_cand[c]:
                j = where.get(bnz + r)
                if j is None:  # no reference point for this block: shapely
                    inside = exact_zone(r, x, y)
                elif len(ln := lines[j] or entry(j, b)) == 6:  # one edge: its side decides
                    det = ln[0] * x + ln[1] * y + ln[2]
                    if abs(det) > ln[3] * (axy + ln[4]) * _LINE_ERR:
                        inside = (det > 0.0) ^ ln[5]
                    else:
                        inside = exact_zone(r, x, y)
                else:  # several edges: R's membership, flipped by each edge RP crosses
                    inside, rx, ry, rows = ln
                    for ea, eb, ec, eab, em, side, ax, ay, bx, by in rows:
                        det = ea * x + eb * y + ec
                        if abs(det) <= eab * (axy + em) * 1e-12:
                            inside = -1  # on or next to the edge's line: shapely decides
                            break
                        if (det > 0.0) == side:
                            continue  # the point is on R's side of this edge's line
                        # on either side of the line: does segment RP cross the edge?
                        ux = x - rx
                        uy = y - ry
                        left = ux * (ay - ry)
                        right = uy * (ax - rx)
                        d3 = left - right
                        b3 = err * (abs(left) + abs(right))
                        left = ux * (by - ry)
                        right = uy * (bx - rx)
                        d4 = left - right
                        b4 = err * (abs(left) + abs(right))
                        if -b3 <= d3 <= b3 or -b4 <= d4 <= b4:
                            inside = -1
                            break
                        if (d3 > 0.0) != (d4 > 0.0):
                            inside ^= 1
                if inside < 0:
                    inside = exact_zone(r, x, y)
                if inside:
                    more = (r,) if more is None else (*more, r)
            if more is None:
                return ranks
            return tuple(sorted(ranks + more))

        return ranks_at

    @property
    def ranks_at(self):
        """``ranks_at(block, cls, x, y)``: ranks of the zones covering a point of a border
        sub-cell (the plain-Python exact test)."""
        f = self._border[0]
        if f is None:
            f = self._border[0] = self._border_function()
        return f

    def _exact_zone(self, r: int, x: float, y: float) -> bool:
        """shapely's answer for one point and one zone (the degenerate cases)."""
        return bool(shapely.intersects_xy(self.geoms[r], x, y))

    def _result(self, found: tuple[ZoneShape, ...]) -> HitResult | None:
        return HitResult(found, self.foot, self.aspect) if found else None

    def _result_of(self, ranks: tuple[int, ...]) -> HitResult | None:
        """The shared plain result of a set of ranks (made once: a border class has only a
        few possible sets)."""
        try:
            return self._by_ranks[ranks]
        except KeyError:
            res = self._result(tuple(self.shapes[r] for r in ranks))
            return self._by_ranks.setdefault(ranks, res)

    # -------------------------------------------------------------- many points
    def primary(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Global index of the primary zone of each point (1-D float64 arrays), -1 for none."""
        n = len(x)
        out = np.empty(n, np.int32)
        if self.nz == 0:
            out[:] = -1
            return out
        if n <= _SMALL:  # a Python loop beats numpy's per-call overhead
            glob, hit1 = self.rank_global_of, self.hit1
            for i, (px, py) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
                found = hit1(px, py)
                out[i] = -1 if found is None else glob[id(found[0][0])]
            return out
        if n <= _CHUNK:
            pos, blk, cls = self._chunk(x, y, out, 0, n)
            if len(pos) <= _SMALL_EXACT:  # a few border points: the plain-Python test
                ranks_at, glob = self.ranks_at, self.rank_to_global
                for p, b, c in zip(pos.tolist(), blk.tolist(), cls.tolist(), strict=True):
                    ranks = ranks_at(b, c, float(x[p]), float(y[p]))
                    out[p] = glob[ranks[0]] if ranks else -1
            else:
                out[pos] = self._exact(x.take(pos), y.take(pos), blk, cls)
            return out

        # grid pass per chunk, then the exact test in cache-sized pieces (one piece for few
        # border points: each call has a fixed cost); both on the pool for large inputs
        pool = _pool() if n >= _PARALLEL_MIN else None
        starts = range(0, n, _CHUNK)

        def grid_pass(a: int):
            return self._chunk(x, y, out, a, min(a + _CHUNK, n))

        found = list(pool.map(grid_pass, starts) if pool else map(grid_pass, starts))
        pos = np.concatenate([f[0] for f in found])
        if not len(pos):
            return out
        blk = np.concatenate([f[1] for f in found])
        cls = np.concatenate([f[2] for f in found])
        pieces = [slice(a, a + _CHUNK) for a in range(0, len(pos), _CHUNK)]

        def exact(sl: slice) -> None:
            p = pos[sl]
            out[p] = self._exact(x.take(p), y.take(p), blk[sl], cls[sl])

        if pool is not None and len(pieces) > 1:
            list(pool.map(exact, pieces))
        else:
            for sl in pieces:
                exact(sl)
        return out

    def _chunk(
        self, x: np.ndarray, y: np.ndarray, out: np.ndarray, a: int, b: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Grid pass over points a:b; returns (positions, blocks, exact classes) of the points
        that need the exact test."""
        kc = 1.0 / self.h
        gx = np.multiply(x[a:b], kc)
        gx -= self.x0 * kc
        gy = np.multiply(y[a:b], kc)
        gy -= self.y0 * kc
        # NaN goes to the last cell (fmin ignores NaN), -inf to the first: both empty
        np.fmin(gx, self.ncx - 0.5, out=gx)
        np.fmax(gx, 0.0, out=gx)
        np.fmin(gy, self.ncy - 0.5, out=gy)
        np.fmax(gy, 0.0, out=gy)
        ix = gx.astype(np.intp)
        ci = gy.astype(np.intp)
        ci *= self.ncx
        ci += ix
        code = self.coarse_codes.take(ci)
        res = out[a:b]
        np.take(self.lut, code, out=res)
        blk = np.flatnonzero(res == -2)
        if not len(blk):
            return blk, blk, blk
        B = self.block
        s = self.shift
        bn = code[blk].astype(np.intp)
        bn -= self.nsets
        gxb, gyb = gx[blk], gy[blk]
        lx = gxb - ix[blk]
        lx *= B
        ly = gyb - np.floor(gyb)
        ly *= B
        key = bn << (2 * s)
        key += ly.astype(np.intp) << s
        key += lx.astype(np.intp)
        sub = self.sub_lut.take(self.blocks.take(key))
        res[blk] = sub
        exact = np.flatnonzero(sub <= -3)
        cls = sub[exact]
        np.negative(cls, out=cls)
        cls -= 3
        return blk[exact] + a, bn[exact], cls

    def _exact(
        self, px: np.ndarray, py: np.ndarray, blk: np.ndarray, cls: np.ndarray
    ) -> np.ndarray:
        """Primary zones of points in border sub-cells (their blocks and exact classes).

        One (point, zone) pair per zone the point must be tested against (candidates below
        the base's best).  A pair whose zone has one straight edge across the block is decided
        by the point's side of that edge's line; a pair with several edges by the crossings
        of the segment from the block's reference point; shapely decides the pairs whose
        orientations are not certain (points on or within rounding of an edge line).
        """
        best = self.cls_best.take(cls).astype(np.int64)
        cnt = self.cls_tcount.take(cls)
        if not cnt.any():
            return self.rank_to_global.take(best)
        if int(cnt.max()) == 1:  # the common case: one zone to test per point
            pt = np.flatnonzero(cnt)
            r = self.cls_tranks.take(self.cls_tptr.take(cls.take(pt)))
        else:
            pt, flat = _ranges(self.cls_tptr.take(cls), cnt)
            r = self.cls_tranks.take(flat)
        bp = blk.take(pt)
        X, Y = px.take(pt), py.take(pt)
        inside = np.zeros(len(r), bool)
        todo = np.ones(len(r), bool)
        if len(self.ent):
            key = bp * max(self.nz, 1)
            key += r
            local = self.ent_at.take(key)
            found = local != self._no_ent
            j = self.blk_ptr.take(bp) + local
            j[~found] = 0
            kind = np.where(found, self.ent_kind.take(j), 3)
            # one straight edge: the side of its line (certain far beyond rounding)
            s1 = np.flatnonzero(kind <= 1)
            a, b, c, m = self.ent_line.take(j.take(s1), axis=0).T
            xs, ys = X.take(s1), Y.take(s1)
            with np.errstate(all="ignore"):
                det = a * xs
                det += b * ys
                det += c
                bound = np.abs(a, dtype=np.float64) + np.abs(b)
                bound *= np.abs(xs) + np.abs(ys) + m
                bound *= _LINE_ERR
            sure = np.abs(det) > bound
            inside[s1] = (det > 0) ^ kind.take(s1).astype(bool)
            todo[s1[sure]] = False
            # several edges: count the crossings of segment RP
            sm = np.flatnonzero(kind == 2)
            if len(sm):
                done, ins = self._crossings(X.take(sm), Y.take(sm), bp.take(sm), j.take(sm))
                inside[sm] = ins
                todo[sm[done]] = False
        d = np.flatnonzero(todo)
        if len(d):
            geoms = self._geoms_array()
            inside[d] = shapely.intersects_xy(geoms.take(r.take(d)), X.take(d), Y.take(d))
        hit = np.flatnonzero(inside)
        np.minimum.at(best, pt.take(hit), r.take(hit))
        return self.rank_to_global.take(best)

    def _crossings(
        self, X: np.ndarray, Y: np.ndarray, bp: np.ndarray, j: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(certain, inside) of points against entries ``j`` with several edges: R's
        membership flipped by each edge the segment from R to the point crosses."""
        inside = (self.ent.take(j) & 1).astype(bool)
        e0 = self.ent_ptr.take(j)
        pe, q = _ranges(e0, self.ent_ptr.take(j + 1) - e0)  # (pair, edge) rows
        e = self.edges.take(q)
        i = e >> 1
        segs = self.segs
        ax, ay = segs[0].take(i), segs[1].take(i)
        xe, ye = X.take(pe), Y.take(pe)
        with np.errstate(all="ignore"):
            left = segs[4].take(i) * (ye - ay)
            right = segs[5].take(i) * (xe - ax)
            det = left - right
            bound = np.abs(left)
            bound += np.abs(right)
            bound *= ORIENT_ERR
            sure = np.abs(det) > bound
            # edges with the point on the other side than R: does segment RP cross them?
            f = np.flatnonzero(sure & ((det > 0) != (e & 1).astype(bool)))
            pf = pe.take(f)
            rx, ry = self.ref[:, 0].take(bp.take(pf)), self.ref[:, 1].take(bp.take(pf))
            ux, uy = xe.take(f) - rx, ye.take(f) - ry
            left = ux * (ay.take(f) - ry)
            right = uy * (ax.take(f) - rx)
            d3 = left - right
            s3 = np.abs(d3) > ORIENT_ERR * (np.abs(left) + np.abs(right))
            left = ux * (segs[3].take(i.take(f)) - ry)
            right = uy * (segs[2].take(i.take(f)) - rx)
            d4 = left - right
            s4 = np.abs(d4) > ORIENT_ERR * (np.abs(left) + np.abs(right))
        unsure = ~sure
        unsure[f] = ~(s3 & s4)
        crossed = pf[(d3 > 0) != (d4 > 0)]
        inside ^= (np.bincount(crossed, minlength=len(j)) & 1).astype(bool)
        certain = np.ones(len(j), bool)
        certain[pe[unsure]] = False
        return certain, inside

    # -------------------------------------------------------------- tolerance
    def nearest(self, x: float, y: float, tolerance: float) -> tuple[ZoneShape, float] | None:
        if self.nz == 0 or not (math.isfinite(x) and math.isfinite(y)):
            return None
        found, dist = self.tree.query_nearest(
            shapely.points(x, y), max_distance=tolerance, return_distance=True, all_matches=True
        )
        if len(found) == 0:
            return None
        i = min(range(len(found)), key=lambda j: (dist[j], found[j]))
        return self.shapes[int(found[i])], float(dist[i])

    def nearest_many(
        self, x: np.ndarray, y: np.ndarray, tolerance: float
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(which points, global zone index, distance) for points within ``tolerance``."""
        ok = np.flatnonzero(np.isfinite(x) & np.isfinite(y))
        if self.nz == 0 or len(ok) == 0:
            empty = np.zeros(0, np.intp)
            return empty, empty.astype(np.int32), empty.astype(float)
        (inp, tree_i), dist = self.tree.query_nearest(
            shapely.points(x[ok], y[ok]),
            max_distance=tolerance,
            return_distance=True,
            all_matches=True,
        )
        order = np.lexsort((tree_i, dist, inp))
        inp, tree_i, dist = inp[order], tree_i[order], dist[order]
        first = np.flatnonzero(np.r_[True, np.diff(inp) != 0]) if len(inp) else inp
        return ok[inp[first]], self.rank_to_global[tree_i[first]], dist[first]

    def overlaps(self, x: float, y: float, radius: float) -> tuple[Overlap, ...]:
        if self.nz == 0 or not (math.isfinite(x) and math.isfinite(y)):
            return ()
        disc = shapely.buffer(shapely.points(x, y), radius, quad_segs=32)
        area = disc.area
        found = []
        for r in sorted(int(i) for i in self.tree.query(disc, predicate="intersects")):
            frac = shapely.intersection(self.geoms[r], disc).area / area
            if frac > 0.0:
                found.append((r, frac))
        found.sort(key=lambda t: (-t[1], t[0]))
        return tuple(Overlap(self.shapes[r], min(f, 1.0)) for r, f in found)


_POOL = None  # a concurrent.futures.ThreadPoolExecutor, made on first use
_POOL_LOCK = threading.Lock()


def _workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _pool():
    """The shared thread pool of the batch path (numpy and shapely release the GIL)."""
    global _POOL
    if _POOL is None:
        with _POOL_LOCK:
            if _POOL is None:
                from concurrent.futures import ThreadPoolExecutor

                _POOL = ThreadPoolExecutor(_workers(), thread_name_prefix="footviz-hit")
    return _POOL


# ---------------------------------------------------------------------- the index
def _name(kind: str, value: object, allowed: tuple[str, ...]) -> str:
    """A checked foot or aspect name (did-you-mean for misspellings)."""
    if not isinstance(value, str):
        raise HitInputError(
            f"{kind} must be a name, one of {', '.join(map(repr, allowed))}; got {_short(value)}"
        )
    return check_choice(kind, value, allowed)


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
        self._grids: dict[tuple[str, str], _Grid] = {}
        #: foot -> aspect -> plain-touch function ``(x: float, y: float) -> HitResult | None``
        #: of each built grid: the atlas's fast path for a touch calls it directly
        self.touch: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()

    # -------------------------------------------------------------- grids
    def grid(self, foot: object, aspect: object) -> _Grid:
        """The grid of (foot, aspect), built on first use; clear errors for bad names."""
        try:
            g = self._grids.get((foot, aspect))  # type: ignore[arg-type]
        except TypeError:  # unhashable: checked below
            g = None
        if g is not None:
            return g
        foot_s = _name("foot", foot, FEET)
        aspect_s = _name("aspect", aspect, ASPECTS)
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
                    g = _Grid(
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
        x: object,
        y: object,
        foot: object = "left",
        aspect: object = "plantar",
        tolerance: object = 0.0,
        overlaps: object = False,
    ) -> HitResult | None:
        """See :meth:`footviz.Atlas.hit`."""
        g = self.grid(foot, aspect)
        if type(x) is not float:
            x = _scalar("x", x)
        if type(y) is not float:
            y = _scalar("y", y)
        if type(tolerance) in (float, int) and not tolerance and overlaps is False:
            return g.hit1(x, y)  # type: ignore[arg-type]
        tol = _tolerance(tolerance)
        if not isinstance(overlaps, (bool, np.bool_)):
            raise HitInputError(f"overlaps must be True or False, got {_short(overlaps)}")
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
        xs: object,
        ys: object,
        foot: object = "left",
        aspect: object = "plantar",
        tolerance: object = 0.0,
    ) -> HitArray:
        """See :meth:`footviz.Atlas.hit_many`."""
        x = as_coords("xs", xs)
        y = as_coords("ys", ys)
        tol = _tolerance(tolerance)
        feet = _name_array("foot", foot)
        aspects = _name_array("aspect", aspect)
        shapes = [x.shape, y.shape]
        shapes += [a.shape for a in (feet, aspects) if a is not None]
        try:
            shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise HitInputError(
                "xs, ys (and foot/aspect arrays) must broadcast together; got shapes "
                + ", ".join(str(s) for s in shapes)
            ) from None
        x = _flat(x, shape)
        y = _flat(y, shape)
        if feet is None and aspects is None:
            index, dist = self._run(self.grid(foot, aspect), x, y, tol)
        else:
            fcodes, fnames = _names(feet, foot, shape)
            acodes, anames = _names(aspects, aspect, shape)
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
    def _run(g: _Grid, x: np.ndarray, y: np.ndarray, tol: float):
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
        cxf, cyf = _scalar("cx", cx), _scalar("cy", cy)
        tol = _tolerance(tolerance)
        for panel in _panels(layout):
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
        tol = _tolerance(tolerance)
        panels = _panels(layout)
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise HitInputError(
                f"cx and cy must broadcast together; got shapes {x.shape}, {y.shape}"
            ) from None
        x = _flat(x, shape)
        y = _flat(y, shape)
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


def _panels(layout: object):
    panels = getattr(layout, "panels", None)
    if panels is None:
        raise HitInputError(
            f"layout must be a footviz.atlas.layout.Layout, got {_short(type(layout).__name__)}"
        )
    return panels


def _name_array(kind: str, value: object) -> np.ndarray | None:
    """None for a single name; else the names as an array (checked to hold strings only)."""
    if isinstance(value, str):
        return None
    if value is None or isinstance(value, (bytes, Real)):
        raise HitInputError(f"{kind} must be a name or an array of names, got {_short(value)}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        raise HitInputError(
            f"{kind} must be a name or an array of names, got {_short(value)}"
        ) from None
    if arr.dtype.kind == "U" or (
        arr.dtype.kind == "O" and all(isinstance(v, str) for v in arr.ravel().tolist())
    ):
        return arr
    raise HitInputError(
        f"{kind} must be a name or an array of names (strings), got dtype {arr.dtype} "
        f"({_short(arr.ravel()[:3])})"
    )


def _names(arr: np.ndarray | None, scalar: object, shape) -> tuple[np.ndarray, list[str]]:
    """Codes per point and the names of a foot/aspect argument."""
    if arr is None:
        return np.zeros(int(np.prod(shape)), np.int64), [scalar]  # type: ignore[list-item]
    uniq, inv = np.unique(np.broadcast_to(arr, shape).ravel(), return_inverse=True)
    return inv.ravel(), [str(u) for u in uniq]
