"""Building a grid (:class:`~.griddata.GridData`) from zone geometry.

Each zone is filled into two bit planes over the fine cells with an even-odd scanline fill
(``state``: the cell centre is inside) and an edge walk (``touch``: the zone's border comes
within ``eps`` of the cell).  Coarse cells no border touches keep one set of zones; the others
become blocks of sub-cells, and sub-cells a border touches (touched sub-cells) get face tables.

A touched sub-cell lists the distinct lines of the edges near it: every edge within ``eps`` of
it, and perhaps some within ``2 eps`` (more than :data:`MAX_LINES` lines: shapely decides its
points). No other border comes within ``eps`` of the cell, so inside the cell grown by ``eps``
every zone boundary lies on the listed lines; a face of those lines (the points with one sign
vector) meets the grown cell in a convex set no boundary crosses, and so is covered by one set
of zones throughout. That set is found with shapely at one sample point of the face, strictly
inside it; the samples sit just off the faces' vertices (cell corners, lines meeting the cell's
sides, two lines meeting), so every face is reached except, rarely, one thinner than the
offset: its entry says "unknown" and shapely decides its points. Sub-cells with the same exact
class, lines and table share one pattern.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely

from . import griddata
from .griddata import EPS, LINE_ERR, GridData, ranges
from .inputs import HitIndexError

__all__ = ["build"]

#: Most edge lines a border sub-cell's face table takes (its table has 2**n entries); a
#: sub-cell with more always asks shapely.
MAX_LINES = 4


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


def _piece_cells(seg, eps, x0, y0, hf):
    """The fine cells edges ``seg`` (rows ax, ay, bx, by) may pass within ``eps`` of: each
    edge is split into pieces at most ``hf / 2`` long, and each piece's box grown by ``eps``
    spans at most 2 x 2 cells; returns the boxes' low and high cell columns and rows and
    each piece's edge."""
    ax, ay, bx, by = seg.T
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
    lo_x = np.floor((np.minimum(px0, px1) - eps - x0) / hf).astype(np.int64)
    hi_x = np.floor((np.maximum(px0, px1) + eps - x0) / hf).astype(np.int64)
    lo_y = np.floor((np.minimum(py0, py1) - eps - y0) / hf).astype(np.int64)
    hi_y = np.floor((np.maximum(py0, py1) + eps - y0) / hf).astype(np.int64)
    return lo_x, hi_x, lo_y, hi_y, idx


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
        seg_parts = [
            self._raster_zone(r, g, state, touch, x0, y0, hf, nfx, nfy) for r, g in enumerate(geoms)
        ]
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
        self.set_ranks = [tuple(_bits_to_ranks(row)) for row in uniq]  # face sets follow
        set_best = np.array([m[0] if m else nz for m in self.set_ranks], np.int32)
        set_primary = self.rank_to_global[set_best]
        # exact classes: distinct (base, candidates) of touched sub-cells
        cuniq, cinv = _unique_rows(np.concatenate([t_base, t_touch], axis=1))
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
        # sub-cells: set id, or nsets + the sub-cell's number among its block's touched ones
        top = nsets + B * B
        dtype = np.uint8 if top <= 256 else np.uint16 if top <= 65536 else np.int32
        blocks = inverse[npc:].astype(dtype)
        first = np.searchsorted(t_sel, (t_sel >> (2 * self.shift)) << (2 * self.shift))
        blocks[t_sel] = (nsets + np.arange(len(t_sel)) - first).astype(dtype)
        self.blocks = blocks
        self.sub_lut = np.concatenate([set_primary, np.full(B * B, -3, np.int32)])
        # face tables of the touched sub-cells
        segs = np.vstack(seg_parts) if seg_parts else np.zeros((0, 4))
        self._face_tables(
            segs,
            t_sel,
            cinv,
            bx,
            by,
            uniq,
            cuniq[:, :words],
        )

    def _face_tables(self, segs, t_sel, t_cls, bxc, byc, set_rows, base_rows):
        """Per touched sub-cell: the distinct edge lines near it and, per sign vector of a
        point against them, the set of zones covering that face (see the module docstring);
        ``set_rows`` are the bit rows of the cells' sets, ``base_rows`` the classes' bases."""
        B, s, m = self.block, self.shift, self.block - 1
        nfx, hf, T = self.ncx * B, self.h / B, len(t_sel)
        # -- lines: one per distinct edge (a border two zones share is one line)
        first = (segs[:, 0] < segs[:, 2]) | (
            (segs[:, 0] == segs[:, 2]) & (segs[:, 1] <= segs[:, 3])
        )
        canon = np.where(first[:, None], segs, segs[:, [2, 3, 0, 1]])
        uniq = np.unique(canon, axis=0)
        nl = max(len(uniq), 1)
        ax, ay, ex, ey = uniq.T
        dx, dy = ex - ax, ey - ay
        la, lb, lc = -dy, dx, dy * ax - dx * ay
        mag = max(abs(self.x0), abs(self.x0 + self.ncx * self.h))
        mag += max(abs(self.y0), abs(self.y0 + self.ncy * self.h)) + self.h
        tol = (np.abs(la) + np.abs(lb)) * (mag + np.abs(ax) + np.abs(ay)) * LINE_ERR
        self.lines = np.column_stack([la, lb, lc, tol]) if len(uniq) else np.zeros((0, 4))
        # -- (touched sub-cell, line) pairs, kept when the edge comes within 2 eps of the cell
        lo_x, hi_x, lo_y, hi_y, which = _piece_cells(uniq, self.eps, self.x0, self.y0, hf)
        keys = []
        for cy in (lo_y, hi_y):
            for cx in (lo_x, hi_x):
                k = (cy * nfx + cx) * nl + which
                keys.append(k[np.r_[True, k[1:] != k[:-1]]])  # the next piece: often the same
        cells, lid = np.divmod(np.concatenate(keys), nl)
        # each fine cell's touched sub-cell number (-1: none), over the whole grid (smaller
        # than the bit planes, already freed)
        sb, sl = np.divmod(t_sel, B * B)
        fine = ((byc[sb] << s) + (sl >> s)) * nfx + (bxc[sb] << s) + (sl & m)
        number = np.full(nfx * self.ncy * B, -1, np.int32)
        number[fine] = np.arange(T, dtype=np.int32)
        t = number[cells]
        ok = t >= 0
        key = np.unique(t[ok].astype(np.int64) * nl + lid[ok])
        del number
        pt, pl = np.divmod(key, nl)
        cx0 = self.x0 + (bxc[sb] * B + (sl & m)) * hf  # the touched sub-cells' corners
        cy0 = self.y0 + (byc[sb] * B + (sl >> s)) * hf
        g = 2 * self.eps
        px, py, qx, qy = ax[pl], ay[pl], dx[pl], dy[pl]
        keep = (qx != 0) | (qy != 0)
        t0, t1 = np.zeros(len(pt)), np.ones(len(pt))
        with np.errstate(divide="ignore", invalid="ignore"):  # Liang-Barsky clipping
            for p, q in (
                (-qx, px - (cx0[pt] - g)),
                (qx, cx0[pt] + hf + g - px),
                (-qy, py - (cy0[pt] - g)),
                (qy, cy0[pt] + hf + g - py),
            ):
                r = q / p
                keep &= (p != 0) | (q >= 0)
                t0 = np.where(p < 0, np.maximum(t0, r), t0)
                t1 = np.where(p > 0, np.minimum(t1, r), t1)
        keep &= t0 <= t1
        pt, pl = pt[keep], pl[keep]
        nlin = np.bincount(pt, minlength=T)
        many = nlin > MAX_LINES  # such sub-cells always go to shapely
        sel = ~many[pt]
        pt, pl = pt[sel], pl[sel]
        nlin[many] = 0
        lptr = np.r_[0, np.cumsum(nlin)[:-1]] if T else np.zeros(0, np.int64)
        within = np.arange(len(pt)) - lptr[pt]
        # -- sample points: every face of the lines clipped to the cell has a vertex (a cell
        # corner, a line meeting the cell's side, two lines meeting); a point a little off
        # each vertex in each direction between the two lines through it lands in each face
        # around it
        d = hf / 256
        live = np.flatnonzero(~many)
        ox = np.array([0.0, 1.0, 0.0, 1.0]) * (hf - 2 * d) + d  # the corners, inset
        oy = np.array([0.0, 0.0, 1.0, 1.0]) * (hf - 2 * d) + d

        def signs(st, sx, sy):
            """Samples inside their cells: (cell, x, y, sign vector), those with every side
            certain."""
            st, sx, sy = np.concatenate(st), np.concatenate(sx), np.concatenate(sy)
            x0 = cx0[st]
            y0 = cy0[st]
            inbox = (sx > x0) & (sx < x0 + hf) & (sy > y0) & (sy < y0 + hf)
            st, sx, sy = st[inbox], sx[inbox], sy[inbox]
            row, flat = ranges(lptr[st], nlin[st])
            ll = pl[flat]
            det = la[ll] * sx[row] + lb[ll] * sy[row] + lc[ll]
            bits = ((det > 0).astype(np.int64) << within[flat]).astype(float)
            code = np.bincount(row, bits, minlength=len(st)).astype(np.int64)
            ok = np.bincount(row, np.abs(det) <= tol[ll], minlength=len(st)) == 0
            return st[ok], sx[ok], sy[ok], code[ok]

        corners = signs(
            [np.repeat(live, 4)],
            [(cx0[live, None] + ox).ravel()],
            [(cy0[live, None] + oy).ravel()],
        )
        # a cell with one line whose corners show both sides has all its faces
        both = np.zeros((T, 2), bool)
        one = nlin[corners[0]] == 1
        both[corners[0][one], corners[3][one]] = True
        rest = ~(both.all(axis=1) & (nlin == 1))[pt]
        st, sx, sy = [], [], []
        ln = np.hypot(qx[keep][sel], qy[keep][sel])
        ux, uy = qx[keep][sel] / ln, qy[keep][sel] / ln
        px, py = px[keep][sel], py[keep][sel]
        X0, Y0 = cx0[pt], cy0[pt]
        # a line meeting a side: the two points just inside the cell either side of the line
        for along, across, p0, q0, u, v in ((px, py, X0, Y0, ux, uy), (py, px, Y0, X0, uy, ux)):
            for off, w in ((0.0, 1.0), (hf, -1.0)):  # the side at p0 + off, inward w
                i = np.flatnonzero((u != 0) & rest)
                side = p0[i] + off
                meet = across[i] + (side - along[i]) * (v[i] / u[i])
                ok = (meet >= q0[i]) & (meet <= q0[i] + hf)
                i, side, meet = i[ok], side[ok], meet[ok]
                inward = np.where(u[i] * w > 0, d, -d)
                for e in (-d, d):
                    st.append(pt[i])
                    a_ = side + inward * u[i]
                    b_ = meet + inward * v[i] + e
                    sx.append(a_ if along is px else b_)
                    sy.append(b_ if along is px else a_)
        # two lines meeting inside the cell: a point in each of the four angles
        a_, b_, c_ = la[pl], lb[pl], lc[pl]
        for off in range(1, MAX_LINES):
            i = np.flatnonzero(pt[:-off] == pt[off:]) if len(pt) > off else np.zeros(0, int)
            j = i + off
            den = a_[i] * b_[j] - a_[j] * b_[i]
            with np.errstate(divide="ignore", invalid="ignore"):
                vx = (b_[i] * c_[j] - b_[j] * c_[i]) / den
                vy = (a_[j] * c_[i] - a_[i] * c_[j]) / den
            ok = (vx > X0[i]) & (vx < X0[i] + hf) & (vy > Y0[i]) & (vy < Y0[i] + hf)
            i, j, vx, vy = i[ok], j[ok], vx[ok], vy[ok]
            for s1 in (-d, d):
                for s2 in (-d, d):
                    st.append(pt[i])
                    sx.append(vx + s1 * ux[i] + s2 * ux[j])
                    sy.append(vy + s1 * uy[i] + s2 * uy[j])
        # -- each face's first sample
        more = signs(st or [np.zeros(0, np.int64)], sx or [np.zeros(0)], sy or [np.zeros(0)])
        st, sx, sy, code = (np.concatenate([u, v]) for u, v in zip(corners, more, strict=True))
        fkey, pick = np.unique(st * (1 << MAX_LINES) + code, return_index=True)
        ft, fcode = np.divmod(fkey, 1 << MAX_LINES)
        fx, fy = sx[pick], sy[pick]
        # -- the zones covering each face: the base, and the candidates shapely finds inside
        cand_len = np.array([len(cc) for cc in self.cls_cand], np.int64)
        cand_ptr = np.r_[0, np.cumsum(cand_len)[:-1]] if len(cand_len) else cand_len
        cand = np.array([r for cc in self.cls_cand for r in cc], np.int64)
        fc = t_cls[ft]
        face, q = ranges(cand_ptr[fc] if len(fc) else fc, cand_len[fc] if len(fc) else fc)
        rk = cand[q] if len(q) else q
        inside = shapely.intersects_xy(self.geoms_arr[rk], fx[face], fy[face]) if len(rk) else q
        frows = base_rows[fc].copy()
        hit = np.flatnonzero(inside)
        np.bitwise_or.at(
            frows,
            (face[hit], rk[hit] // 64),
            np.left_shift(np.uint64(1), (rk[hit] % 64).astype(np.uint64)),
        )
        known = {row.tobytes(): i for i, row in enumerate(set_rows)}
        funiq, finv = _unique_rows(frows) if len(frows) else (frows, np.zeros(0, np.int64))
        fid = []
        for row in funiq:
            i = known.setdefault(row.tobytes(), len(known))
            if i == len(self.set_ranks):
                self.set_ranks.append(tuple(_bits_to_ranks(row)))
            fid.append(i)
        unknown = len(self.set_ranks)  # the table value of a face no sample found
        # -- per sub-cell: (class, lines, table) as one row; equal rows share a pattern
        width = 2 + MAX_LINES + (1 << MAX_LINES)
        rows = np.full((T, width), -1, np.int64)
        rows[:, 0], rows[:, 1] = t_cls, nlin
        rows[pt, 2 + within] = pl
        tab = np.full((T, 1 << MAX_LINES), -1, np.int64)
        tab[np.arange(1 << MAX_LINES)[None, :] < (1 << nlin)[:, None]] = unknown
        tab[ft, fcode] = np.array(fid, np.int64)[finv] if len(fid) else 0
        rows[:, 2 + MAX_LINES :] = tab
        # equal rows share a pattern: rows hashed to one word, then checked (a collision
        # falls back to the rows' bytes)
        mix = np.uint64(0x9E3779B97F4A7C15)
        hsh = np.zeros(T, np.uint64)
        with np.errstate(over="ignore"):
            for col in rows.T.astype(np.uint64):
                hsh = (hsh ^ col) * mix
                hsh ^= hsh >> np.uint64(29)
        _, firsts, tpat = np.unique(hsh, return_index=True, return_inverse=True)
        tpat = tpat.ravel()
        if not (rows[firsts][tpat] == rows).all():
            seen: dict[bytes, int] = {}
            view = rows.view(f"V{8 * width}").ravel().tolist()
            tpat = np.array([seen.setdefault(r, len(seen)) for r in view], np.int64)
        prow = rows[np.unique(tpat, return_index=True)[1]] if T else rows
        self.tpat = tpat.astype(np.uint16 if len(prow) <= 1 << 16 else np.int32)
        self.tbase = np.searchsorted(t_sel, np.arange(len(bxc)) * (B * B)).astype(np.int32)
        self.pat_cls = prow[:, 0].astype(np.int32)
        pn = prow[:, 1]
        self.pat_lptr = np.r_[0, np.cumsum(pn)].astype(np.int32)
        self.pat_lines = prow[:, 2 : 2 + MAX_LINES][
            np.arange(MAX_LINES)[None, :] < pn[:, None]
        ].astype(np.int32)
        self.pat_tptr = np.r_[0, np.cumsum(1 << pn)].astype(np.int32)
        ptab = prow[:, 2 + MAX_LINES :][np.arange(1 << MAX_LINES)[None, :] < (1 << pn)[:, None]]
        self.pat_tab = ptab.astype(np.uint16 if unknown < 1 << 16 else np.int32)

    def _raster_zone(self, r, geom, state, touch, x0, y0, hf, nfx, nfy):
        """Fill zone ``r`` into the bit planes; return its edges (rows ax, ay, bx, by)."""
        eps = self.eps
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
        ax, ay, bx, by = seg.T
        # -- cells a border passes within eps of
        tw = np.zeros((wy, wx), bool)
        lo_x, hi_x, lo_y, hi_y, _ = _piece_cells(seg, eps, x0, y0, hf)
        for cy in (lo_y - r0, hi_y - r0):
            for cx in (lo_x - c0, hi_x - c0):
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
        return seg
