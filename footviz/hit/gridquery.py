"""Answering points with a grid: the single touch, batches, tolerances and fingertip discs.

A :class:`Grid` holds one (foot, aspect)'s zones in rank order (smallest area first, ties by
atlas order) and, once :meth:`Grid.attach` gives it its :class:`~.griddata.GridData`, the
lookup tables derived from it.  A point in a cell no border touches is answered by one table
lookup.  A point in a touched border sub-cell is decided by its sides of the few edge lines
near the sub-cell: the zones covering each face those lines cut the sub-cell into were found
at build time, so the sign vector picks the answer from the sub-cell's face table.  Each side
is either certain (a rounding bound, :data:`~.griddata.LINE_ERR`) or, for points on or within
rounding of a line (and faces no build sample reached), shapely's predicate decides.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence

import numpy as np
import shapely

from ..atlas.model import ZoneShape
from .griddata import ARRAYS, GridData, ranges
from .results import HitResult, Overlap, SharedResults

__all__ = ["Grid"]

CHUNK = 1 << 15  # points per chunk of the vectorised path (keeps temporaries in cache)
PARALLEL_MIN = 1 << 17  # from this many points, chunks run on a thread pool
SMALL = 96  # up to this many points, a loop over the single-point path
SMALL_EXACT = 48  # up to this many border points, a loop over the plain-Python face test
UNKNOWN = -4  # the batch path's primary for a face without a known set: shapely decides

_MISS = object()  # the single touch's face-table entry for a face without a known set


class Grid:
    """The index of one (foot, aspect): zones in rank order and the two-level grid.

    Parameters
    ----------
    foot, aspect : str
    shapes : sequence of ZoneShape
        The zones of (foot, aspect), any order.
    global_index : sequence of int
        Each shape's index among all the index's shapes (:attr:`HitArray.shapes`).
    """

    def __init__(
        self,
        foot: str,
        aspect: str,
        shapes: Sequence[ZoneShape],
        global_index: Sequence[int],
    ) -> None:
        self.foot = foot
        self.aspect = aspect
        # rank order: smallest area first, ties by atlas order
        order = sorted(range(len(shapes)), key=lambda i: (shapes[i].area, global_index[i]))
        self.shapes: tuple[ZoneShape, ...] = tuple(shapes[i] for i in order)
        self.nz = nz = len(self.shapes)
        self.rank_to_global = np.array([global_index[i] for i in order] + [-1], np.int32)
        self.rank_global_of = {id(shapes[i]): int(global_index[i]) for i in order}
        #: the zones' exact geometry as WKB, in rank order (the cache key hashes it)
        self.wkb: list[bytes] = (
            shapely.to_wkb([s.geometry for s in self.shapes]).tolist() if nz else []
        )
        self._geoms: list | None = None
        self._geoms_lock = threading.Lock()
        self._tree: shapely.STRtree | None = None
        self._tree_lock = threading.Lock()

    def attach(self, data: GridData) -> Grid:
        """Take the grid's arrays and derive the lookup tables from them."""
        self.data = data
        for name in ("x0", "y0", "h", "k", "eps", "ncx", "ncy", "nsets", "block", "shift"):
            setattr(self, name, getattr(data, name))
        for name in ARRAYS:
            setattr(self, name, getattr(data, name))
        self._sets(data.set_ranks)
        self._classes(data.cls_base, data.cls_cand)
        self._views()
        return self

    @property
    def geoms(self) -> list:
        """Private prepared copies of the zone geometry (WKB round trip: bit-identical), made
        on first use (the exact fallback, tolerances, the build)."""
        if self._geoms is None:
            with self._geoms_lock:
                if self._geoms is None:
                    geoms = [shapely.from_wkb(w) for w in self.wkb]
                    for g in geoms:
                        shapely.prepare(g)
                        # build GEOS's lazy point locator now, so concurrent readers never do
                        x0, y0, x1, y1 = g.bounds
                        shapely.intersects_xy(g, [x0, (x0 + x1) / 2], [y0, (y0 + y1) / 2])
                    self._geoms_arr = np.array(geoms, dtype=object)
                    self._geoms = geoms
        return self._geoms

    @property
    def geoms_arr(self) -> np.ndarray:
        """:attr:`geoms` as an object array."""
        self.geoms  # noqa: B018 (made on first use)
        return self._geoms_arr

    def _sets(self, members: list) -> None:
        nz = self.nz
        self.set_ranks = [tuple(m) for m in members]
        self.set_shapes = [tuple(self.shapes[r] for r in m) for m in members]
        self.set_best = np.array([m[0] if m else nz for m in members], np.int32)
        # each set's primary (global index), then UNKNOWN for a face table's unknown face
        self.set_glob = np.r_[self.rank_to_global[self.set_best], UNKNOWN].astype(np.int32)

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
        # the batch path's tables: per pattern its first line (a, b, c, bound) and its face
        # table as primary zones (a pattern without lines: the one line 0 x + 0 y + 1 > 0,
        # and its one entry twice)
        n = np.diff(self.pat_lptr)
        self.pat_n = n.astype(np.int8)  # lines per pattern
        first = np.zeros((len(n), 4))
        first[:, 2] = 1.0
        has = np.flatnonzero(n)
        first[has] = self.lines[self.pat_lines[self.pat_lptr[has]]]
        self.first_line = first
        size = np.maximum(1 << n.astype(np.int64), 2)
        self.glob_ptr = np.r_[0, np.cumsum(size)[:-1]].astype(np.int32)
        row, flat = ranges(self.pat_tptr[:-1].astype(np.int64), 1 << n.astype(np.int64))
        sid = np.empty(int(size.sum()), self.pat_tab.dtype)  # set ids
        sid[self.glob_ptr[row] + flat - self.pat_tptr[row]] = self.pat_tab[flat]
        none = np.flatnonzero(n == 0)
        sid[self.glob_ptr[none] + 1] = sid[self.glob_ptr[none]]
        small = len(self.set_glob) and int(self.set_glob.max()) < 1 << 15
        self.glob_tab = self.set_glob[sid].astype(np.int16 if small else np.int32)
        self._single()

    # -------------------------------------------------------------- facts
    @property
    def nbytes(self) -> int:
        arrays = [getattr(self.data, name) for name in ARRAYS]
        arrays += [self.set_best, self.set_glob, self.rank_to_global, self.cls_best, self.pat_n]
        arrays += [self.first_line, self.glob_ptr, self.glob_tab]
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
        """Bind the single-touch functions (:meth:`locate`, :meth:`hit1`, :attr:`border_hit`)
        to closures over the grid's constants: no attribute lookups per touch."""
        k, nfx, nfy = self.k, float(self.ncx * self.block), float(self.ncy * self.block)
        cxf, cyf = -self.x0 * k, -self.y0 * k
        ncx, nsets = self.ncx, self.nsets
        s, s2, m = self.shift, 2 * self.shift, self.bmask
        coarse, blocks = self.coarse_mv, self.blocks_mv
        tbase, tpat = memoryview(self.tbase), memoryview(self.tpat)
        # one shared immutable result per set of zones (None for no zone): a plain touch
        # allocates nothing, and a face's set is one of these
        self.results = shared = SharedResults(self.shapes, self.foot, self.aspect, self.set_ranks)
        results = shared.by_set
        result_of = shared.of
        nall = len(results)
        lptr, tptr = memoryview(self.pat_lptr), memoryview(self.pat_tptr)
        pat_lines, pat_tab, pat_cls, lines = self.pat_lines, self.pat_tab, self.pat_cls, self.lines
        cls_base, cls_cand = self.cls_base, self.cls_cand
        # per pattern, made on first use (memory grows with the patterns touched): the lines
        # (a, b, c, bound) and the face table's results (_MISS: shapely decides); and the
        # touch function's form of one line (a, b, c, bound, result where a x + b y + c < 0,
        # result where > 0) or two (both lines, the four results); else (and until made) a
        # line no point is certainly off, so the touch asks border()
        npat = len(self.pat_cls)
        miss = _MISS
        plans: list[tuple | None] = [None] * npat
        quick: list[tuple] = [(0.0, 0.0, 0.0, 1.0, miss, miss)] * npat  # not made: border()

        def plan(p: int) -> tuple:
            ids = pat_lines[lptr[p] : lptr[p + 1]].tolist()
            res = tuple(results[i] if i < nall else _MISS for i in pat_tab[tptr[p] : tptr[p + 1]])
            rows = tuple(tuple(lines[i].tolist()) for i in ids)
            if len(rows) == 0:
                quick[p] = (0.0, 0.0, 1.0, 0.0, res[0], res[0])  # 1 > 0: always the one face
            elif len(rows) <= 2:
                quick[p] = (*(v for r in rows for v in r), *res)
            made = plans[p] = (rows, res)
            return made

        def slow(p: int, x: float, y: float) -> HitResult | None:
            """shapely decides each candidate zone (a point on or next to a line)."""
            c = int(pat_cls[p])
            found = [r for r in cls_cand[c] if self._exact_zone(r, x, y)]
            return result_of(tuple(sorted(cls_base[c] + tuple(found))))

        def border(b: int, o: int, x: float, y: float) -> HitResult | None:
            """The shared plain result at (x, y) in touched sub-cell ``o`` of block ``b``."""
            p = tpat[tbase[b] + o]
            rows, res_of = plans[p] or plan(p)
            code = 0
            bit = 1
            for a, bb, c, bound in rows:  # the sign vector picks the face
                det = a * x + bb * y + c
                if det > bound:
                    code |= bit
                elif det >= -bound:
                    return slow(p, x, y)
                bit <<= 1
            res = res_of[code]
            return slow(p, x, y) if res is _MISS else res

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
                # a touched sub-cell: one or two lines decided here, the rest by border()
                pl = quick[tpat[tbase[b] + sid - nsets]]
                if len(pl) == 6:
                    a, bb, c, bound, neg, pos = pl
                    det = a * x + bb * y + c
                    if det > bound:
                        if pos is not miss:
                            return pos
                    elif det < -bound and neg is not miss:
                        return neg
                else:
                    a, bb, c, bound, a2, b2, c2, bound2 = pl[:8]
                    det = a * x + bb * y + c
                    det2 = a2 * x + b2 * y + c2
                    if (det > bound or det < -bound) and (det2 > bound2 or det2 < -bound2):
                        res = pl[8 + (det > 0.0) + 2 * (det2 > 0.0)]
                        if res is not miss:
                            return res
                return border(b, sid - nsets, x, y)
            return None

        def locate(x: float, y: float) -> tuple[ZoneShape, ...]:
            """Every zone shape covering (x, y), in rank order."""
            found = hit1(x, y)
            return () if found is None else found[0]

        self.locate = locate
        self.hit1 = hit1
        self.border_hit = border

    def _exact_zone(self, r: int, x: float, y: float) -> bool:
        """shapely's answer for one point and one zone (the degenerate cases)."""
        return bool(shapely.intersects_xy(self.geoms[r], x, y))

    # -------------------------------------------------------------- many points
    def primary(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Global index of the primary zone of each point (1-D float64 arrays), -1 for none."""
        n = len(x)
        out = np.empty(n, np.int32)
        if self.nz == 0:
            out[:] = -1
            return out
        if n <= SMALL:  # a Python loop beats numpy's per-call overhead
            glob, hit1 = self.rank_global_of, self.hit1
            for i, (px, py) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
                found = hit1(px, py)
                out[i] = -1 if found is None else glob[id(found[0][0])]
            return out
        if n <= CHUNK:
            pos, blk, cls = self.grid_pass(x, y, out, 0, n)
            if len(pos) <= SMALL_EXACT:  # a few border points: the plain-Python test
                border_hit, glob = self.border_hit, self.rank_global_of
                for p, b, c in zip(pos.tolist(), blk.tolist(), cls.tolist(), strict=True):
                    found = border_hit(b, c, float(x[p]), float(y[p]))
                    out[p] = -1 if found is None else glob[id(found[0][0])]
            else:
                out[pos] = self._exact(x.take(pos), y.take(pos), blk, cls)
            return out

        # grid pass per chunk, then the exact test in cache-sized pieces (one piece for few
        # border points: each call has a fixed cost); both on the pool for large inputs
        pool = _pool() if n >= PARALLEL_MIN else None
        starts = range(0, n, CHUNK)

        def grid_pass(a: int):
            return self.grid_pass(x, y, out, a, min(a + CHUNK, n))

        found = list(pool.map(grid_pass, starts) if pool else map(grid_pass, starts))
        pos = np.concatenate([f[0] for f in found])
        if not len(pos):
            return out
        blk = np.concatenate([f[1] for f in found])
        cls = np.concatenate([f[2] for f in found])
        pieces = [slice(a, a + CHUNK) for a in range(0, len(pos), CHUNK)]

        def exact(sl: slice) -> None:
            p = pos[sl]
            out[p] = self._exact(x.take(p), y.take(p), blk[sl], cls[sl])

        if pool is not None and len(pieces) > 1:
            list(pool.map(exact, pieces))
        else:
            for sl in pieces:
                exact(sl)
        return out

    def grid_pass(
        self, x: np.ndarray, y: np.ndarray, out: np.ndarray, a: int, b: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Grid pass over points a:b; returns (positions, blocks, touched sub-cell numbers in
        their block) of the points that need the face test."""
        # sub-cell indices with one multiply-add per axis, as the single touch computes them
        k, s, m = self.k, self.shift, self.bmask
        with np.errstate(over="ignore"):  # beyond 1e307 mm: inf, clamped below like inf
            fx = np.multiply(x[a:b], k)
            fy = np.multiply(y[a:b], k)
        fx -= self.x0 * k
        fy -= self.y0 * k
        # NaN goes to the last cell (fmin ignores NaN), -inf to the first: both empty
        np.fmin(fx, self.ncx * self.block - 0.5, out=fx)
        np.fmax(fx, 0.0, out=fx)
        np.fmin(fy, self.ncy * self.block - 0.5, out=fy)
        np.fmax(fy, 0.0, out=fy)
        ix = fx.astype(np.intp)
        iy = fy.astype(np.intp)
        ci = iy >> s
        ci *= self.ncx
        ci += ix >> s
        code = self.coarse_codes.take(ci)
        res = out[a:b]
        np.take(self.lut, code, out=res)
        blk = np.flatnonzero(res == -2)
        if not len(blk):
            return blk, blk, blk
        bn = code.take(blk).astype(np.intp)
        bn -= self.nsets
        key = bn << (2 * s)
        sy = iy.take(blk)
        sy &= m
        sy <<= s
        key += sy
        sx = ix.take(blk)
        sx &= m
        key += sx
        sub = self.blocks.take(key)
        res[blk] = self.sub_lut.take(sub)
        exact = np.flatnonzero(sub >= self.nsets)
        o = sub.take(exact).astype(np.intp)
        o -= self.nsets
        return blk.take(exact) + a, bn.take(exact), o

    def _exact(self, px: np.ndarray, py: np.ndarray, blk: np.ndarray, o: np.ndarray) -> np.ndarray:
        """Primary zones of points in touched sub-cells (their blocks and numbers there).

        Each point's sides of its sub-cell's lines make a sign vector, and the sub-cell's face
        table gives the primary zone of that face; shapely decides points on or within
        rounding of a line and faces without a known set.
        """
        t = self.tbase.take(blk)
        t += o
        p = self.tpat.take(t)
        # the first line (a sub-cell without lines: 0 x + 0 y + 1, always > 0)
        a, b, c, bound = self.first_line.take(p, axis=0).T
        det = a * px
        det += b * py
        det += c
        unsure = np.abs(det) <= bound
        code = (det > bound).view(np.int8).astype(np.intp)
        more = np.flatnonzero(self.pat_n.take(p) > 1)
        if len(more):  # the other lines of the sub-cells with several
            pm = p.take(more)
            n, lp = self.pat_n.take(pm), self.pat_lptr.take(pm)
            xs, ys = px.take(more), py.take(more)
            cm, um = code.take(more), unsure.take(more)
            rows = np.arange(len(more))
            for i in range(1, int(n.max())):
                if i > 1:
                    rows = rows[n.take(rows) > i]
                ln = self.pat_lines.take(lp.take(rows) + i)
                a, b, c, bound = self.lines.take(ln, axis=0).T
                det = a * xs.take(rows)
                det += b * ys.take(rows)
                det += c
                um[rows] |= np.abs(det) <= bound
                cm[rows] += (det > bound).view(np.int8).astype(np.intp) << i
            code[more] = cm
            unsure[more] = um
        code += self.glob_ptr.take(p)
        found = self.glob_tab.take(code)
        unsure |= found == UNKNOWN
        d = np.flatnonzero(unsure)
        if len(d):
            found[d] = self._shapely(px.take(d), py.take(d), self.pat_cls.take(p.take(d)))
        return found

    def _shapely(self, px: np.ndarray, py: np.ndarray, cls: np.ndarray) -> np.ndarray:
        """Primary zones of points in touched sub-cells of exact classes ``cls``, by shapely
        (the base's best, or a candidate below it that covers the point)."""
        best = self.cls_best.take(cls).astype(np.int64)
        pt, flat = ranges(self.cls_tptr.take(cls), self.cls_tcount.take(cls))
        r = self.cls_tranks.take(flat)
        inside = shapely.intersects_xy(self.geoms_arr.take(r), px.take(pt), py.take(pt))
        hit = np.flatnonzero(inside)
        np.minimum.at(best, pt.take(hit), r.take(hit))
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
