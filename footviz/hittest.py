"""Hit-testing: which reflex zone is under a point, for one touch or millions of points.

The rule (the same in every function of footviz)
-----------------------------------------------
* A point **on** a zone's boundary counts as inside that zone: membership is shapely's
  ``covers`` (for a point, the same as ``intersects``).
* When several zones of the foot and aspect cover the point, the **primary** zone is the one
  with the smallest area; equal areas are broken by atlas order (the order of ``iter(atlas)``).
* NaN, infinite and far-away coordinates hit nothing.

The index is exact: it never changes an answer of that rule.  Each (foot, aspect) gets a two-level
grid over the bounding box of its zones: coarse cells of ``coarse`` mm, and, for coarse cells a
zone border crosses, ``block`` x ``block`` sub-cells.  A cell (grown by 1e-6 mm on each side)
that no border touches has one fixed set of covering zones, found once at build time with an
even-odd scanline fill; only points in sub-cells touched by a border run shapely's exact
predicate, and only against the zones whose border touches that sub-cell.  The index is built
lazily, per (foot, aspect), on first use; it holds numpy arrays only (see :attr:`HitIndex.nbytes`).

Use it through the atlas: :meth:`footviz.Atlas.hit`, :meth:`~footviz.Atlas.hit_many` and
:meth:`~footviz.Atlas.hit_chart`.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from numbers import Real
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np
import shapely

from .errors import NotInAtlasError
from .model import ASPECTS, FEET, ZoneShape, check_choice

if TYPE_CHECKING:  # pragma: no cover
    from .atlas import Atlas
    from .layout import Layout

__all__ = ["HitArray", "HitIndex", "HitResult", "Overlap"]

EPS = 1e-6  # mm: a cell counts as touched by a border that passes this close to it
_CHUNK = 1 << 16  # points per chunk of the vectorised path (keeps temporaries in cache)
_PARALLEL_MIN = 1 << 18  # from this many points, chunks run on a thread pool
_EXACT_BATCH = 4096  # from this many border points, the exact test runs on the pool
_SMALL = 96  # up to this many points, a loop over the single-point path


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
        """The primary zone id of each point (``""`` where nothing was hit)."""
        table = np.array([s.zone.id for s in self.shapes] + [""], dtype=object)
        return table[self.index]

    def counts(self) -> dict[str, int]:
        """Points per zone shape id (``"zone/foot/aspect"``), zones hit at least once."""
        found = np.bincount(self.index[self.index >= 0].ravel(), minlength=len(self.shapes))
        return {self.shapes[i].id: int(n) for i, n in enumerate(found) if n}

    def __repr__(self) -> str:
        hits = int((self.index >= 0).sum())
        return f"HitArray(shape={self.index.shape}, {hits} of {self.index.size} points hit)"


# ---------------------------------------------------------------------- input checking
def _scalar(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number of millimetres, got {value!r}")
    return float(value)


def _tolerance(value: object) -> float:
    tol = _scalar("tolerance", value)
    if not (math.isfinite(tol) and tol >= 0.0):
        raise ValueError(f"tolerance must be a finite number of mm >= 0, got {value!r}")
    return tol


def _coords(name: str, value: object) -> np.ndarray:
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} must be an array of numbers, got {value!r:.80}") from exc
    if arr.dtype.kind in "iuf":
        return arr.astype(np.float64, copy=False)
    if arr.dtype.kind == "O":
        try:
            return arr.astype(np.float64)
        except (TypeError, ValueError):
            pass
    raise TypeError(
        f"{name} must be an array of real numbers (int or float), got dtype {arr.dtype} "
        f"({np.asarray(value).ravel()[:3]!r:.80})"
    )


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


# ---------------------------------------------------------------------- on-disk cache
_FORMAT = "footviz-hit-3"  # bump when the arrays or their meaning change


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
    """Write atomically (temp file, then rename); a cache that cannot be written is skipped."""
    path = _cache_path(key)
    if path is None:
        return
    from ._internal.atomic import write_with

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


# ---------------------------------------------------------------------- one grid
class _Grid:
    """The index of one (foot, aspect): zones in rank order and the two-level grid."""

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
        # private copies of the geometry (WKB round trip: bit-identical) get prepared
        self.geoms = [shapely.from_wkb(shapely.to_wkb(s.geometry)) for s in self.shapes]
        for g in self.geoms:
            shapely.prepare(g)
            # warm up GEOS's lazily built point locator so concurrent readers never build it
            x0, y0, x1, y1 = g.bounds
            shapely.intersects_xy(g, [x0, (x0 + x1) / 2], [y0, (y0 + y1) / 2])
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

    # -------------------------------------------------------------- on-disk cache
    def _cache_key(self) -> str:
        """Hash of everything the grid's arrays depend on."""
        h = hashlib.sha256()
        h.update(f"{_FORMAT}|{np.__version__}|{self.coarse!r}|{self.block}|".encode())
        h.update(self.rank_to_global.tobytes())
        for g in self.geoms:
            h.update(shapely.to_wkb(g))
        return h.hexdigest()[:32]

    def _saved(self) -> dict[str, np.ndarray]:
        """The built arrays, as stored in the cache file."""
        sizes = [len(r) for r in self.set_ranks]
        bsizes = [len(r) for r in self.cls_base]
        csizes = [len(r) for r in self.cls_cand]
        return {
            "geo": np.array([self.x0, self.y0, self.k, self.cx, self.cy]),
            "dims": np.array([self.ncx, self.nfx, self.nfy, self.nsets], np.int64),
            "coarse_codes": self.coarse_codes,
            "blocks": self.blocks,
            "lut": self.lut,
            "sub_lut": self.sub_lut,
            "set_len": np.array(sizes, np.int64),
            "set_ranks": np.array([r for m in self.set_ranks for r in m], np.int64),
            "base_len": np.array(bsizes, np.int64),
            "base_ranks": np.array([r for m in self.cls_base for r in m], np.int64),
            "cand_len": np.array(csizes, np.int64),
            "cand_ranks": np.array([r for m in self.cls_cand for r in m], np.int64),
        }

    def _restore(self, d: dict[str, np.ndarray]) -> bool:
        """Take the arrays of a cache file; False (and nothing changed) when they do not fit."""
        try:
            x0, y0, k, cx, cy = (float(v) for v in d["geo"])
            ncx, nfx, nfy, nsets = (int(v) for v in d["dims"])
            codes, blocks, lut, sub_lut = d["coarse_codes"], d["blocks"], d["lut"], d["sub_lut"]
            sets = _split(d["set_ranks"], d["set_len"])
            base = _split(d["base_ranks"], d["base_len"])
            cand = _split(d["cand_ranks"], d["cand_len"])
            nz, B = self.nz, self.block
            ok = (
                len(sets) == nsets
                and len(base) == len(cand)
                and codes.ndim == blocks.ndim == 1
                and codes.dtype.kind == "i"
                and blocks.dtype.kind in "ui"
                and nfx == ncx * B
                and len(codes) * B * B == nfx * nfy
                and lut.dtype == sub_lut.dtype == np.int32
                and len(lut) == nsets + (len(blocks) >> (2 * self.shift))
                and len(sub_lut) == nsets + len(base)
                and 0 <= int(codes.min())
                and int(codes.max()) < len(lut)
                and 0 <= int(blocks.min())
                and int(blocks.max()) < len(sub_lut)
                and all(0 <= r < nz for m in sets + base + cand for r in m)
            )
        except Exception:  # a damaged or foreign file: rebuild
            return False
        if not ok:
            return False
        self.x0, self.y0, self.k, self.cx, self.cy = x0, y0, k, cx, cy
        self.ncx, self.nfx, self.nfy, self.nsets = ncx, nfx, nfy, nsets
        self.coarse_codes, self.blocks, self.lut, self.sub_lut = codes, blocks, lut, sub_lut
        self.set_ranks = [tuple(m) for m in sets]
        self.set_shapes = [tuple(self.shapes[r] for r in m) for m in sets]
        self.set_best = np.array([m[0] if m else nz for m in sets], np.int32)
        self._classes(base, cand)
        self._views()
        return True

    # -------------------------------------------------------------- build
    def _empty(self) -> None:
        self.x0 = self.y0 = 0.0
        self.k = 1.0
        self.cx = self.cy = 0.0
        self.nfx = self.nfy = 0
        self.ncx = 0
        self.coarse_codes = np.zeros(1, np.int32)
        self.blocks = np.zeros(1, np.uint8)
        self.lut = np.full(1, -1, np.int32)
        self.sub_lut = np.full(1, -1, np.int32)
        self.set_ranks: list[tuple[int, ...]] = [()]
        self.set_shapes: list[tuple[ZoneShape, ...]] = [()]
        self.set_best = np.array([0], np.int32)
        self.nsets = 1
        self._classes([], [])
        self._views()

    def _build(self) -> None:
        nz, B = self.nz, self.block
        h = self.coarse
        hf = h / B
        b = np.array([g.bounds for g in self.geoms])
        minx, miny = b[:, 0].min(), b[:, 1].min()
        maxx, maxy = b[:, 2].max(), b[:, 3].max()
        self.x0 = x0 = float(minx - h)
        self.y0 = y0 = float(miny - h)
        ncx = math.floor((maxx - x0) / h) + 2
        ncy = math.floor((maxy - y0) / h) + 2
        nfx, nfy = ncx * B, ncy * B
        self.k = 1.0 / hf
        self.cx, self.cy = -x0 * self.k, -y0 * self.k
        self.ncx, self.nfx, self.nfy = ncx, nfx, nfy
        words = (nz + 63) // 64
        state = np.zeros((nfy, nfx, words), np.uint64)
        touch = np.zeros((nfy, nfx, words), np.uint64)
        for r, g in enumerate(self.geoms):
            self._raster_zone(r, g, state, touch, x0, y0, hf, nfx, nfy)
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
        # touched sub-cells: zones covering all of it (base) and zones whose border touches it
        t_sel = np.flatnonzero(sub_touched)
        t_touch = sub_touch.reshape(-1, words)[t_sel]
        t_base = sub_state.reshape(-1, words)[t_sel] & ~t_touch
        sub_bits = sub_state.reshape(-1, words)
        allrows = np.concatenate([rows_pure_c, sub_bits])
        uniq, inverse = _unique_rows(allrows)
        nsets = len(uniq)
        self.nsets = nsets
        members = [_bits_to_ranks(row) for row in uniq]
        self.set_ranks = [tuple(m) for m in members]
        self.set_shapes = [tuple(self.shapes[r] for r in m) for m in members]
        self.set_best = np.array([m[0] if m else nz for m in members], np.int32)
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
        self._views()

    def _classes(self, base: list[list[int]], cand: list[list[int]]) -> None:
        """Tables of the exact classes (border sub-cells with the same base and candidates)."""
        nz = self.nz
        self.cls_base = [tuple(b) for b in base]
        self.cls_cand = [tuple(c) for c in cand]
        self.cls_best = np.array([b[0] if b else nz for b in base], np.int32)
        # cls_test[c, r]: rank r must be tested for class c (a candidate below the base's best)
        test = np.zeros((len(base), nz), bool)
        for c, (b, cs) in enumerate(zip(base, cand, strict=True)):
            best = b[0] if b else nz
            test[c, [r for r in cs if r < best]] = True
        self.cls_test = test
        self.cls_ranks = [int(r) for r in np.flatnonzero(test.any(axis=0))]
        self.cls_cand_geoms = [np.array([self.geoms[r] for r in c], object) for c in cand]

    def _views(self) -> None:
        # memoryviews give fast Python-int indexing for the single-touch path
        self.coarse_mv = memoryview(self.coarse_codes)
        self.blocks_mv = memoryview(self.blocks)
        self.bmask = self.block - 1
        self._single()

    @staticmethod
    def _raster_zone(r, geom, state, touch, x0, y0, hf, nfx, nfy) -> None:
        word, bit = r // 64, np.uint64(1) << np.uint64(r % 64)
        gx0, gy0, gx1, gy1 = geom.bounds
        c0 = max(math.floor((gx0 - EPS - x0) / hf) - 1, 0)
        c1 = min(math.floor((gx1 + EPS - x0) / hf) + 1, nfx - 1)
        r0 = max(math.floor((gy0 - EPS - y0) / hf) - 1, 0)
        r1 = min(math.floor((gy1 + EPS - y0) / hf) + 1, nfy - 1)
        wx, wy = c1 - c0 + 1, r1 - r0 + 1
        rings = shapely.get_rings(shapely.get_parts(geom))
        segs = []
        for ring in rings:
            c = shapely.get_coordinates(ring)
            segs.append(np.hstack([c[:-1], c[1:]]))
        seg = np.vstack(segs)
        ax, ay, bx, by = seg.T
        # -- cells a border passes within EPS of: split edges into pieces <= hf / 2 long
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
        lo_x = np.floor((np.minimum(px0, px1) - EPS - x0) / hf).astype(np.int64) - c0
        hi_x = np.floor((np.maximum(px0, px1) + EPS - x0) / hf).astype(np.int64) - c0
        lo_y = np.floor((np.minimum(py0, py1) - EPS - y0) / hf).astype(np.int64) - r0
        hi_y = np.floor((np.maximum(py0, py1) + EPS - y0) / hf).astype(np.int64) - r0
        tw = np.zeros((wy, wx), bool)
        for cy in (lo_y, hi_y):
            for cx in (lo_x, hi_x):
                tw[cy, cx] = True
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

    # -------------------------------------------------------------- facts
    @property
    def nbytes(self) -> int:
        arrays = (
            self.coarse_codes,
            self.blocks,
            self.lut,
            self.sub_lut,
            self.set_best,
            self.rank_to_global,
            self.cls_best,
            self.cls_test,
        )
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
        x0, y0, k = self.x0, self.y0, self.k
        nfx, nfy, ncx, nsets = float(self.nfx), float(self.nfy), self.ncx, self.nsets
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
        ranks_at = self._exact_ranks
        result_of = self._result_of

        def hit1(x: float, y: float) -> HitResult | None:
            """The plain touch (no tolerance) at Python floats (x, y): the shared result."""
            fx = (x - x0) * k
            fy = (y - y0) * k
            if 0.0 <= fx < nfx and 0.0 <= fy < nfy:
                ix = int(fx)
                iy = int(fy)
                code = coarse[(iy >> s) * ncx + (ix >> s)]
                if code < nsets:
                    return results[code]
                sid = blocks[((code - nsets) << s2) + ((iy & m) << s) + (ix & m)]
                if sid < nsets:
                    return results[sid]
                return result_of(ranks_at(sid - nsets, x, y))
            return None

        def locate(x: float, y: float) -> tuple[ZoneShape, ...]:
            """Every zone shape covering (x, y), in rank order."""
            found = hit1(x, y)
            return () if found is None else found[0]

        self.locate = locate
        self.hit1 = hit1

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

    def _exact_ranks(self, c: int, x: float, y: float) -> tuple[int, ...]:
        """Ranks of the zones covering a point in a border sub-cell of exact class ``c``."""
        ranks = self.cls_base[c]
        cand = self.cls_cand_geoms[c]
        if len(cand):
            hit = shapely.intersects_xy(cand, x, y)
            more = tuple(r for r, h in zip(self.cls_cand[c], hit.tolist(), strict=True) if h)
            if more:
                ranks = tuple(sorted(ranks + more))
        return ranks

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
        if n < _PARALLEL_MIN:
            found = [self._chunk(x, y, out, a, a + _CHUNK) for a in range(0, n, _CHUNK)]
            pos = np.concatenate([f[0] for f in found])
            if len(pos):
                out[pos] = self._exact(x[pos], y[pos], np.concatenate([f[1] for f in found]))
            return out
        # grid pass per chunk on the pool, then the exact test in one batch per worker
        pool = _pool()
        found = list(pool.map(lambda a: self._chunk(x, y, out, a, a + _CHUNK), range(0, n, _CHUNK)))
        pos = np.concatenate([f[0] for f in found])
        if len(pos):
            cls = np.concatenate([f[1] for f in found])
            if len(pos) >= _EXACT_BATCH:
                parts = np.array_split(np.arange(len(pos)), _workers())
                res = pool.map(lambda p: self._exact(x[pos[p]], y[pos[p]], cls[p]), parts)
                out[pos] = np.concatenate(list(res))
            else:
                out[pos] = self._exact(x[pos], y[pos], cls)
        return out

    def _chunk(
        self, x: np.ndarray, y: np.ndarray, out: np.ndarray, a: int, b: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Grid pass over points a:b; returns (positions, exact classes) of the points that need
        the exact test."""
        xs, ys = x[a:b], y[a:b]
        s = self.shift
        with np.errstate(all="ignore"):
            fx = np.multiply(xs, self.k)
            fx += self.cx
            fy = np.multiply(ys, self.k)
            fy += self.cy
            # NaN, inf and out-of-range values cast to 0, INT_MIN or INT_MAX (by platform):
            # as unsigned, all of them clamp into the padding ring of empty cells
            ix = fx.astype(np.int32).view(np.uint32)
            iy = fy.astype(np.int32).view(np.uint32)
        np.minimum(ix, self.nfx - 1, out=ix)
        np.minimum(iy, self.nfy - 1, out=iy)
        ci = (iy >> s).astype(np.intp)
        ci *= self.ncx
        ci += ix >> s
        code = self.coarse_codes.take(ci)
        res = self.lut.take(code)
        out[a:b] = res
        blk = np.flatnonzero(res == -2)
        if not len(blk):
            return blk, blk
        m = self.bmask
        key = (code[blk].astype(np.intp) - self.nsets) << (2 * s)
        key += (iy[blk] & m).astype(np.intp) << s
        key += ix[blk] & m
        sub = self.sub_lut.take(self.blocks.take(key))
        out[a + blk] = sub
        exact = np.flatnonzero(sub <= -3)
        cls = sub[exact]
        np.negative(cls, out=cls)
        cls -= 3
        return blk[exact] + a, cls

    def _exact(self, px: np.ndarray, py: np.ndarray, cls: np.ndarray) -> np.ndarray:
        """Primary zones of points in sub-cells a border touches (``cls``: their classes)."""
        best = self.cls_best.take(cls)
        todo = np.ones(len(cls), bool)
        test = self.cls_test.take(cls, axis=0)  # (points, ranks): which zones to test
        wanted = test.any(axis=0)
        for r in self.cls_ranks:  # ascending: the first zone a point hits is its primary
            if not wanted[r]:  # no point here needs this zone (most, for small batches)
                continue
            sel = np.flatnonzero(test[:, r] & todo)
            if len(sel):
                sel = sel[shapely.intersects_xy(self.geoms[r], px.take(sel), py.take(sel))]
                best[sel] = r
                todo[sel] = False
        return self.rank_to_global.take(best)

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


_POOL: ThreadPoolExecutor | None = None
_POOL_LOCK = threading.Lock()


def _workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        with _POOL_LOCK:
            if _POOL is None:
                _POOL = ThreadPoolExecutor(_workers(), thread_name_prefix="footviz-hit")
    return _POOL


# ---------------------------------------------------------------------- the index
class HitIndex:
    """Exact point-to-zone index of an atlas (see the module docstring for the rule).

    Parameters
    ----------
    atlas : Atlas
    coarse : float
        Coarse cell size in mm.
    block : int
        Sub-cells per coarse cell side, a power of two.

    Grids are built lazily per (foot, aspect), under a lock; an index is safe to share
    between threads.
    """

    def __init__(self, atlas: Atlas, *, coarse: float = 1.0, block: int = 8) -> None:
        self.atlas = atlas
        self.coarse = float(coarse)
        self.block = int(block)
        self.shapes: tuple[ZoneShape, ...] = tuple(atlas)
        self._global = {id(s): i for i, s in enumerate(self.shapes)}
        self.keys: tuple[tuple[str, str], ...] = tuple(
            (f, a) for a in atlas.aspects for f in atlas.feet
        )
        self._grids: dict[tuple[str, str], _Grid] = {}
        #: foot -> aspect -> plain-touch function of each built grid (see ``Atlas.hit``)
        self.touch: dict[str, dict[str, object]] = {}
        self._lock = threading.Lock()

    # -------------------------------------------------------------- grids
    def grid(self, foot: object, aspect: object) -> _Grid:
        """The grid of (foot, aspect), built on first use; clear errors for bad names."""
        g = self._grids.get((foot, aspect))  # type: ignore[arg-type]
        if g is not None:
            return g
        foot_s = check_choice("foot", foot, FEET)
        aspect_s = check_choice("aspect", aspect, ASPECTS)
        key = (foot_s, aspect_s)
        if key not in self.keys:
            present = ", ".join(f"{f} {a}" for f, a in self.keys)
            raise NotInAtlasError(
                f"this atlas has no {aspect_s} aspect for the {foot_s} foot "
                f"(present: {present}); allowed aspects: {', '.join(self.atlas.aspects)}"
            )
        g = self._grids.get(key)
        if g is None:
            with self._lock:
                g = self._grids.get(key)
                if g is None:
                    shapes = self.atlas.shapes(foot_s, aspect_s)
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
        overlaps: bool = False,
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
        fx, fy = float(x), float(y)  # type: ignore[arg-type]
        over: tuple[Overlap, ...] = ()
        if overlaps:
            if tol <= 0.0:
                raise ValueError("overlaps=True needs a tolerance > 0 (the fingertip radius)")
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
        x = _coords("xs", xs)
        y = _coords("ys", ys)
        tol = _tolerance(tolerance)
        feet = np.asarray(foot) if not isinstance(foot, str) else None
        aspects = np.asarray(aspect) if not isinstance(aspect, str) else None
        shapes = [x.shape, y.shape]
        for name, arr in (("foot", feet), ("aspect", aspects)):
            if arr is not None:
                if arr.dtype.kind not in "UO":
                    raise TypeError(f"{name} must be a name or an array of names, got {arr!r:.80}")
                shapes.append(arr.shape)
        try:
            shape = np.broadcast_shapes(*shapes)
        except ValueError:
            raise ValueError(
                "xs, ys (and foot/aspect arrays) must broadcast together; got shapes "
                + ", ".join(str(s) for s in shapes)
            ) from None
        x = _flat(x, shape)
        y = _flat(y, shape)
        if feet is None and aspects is None:
            out = self._run(self.grid(foot, aspect), x, y, None, tol)
            index, dist = out
        else:
            fcodes, fnames = _names(feet, foot, shape)
            acodes, anames = _names(aspects, aspect, shape)
            combo = fcodes.astype(np.int64) * len(anames) + acodes
            index = np.empty(len(x), np.int32)
            dist = np.empty(len(x)) if tol > 0 else None
            for c in np.unique(combo):
                g = self.grid(fnames[c // len(anames)], anames[c % len(anames)])
                sel = np.flatnonzero(combo == c)
                i, d = self._run(g, x[sel], y[sel], None, tol)
                index[sel] = i
                if dist is not None:
                    dist[sel] = d
        return HitArray(
            index.reshape(shape), self.shapes, None if dist is None else dist.reshape(shape)
        )

    @staticmethod
    def _run(g, x, y, _unused, tol):
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
        x = _coords("cx", cx)
        y = _coords("cy", cy)
        tol = _tolerance(tolerance)
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise ValueError(
                f"cx and cy must broadcast together; got shapes {x.shape}, {y.shape}"
            ) from None
        x = _flat(x, shape)
        y = _flat(y, shape)
        index = np.full(len(x), -1, np.int32)
        dist = np.full(len(x), np.inf)
        for panel in _panels(layout):
            x0, y0, x1, y1 = panel.chart_bounds
            sel = np.flatnonzero(
                (index < 0) & (x >= x0 - tol) & (x <= x1 + tol) & (y >= y0 - tol) & (y <= y1 + tol)
            )
            if not len(sel):
                continue
            fx, fy = panel.from_chart(x[sel], y[sel])
            i, d = self._run(self.grid(panel.foot, panel.aspect), fx, fy, None, tol)
            index[sel] = i
            dist[sel] = np.where(i >= 0, 0.0, np.inf) if d is None else d
        return HitArray(index.reshape(shape), self.shapes, dist.reshape(shape))


def _panels(layout: object):
    panels = getattr(layout, "panels", None)
    if panels is None:
        raise TypeError(f"layout must be a footviz.layout.Layout, got {type(layout).__name__}")
    return panels


def _names(arr: np.ndarray | None, scalar: object, shape) -> tuple[np.ndarray, list[str]]:
    """Codes per point and the checked names of a foot/aspect argument."""
    if arr is None:
        return np.zeros(int(np.prod(shape)), np.int64), [scalar]  # type: ignore[list-item]
    uniq, inv = np.unique(np.broadcast_to(arr, shape).ravel(), return_inverse=True)
    return inv.ravel(), [str(u) if isinstance(u, np.str_) else u for u in uniq]


_INDEX_LOCK = threading.Lock()


def index_for(atlas: Atlas) -> HitIndex:
    """The shared :class:`HitIndex` of ``atlas`` (made once, cached on the atlas)."""
    index = atlas.__dict__.get("_hit_index")
    if index is None:
        with _INDEX_LOCK:
            index = atlas.__dict__.get("_hit_index")
            if index is None:
                index = HitIndex(atlas)
                atlas.__dict__["_hit_touch"] = index.touch
                atlas.__dict__["_hit_index"] = index
    return index
