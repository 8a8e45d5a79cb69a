"""The data of one (foot, aspect) grid: plain numpy arrays and a few numbers.

:mod:`.gridbuild` makes it from zone geometry, :mod:`.cache` stores and loads it, and
:mod:`.gridquery` answers points with it.  Layout (``x0``, ``y0`` the origin, ``h`` the coarse
cell size, ``k`` sub-cells per mm, ``ncx`` x ``ncy`` coarse cells, ``block`` x ``block``
sub-cells per border coarse cell):

* ``coarse_codes[cy * ncx + cx]``: a set id (< ``nsets``) or ``nsets`` + a border block number;
* ``blocks[(block << 2 s) + (sy << s) + sx]``: a set id, or ``nsets`` + the sub-cell's number
  among the block's touched sub-cells (those a zone border comes within ``eps`` of);
* ``lut`` / ``sub_lut``: per code, the primary zone's global index (-2: a block, -3: touched);
* ``set_ranks``: the zones (ranks, ascending) of each set: first the ``nsets`` sets of cells,
  then the sets only faces of touched sub-cells have; ``cls_base`` / ``cls_cand``: per exact
  class, the zones covering all of a touched sub-cell and those whose border comes near it;
* touched sub-cell ``t = tbase[block] + number`` has the pattern ``tpat[t]``; a pattern has an
  exact class ``pat_cls``, the edge lines near the sub-cell
  ``pat_lines[pat_lptr[p]:pat_lptr[p + 1]]`` (n of them) and a face table
  ``pat_tab[pat_tptr[p]:pat_tptr[p + 1]]`` of 2**n set ids, indexed by the point's sign
  vector (bit i: ``a x + b y + c > 0`` for line i), ``len(set_ranks)`` for a face without a
  known set; ``lines`` holds a row per line: a, b, c and its rounding bound (see
  :data:`LINE_ERR`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = [
    "EPS",
    "LINE_ERR",
    "MAX_CELL_WORDS",
    "MAX_COORDINATE",
    "ORIENT_ERR",
    "GridData",
    "ranges",
]

EPS = 1e-6  # mm: a cell counts as touched by a border that passes this close to it

#: Shewchuk's error bound of a 2-D orientation determinant computed in double precision:
#: when ``|det| > ORIENT_ERR * (|left| + |right|)`` the sign of ``det`` is certain.
ORIENT_ERR = 3.3306690738754716e-16

#: Error bound of a point's side of an edge line (ax, ay)-(bx, by) evaluated as
#: ``a x + b y + c`` in double precision with a = -(by - ay), b = bx - ax, c = -(a ax + b ay)
#: (each rounded): against the exact orientation the value is off by less than
#: ``4.5e-16 (|a| + |b|) (|x| + |y| + |ax| + |ay|)``; a value beyond this bound (20 times
#: that) has a certain sign.
LINE_ERR = 1e-14

#: Build memory bound: fine cells times 64-zone words of the two bit planes the build fills
#: (each plane at most 32 MiB).  Past it the grid's cells grow (coarser resolution).
MAX_CELL_WORDS = 1 << 22

#: Coordinates beyond this many mm from the origin are refused (doubles lose the precision
#: the index needs there).
MAX_COORDINATE = 1e12

#: the arrays of a grid, by name (as stored in the cache)
ARRAYS = ("coarse_codes", "blocks", "lut", "sub_lut", "tbase", "tpat", "pat_cls")
ARRAYS += ("pat_lptr", "pat_lines", "pat_tptr", "pat_tab", "lines")


class GridData:
    """The arrays and numbers of one grid (see the module docstring for their meaning)."""

    x0: float
    y0: float
    h: float
    k: float
    eps: float
    ncx: int
    ncy: int
    nsets: int
    coarse_codes: np.ndarray
    blocks: np.ndarray
    lut: np.ndarray
    sub_lut: np.ndarray
    tbase: np.ndarray
    tpat: np.ndarray
    pat_cls: np.ndarray
    pat_lptr: np.ndarray
    pat_lines: np.ndarray
    pat_tptr: np.ndarray
    pat_tab: np.ndarray
    lines: np.ndarray
    set_ranks: list[tuple[int, ...]]
    cls_base: list[tuple[int, ...]]
    cls_cand: list[tuple[int, ...]]

    def __init__(self, block: int) -> None:
        shift = int(block).bit_length() - 1
        if block < 1 or block != 1 << shift:
            raise ValueError(f"block must be a power of two, got {block!r}")
        self.block = int(block)
        self.shift = shift

    @classmethod
    def empty(cls, block: int) -> GridData:
        """The grid of no zones: one empty cell."""
        d = cls(block)
        d.x0 = d.y0 = 0.0
        d.h = d.k = 1.0
        d.eps = EPS
        d.ncx = d.ncy = 1
        d.nsets = 1
        d.coarse_codes = np.zeros(1, np.int32)
        d.blocks = np.zeros(0, np.uint8)
        d.lut = np.full(1, -1, np.int32)
        d.sub_lut = np.full(1, -1, np.int32)
        d.tbase = np.zeros(0, np.int32)
        d.tpat = np.zeros(0, np.uint16)
        d.pat_cls = np.zeros(0, np.int32)
        d.pat_lptr = np.zeros(1, np.int32)
        d.pat_lines = np.zeros(0, np.int32)
        d.pat_tptr = np.zeros(1, np.int32)
        d.pat_tab = np.zeros(0, np.uint16)
        d.lines = np.zeros((0, 4))
        d.set_ranks, d.cls_base, d.cls_cand = [()], [], []
        return d

    @property
    def nblocks(self) -> int:
        return len(self.tbase)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Every field as a numpy array (variable-length lists as CSR: values and lengths)."""
        out = {name: getattr(self, name) for name in ARRAYS}
        out["geo"] = np.array([self.x0, self.y0, self.h, self.k, self.eps])
        out["dims"] = np.array([self.ncx, self.ncy, self.nsets], np.int64)
        lists_of = {"set": self.set_ranks, "base": self.cls_base, "cand": self.cls_cand}
        for key, lists in lists_of.items():
            out[f"{key}_ranks"], out[f"{key}_len"] = csr(lists)
        return out

    @classmethod
    def from_arrays(cls, d: dict[str, np.ndarray], nz: int, block: int) -> GridData | None:
        """The grid stored by :meth:`to_arrays`, checked to fit ``nz`` zones and ``block``;
        None for arrays that do not (a damaged or foreign file)."""
        g = cls(block)
        try:
            g.x0, g.y0, g.h, g.k, g.eps = (float(v) for v in d["geo"])
            g.ncx, g.ncy, g.nsets = (int(v) for v in d["dims"])
            for name in ARRAYS:
                setattr(g, name, d[name])
            g.set_ranks = split(d["set_ranks"], d["set_len"])
            g.cls_base = split(d["base_ranks"], d["base_len"])
            g.cls_cand = split(d["cand_ranks"], d["cand_len"])
            ok = g._fits(nz)
        except Exception:  # a damaged or foreign file
            return None
        return g if ok else None

    def _fits(self, nz: int) -> bool:
        codes, blocks, lut, sub_lut = self.coarse_codes, self.blocks, self.lut, self.sub_lut
        tbase, tpat, pat_cls, lines = self.tbase, self.tpat, self.pat_cls, self.lines
        lptr, plines, tptr, tab = self.pat_lptr, self.pat_lines, self.pat_tptr, self.pat_tab
        B, nsets = self.block, self.nsets
        nblocks = len(blocks) >> (2 * self.shift)
        ranks = self.set_ranks + self.cls_base + self.cls_cand
        npat = len(pat_cls)
        ints = (tbase, pat_cls, lptr, plines, tptr)
        return (
            1 <= nsets <= len(self.set_ranks)
            and len(self.cls_base) == len(self.cls_cand)
            and codes.ndim == blocks.ndim == tpat.ndim == tab.ndim == 1
            and codes.dtype.kind == "i"
            and blocks.dtype.kind in "ui"
            and tpat.dtype.kind in "ui"
            and tab.dtype.kind in "ui"
            and len(codes) == self.ncx * self.ncy
            and nblocks * B * B == len(blocks)
            and lut.dtype == sub_lut.dtype == np.int32
            and all(a.dtype == np.int32 and a.ndim == 1 for a in ints)
            and len(lut) == nsets + nblocks
            and len(sub_lut) == nsets + B * B
            and 0 <= int(codes.min())
            and int(codes.max()) < len(lut)
            and (len(blocks) == 0 or 0 <= int(blocks.min()))
            and (len(blocks) == 0 or int(blocks.max()) < len(sub_lut))
            and all(0 <= r < nz for m in ranks for r in m)
            and len(tbase) == nblocks
            and (nblocks == 0 or (int(tbase[0]) == 0 and bool((np.diff(tbase) >= 0).all())))
            and (nblocks == 0 or int(tbase[-1]) <= len(tpat))
            and (len(tpat) == 0 or (0 <= int(tpat.min()) and int(tpat.max()) < npat))
            and (npat == 0 or (0 <= int(pat_cls.min()) and int(pat_cls.max()) < len(self.cls_base)))
            and len(lptr) == len(tptr) == npat + 1
            and int(lptr[0]) == int(tptr[0]) == 0
            and int(lptr[-1]) == len(plines)
            and int(tptr[-1]) == len(tab)
            and bool((np.diff(tptr) == 1 << np.diff(lptr).astype(np.int64)).all())
            and (len(plines) == 0 or (0 <= int(plines.min()) and int(plines.max()) < len(lines)))
            and (len(tab) == 0 or int(tab.max()) <= len(self.set_ranks))
            and self._touched_fit(nblocks)
            and lines.dtype == np.float64
            and lines.ndim == 2
            and lines.shape[1] == 4
            and self.k > 0
            and self.h > 0
        )

    def _touched_fit(self, nblocks: int) -> bool:
        """Each block's touched sub-cells are numbered 0, 1, ... and ``tbase`` counts them."""
        if not nblocks:
            return len(self.tpat) == 0
        codes = self.blocks.reshape(nblocks, -1)
        count = np.count_nonzero(codes >= self.nsets, axis=1)
        # a block's largest code is nsets + its last number (or a set id when none is touched)
        return bool(
            np.array_equal(np.diff(np.r_[self.tbase, len(self.tpat)]), count)
            and (codes.max(axis=1) < self.nsets + count).all()
        )


def ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For CSR rows given by ``starts`` and ``counts``: (row of each item, flat item index)."""
    total = int(counts.sum())
    row = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return row, np.repeat(starts, counts) + within


def split(flat: np.ndarray, sizes: np.ndarray) -> list[tuple[int, ...]]:
    """CSR (flat values, lengths) to tuples."""
    if flat.ndim != 1 or sizes.ndim != 1 or int(sizes.sum()) != len(flat) or (sizes < 0).any():
        raise ValueError("bad CSR arrays")
    out: list[tuple[int, ...]] = []
    i = 0
    vals = flat.tolist()
    for n in sizes.tolist():
        out.append(tuple(vals[i : i + n]))
        i += n
    return out


def csr(lists: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Lists to CSR (flat values, lengths), the inverse of :func:`split`."""
    return (
        np.array([r for m in lists for r in m], np.int64),
        np.array([len(r) for r in lists], np.int64),
    )
