"""Building a grid (:class:`~.griddata.GridData`) from zone geometry.

Each zone is filled into two bit planes over the fine cells with an even-odd scanline fill
(``state``: the cell centre is inside) and an edge walk (``touch``: the zone's border comes
within ``eps`` of the cell).  Coarse cells no border touches keep one set of zones; the others
become blocks of sub-cells, and sub-cells a border touches become exact classes.  Each border
block gets a reference point clear of every edge near it and, per zone whose border comes
near, whether the reference point is inside and which edges are near (see
:mod:`.gridquery` for how a point is then decided).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely

from . import griddata
from .griddata import EPS, ORIENT_ERR, GridData
from .inputs import HitIndexError

__all__ = ["build"]

#: Where a border block's reference point may sit, in block units; the first offset that
#: lies clearly off every edge listed for the block is used.
REF_OFFSETS = (
    (0.5, 0.5),
    (0.37, 0.61),
    (0.63, 0.29),
    (0.21, 0.83),
    (0.79, 0.17),
    (0.41, 0.13),
    (0.13, 0.47),
    (0.87, 0.71),
)


def build(
    geoms: Sequence,
    rank_to_global: np.ndarray,
    coarse: float,
    block: int,
    foot: str,
    aspect: str,
) -> GridData:
    """The grid of prepared zone geometries ``geoms`` in rank order (smallest area first).

    ``rank_to_global`` maps ranks to the index's global zone numbers (one extra -1 at the
    end); ``coarse`` is the wished coarse cell size in mm (grown to stay within
    :data:`~.griddata.MAX_CELL_WORDS`), ``block`` the sub-cells per coarse cell side.
    """
    if not len(geoms):
        return GridData.empty(block)
    b = _Builder(geoms, rank_to_global, coarse, block, foot, aspect)
    b.run()
    data = GridData(block)
    for name in (*griddata.ARRAYS, "set_ranks", "cls_base", "cls_cand"):
        setattr(data, name, getattr(b, name))
    for name in ("x0", "y0", "h", "k", "eps", "ncx", "ncy", "nsets"):
        setattr(data, name, getattr(b, name))
    return data


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


class _Builder:
    """The state of one build (the bit planes live only inside :meth:`run`)."""

    def __init__(self, geoms, rank_to_global, coarse, block, foot, aspect) -> None:
        self.geoms = list(geoms)
        self.geoms_arr = np.array(self.geoms, dtype=object)
        self.nz = len(self.geoms)
        self.rank_to_global = rank_to_global
        self.coarse = float(coarse)
        self.block = int(block)
        self.shift = self.block.bit_length() - 1
        self.foot, self.aspect = foot, aspect

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
        cap = griddata.MAX_CELL_WORDS // (B * B * words)
        if cap < 25:
            raise HitIndexError(
                f"{self.nz} zones on the {self.foot} foot's {self.aspect} aspect are too many "
                f"to index within the memory bound ({griddata.MAX_CELL_WORDS} cell-words)"
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

    def run(self) -> None:
        nz, B = self.nz, self.block
        geoms = self.geoms
        b = shapely.bounds(self.geoms_arr)
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
        self.set_ranks = [tuple(_bits_to_ranks(row)) for row in uniq]
        set_best = np.array([m[0] if m else nz for m in self.set_ranks], np.int32)
        set_primary = self.rank_to_global[set_best]
        # exact classes: distinct (base, candidates) of touched sub-cells
        cuniq, cinv = _unique_rows(np.concatenate([t_base, t_touch], axis=1))
        ncls = len(cuniq)
        self.cls_base = [tuple(_bits_to_ranks(row[:words])) for row in cuniq]
        self.cls_cand = [tuple(_bits_to_ranks(row[words:])) for row in cuniq]
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
        for ox, oy in REF_OFFSETS:
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
                self.geoms_arr[ent_rank[v]], ref[ent_block[v], 0], ref[ent_block[v], 1]
            )
        self.ref = ref
        self.ent = (ent_rank * 2 + rin).astype(np.int32)
        self.ent_ptr = np.r_[first, len(ekey)].astype(np.int32)
        self.blk_ptr = np.searchsorted(ent_block, np.arange(nblocks + 1)).astype(np.int32)
        self.edges = (ps * 2 + sgn).astype(np.int32)

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
