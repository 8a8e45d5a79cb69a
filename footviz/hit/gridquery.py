"""Answering points with a grid: the single touch, batches, tolerances and fingertip discs.

A :class:`Grid` holds one (foot, aspect)'s zones in rank order (smallest area first, ties by
atlas order) and, once :meth:`Grid.attach` gives it its :class:`~.griddata.GridData`, the
lookup tables derived from it.  A point in a cell no border touches is answered by one table
lookup.  A point in a border sub-cell is decided against the few edges near it: the block's
reference point R is known to be inside or outside each candidate zone, and the point is
inside exactly when R is and segment RP crosses an even number of the zone's edges near the
block (with one edge: the point's side of its line).  Each orientation is either certain
(Shewchuk's error bound) or the point goes to shapely's predicate.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence

import numpy as np
import shapely

from ..atlas.model import ZoneShape
from .griddata import ARRAYS, LINE_ERR, ORIENT_ERR, GridData
from .results import HitResult, Overlap, SharedResults

__all__ = ["Grid"]

CHUNK = 1 << 15  # points per chunk of the vectorised path (keeps temporaries in cache)
PARALLEL_MIN = 1 << 17  # from this many points, chunks run on a thread pool
SMALL = 96  # up to this many points, a loop over the single-point path
SMALL_EXACT = 48  # up to this many border points, a loop over the plain-Python exact test


def _ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR rows given by ``starts`` and ``counts``: (row of each item, flat item index)."""
    total = int(counts.sum())
    row = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return row, np.repeat(starts, counts) + within


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
        for name in ("coarse_codes", "blocks", "lut", "sub_lut", "ref", "blk_ptr", "ent"):
            setattr(self, name, getattr(data, name))
        self.ent_ptr, self.edges, self.segs = data.ent_ptr, data.edges, data.segs
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
        line = np.zeros((len(self.ent), 4), np.float32)  # see LINE_ERR
        line[one] = np.column_stack([-dy, dx, dy * ax - dx * ay, np.abs(ax) + np.abs(ay)])
        kind = np.full(len(self.ent), 2, np.uint8)
        kind[one] = ((self.ent[one] & 1) ^ (e & 1)).astype(np.uint8)
        if len(self.ref):
            kind[np.isnan(self.ref[block_of_ent, 0])] = 3
        self.ent_line, self.ent_kind = line, kind
        self._single()

    # -------------------------------------------------------------- facts
    @property
    def nbytes(self) -> int:
        arrays = [getattr(self.data, name) for name in ARRAYS]
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
        # one shared immutable result per set of zones (None for no zone): a plain touch
        # allocates nothing; the exact border test answers with ranks, and the same sets
        # share the same results
        self.results = shared = SharedResults(self.shapes, self.foot, self.aspect, self.set_ranks)
        results = shared.by_set
        border = self._border = [None]  # the plain-Python exact test, made on first use
        # (block, class) -> (a, b, c, |a| + |b|, m, flip, inside, outside) for border sub-cells
        # with one candidate zone and one straight edge, or the two lines and the four results
        # for two such zones (filled by the exact test's plans): the sides of the edges' lines
        # pick a shared result, no call; a side within rounding goes to the full test
        simple = self._simple = {}
        ncls = max(len(self.cls_base), 1)
        make_border = self._border_function

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
                one = simple.get(b * ncls + sid - nsets)
                if one is not None:
                    axy = abs(x) + abs(y)
                    det = one[0] * x + one[1] * y + one[2]
                    if abs(det) > one[3] * (axy + one[4]) * LINE_ERR:
                        if len(one) == 8:  # one candidate zone
                            return one[6] if (det > 0.0) ^ one[5] else one[7]
                        det2 = one[6] * x + one[7] * y + one[8]
                        if abs(det2) > one[9] * (axy + one[10]) * LINE_ERR:
                            return one[12][((det > 0.0) ^ one[5]) | ((det2 > 0.0) ^ one[11]) << 1]
                f = border[0]
                if f is None:
                    f = border[0] = make_border()
                return f(b, sid - nsets, x, y)
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

        ncls = max(len(cls_base), 1)
        result_of = self.results.of
        simple = self._simple
        # per (block, exact class), made on first use: the tests of its candidate zones (1: one
        # straight edge, 2: several edges, 0: no reference point, shapely), its base and the
        # shared result of each set of candidates found inside (a bit mask)
        plans: dict[int, tuple] = {}

        def plan(b: int, c: int) -> tuple:
            tests = []
            for r in cls_cand[c]:
                j = where.get(b * nz + r)
                if j is None:
                    tests.append((r, 0, None))
                else:
                    t = lines[j] or entry(j, b)
                    tests.append((r, 1 if len(t) == 6 else 2, t))
            made = (tuple(tests), cls_base[c], {})
            plans[b * ncls + c] = made
            base = cls_base[c]
            if len(tests) == 1 and tests[0][1] == 1:
                r, ln = tests[0][0], tests[0][2]
                inside = result_of(tuple(sorted((*base, r))))
                simple[b * ncls + c] = (*ln, inside, result_of(base))
            elif len(tests) == 2 and tests[0][1] == tests[1][1] == 1:
                (r1, _, ln1), (r2, _, ln2) = tests
                sets = ((), (r1,), (r2,), (r1, r2))  # by mask: bit 0 zone r1, bit 1 zone r2
                by_mask = tuple(result_of(tuple(sorted((*base, *m)))) for m in sets)
                simple[b * ncls + c] = (*ln1, *ln2, by_mask)
            return made

        def border_hit(b: int, c: int, x: float, y: float) -> HitResult | None:
            """The shared plain result at (x, y) in a sub-cell of block b and exact class c."""
            tests, base, found = plans.get(b * ncls + c) or plan(b, c)
            mask = 0
            bit = 1
            axy = abs(x) + abs(y)
            for r, kind, ln in tests:
                if kind == 1:  # one edge: its side decides
                    det = ln[0] * x + ln[1] * y + ln[2]
                    if abs(det) > ln[3] * (axy + ln[4]) * LINE_ERR:
                        inside = (det > 0.0) ^ ln[5]
                    else:
                        inside = exact_zone(r, x, y)
                elif kind == 2:  # several edges: R's membership, flipped by each edge RP crosses
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
                else:  # no reference point for this block: shapely
                    inside = exact_zone(r, x, y)
                if inside:
                    mask |= bit
                bit <<= 1
            res = found.get(mask, found)  # the dict itself: not made yet (a result may be None)
            if res is found:
                more = tuple(t[0] for i, t in enumerate(tests) if mask >> i & 1)
                res = found[mask] = result_of(tuple(sorted(base + more)))
            return res

        return border_hit

    @property
    def border_hit(self):
        """``border_hit(block, cls, x, y)``: the shared plain result at a point of a border
        sub-cell (the plain-Python exact test)."""
        f = self._border[0]
        if f is None:
            f = self._border[0] = self._border_function()
        return f

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
        """Grid pass over points a:b; returns (positions, blocks, exact classes) of the points
        that need the exact test."""
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
                bound *= LINE_ERR
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
            geoms = self.geoms_arr
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
