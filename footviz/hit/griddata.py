"""The data of one (foot, aspect) grid: plain numpy arrays and a few numbers.

:mod:`.gridbuild` makes it from zone geometry, :mod:`.cache` stores and loads it, and
:mod:`.gridquery` answers points with it.  Layout (``x0``, ``y0`` the origin, ``h`` the coarse
cell size, ``k`` sub-cells per mm, ``ncx`` x ``ncy`` coarse cells, ``block`` x ``block``
sub-cells per border coarse cell):

* ``coarse_codes[cy * ncx + cx]``: a set id (< ``nsets``) or ``nsets`` + a border block number;
* ``blocks[(block << 2 s) + (sy << s) + sx]``: a set id, or ``nsets`` + an exact class;
* ``lut`` / ``sub_lut``: per code, the primary zone's global index (-2: a block, -3 - c: the
  exact class c);
* ``set_ranks``: the zones (ranks, ascending) of each set; ``cls_base`` / ``cls_cand``: per
  exact class, the zones covering all of the sub-cell and those whose border touches it;
* per border block a reference point ``ref``, its entries ``ent[blk_ptr[b]:blk_ptr[b + 1]]``
  (``rank * 2 + R inside``), each entry's edges ``edges[ent_ptr[j]:ent_ptr[j + 1]]``
  (``edge * 2 + R's side``) and the edges' ``segs`` (rows ax, ay, bx, by, dx, dy).
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
]

EPS = 1e-6  # mm: a cell counts as touched by a border that passes this close to it

#: Shewchuk's error bound of a 2-D orientation determinant computed in double precision:
#: when ``|det| > ORIENT_ERR * (|left| + |right|)`` the sign of ``det`` is certain.
ORIENT_ERR = 3.3306690738754716e-16

#: Error bound of a point's side of a line stored as float32 coefficients (a, b, c) of
#: ``a x + b y + c``: each coefficient is off by at most 2**-24 of itself and |c| is at most
#: ``(|a| + |b|) m`` (m = |ax| + |ay| of the edge's first vertex), so the value is off by less
#: than ``6e-8 (|a| + |b|) (|x| + |y| + m)``; a larger value has a certain sign.
LINE_ERR = 1e-6

#: Build memory bound: fine cells times 64-zone words of the two bit planes the build fills
#: (each plane at most 32 MiB).  Past it the grid's cells grow (coarser resolution).
MAX_CELL_WORDS = 1 << 22

#: Coordinates beyond this many mm from the origin are refused (doubles lose the precision
#: the index needs there).
MAX_COORDINATE = 1e12

#: the arrays of a grid, by name (as stored in the cache)
ARRAYS = ("coarse_codes", "blocks", "lut", "sub_lut", "ref", "blk_ptr", "ent", "ent_ptr")
ARRAYS += ("edges", "segs")


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
    ref: np.ndarray
    blk_ptr: np.ndarray
    ent: np.ndarray
    ent_ptr: np.ndarray
    edges: np.ndarray
    segs: np.ndarray
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
        d.ref = np.zeros((0, 2))
        d.blk_ptr = np.zeros(1, np.int32)
        d.ent = np.zeros(0, np.int32)
        d.ent_ptr = np.zeros(1, np.int32)
        d.edges = np.zeros(0, np.int32)
        d.segs = np.zeros((6, 0))
        d.set_ranks, d.cls_base, d.cls_cand = [()], [], []
        return d

    @property
    def nblocks(self) -> int:
        return len(self.blk_ptr) - 1

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
        ref, blk_ptr, ent, ent_ptr = self.ref, self.blk_ptr, self.ent, self.ent_ptr
        edges, segs, B = self.edges, self.segs, self.block
        nblocks = len(blocks) >> (2 * self.shift)
        ranks = self.set_ranks + self.cls_base + self.cls_cand
        return (
            len(self.set_ranks) == self.nsets
            and len(self.cls_base) == len(self.cls_cand)
            and codes.ndim == blocks.ndim == 1
            and codes.dtype.kind == "i"
            and blocks.dtype.kind in "ui"
            and len(codes) == self.ncx * self.ncy
            and nblocks * B * B == len(blocks)
            and lut.dtype == sub_lut.dtype == np.int32
            and len(lut) == self.nsets + nblocks
            and len(sub_lut) == self.nsets + len(self.cls_base)
            and 0 <= int(codes.min())
            and int(codes.max()) < len(lut)
            and (len(blocks) == 0 or 0 <= int(blocks.min()))
            and (len(blocks) == 0 or int(blocks.max()) < len(sub_lut))
            and all(0 <= r < nz for m in ranks for r in m)
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
            and (len(edges) == 0 or 0 <= int(edges.min()))
            and (len(edges) == 0 or int(edges.max()) < 2 * segs.shape[1])
            and self.k > 0
            and self.h > 0
        )


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
