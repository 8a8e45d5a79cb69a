"""A grid's data: stored as plain arrays, read back only when they fit."""

from __future__ import annotations

import numpy as np
import pytest

from footviz.hit.griddata import ARRAYS, GridData


def _built(atlas):
    return atlas.hit_index().grid("left", "plantar").data


def test_arrays_round_trip_to_the_same_grid(atlas):
    data = _built(atlas)
    arrays = data.to_arrays()
    assert all(isinstance(a, np.ndarray) for a in arrays.values())
    back = GridData.from_arrays(arrays, len(atlas.shapes("left", "plantar")), data.block)
    assert back is not None
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(back, name), getattr(data, name))
        assert getattr(back, name).dtype == getattr(data, name).dtype
    assert (back.set_ranks, back.cls_base, back.cls_cand) == (
        data.set_ranks,
        data.cls_base,
        data.cls_cand,
    )
    assert (back.x0, back.y0, back.h, back.k, back.ncx, back.ncy, back.nsets) == (
        data.x0,
        data.y0,
        data.h,
        data.k,
        data.ncx,
        data.ncy,
        data.nsets,
    )


def _renumbered(d):
    """A touched sub-cell numbered past its block's count (the codes stay in range)."""
    blocks, nsets = d["blocks"].copy(), int(d["dims"][2])
    first = int(np.flatnonzero(blocks >= nsets)[0])
    blocks[first] = nsets + 63
    d["blocks"] = blocks


def test_arrays_that_do_not_fit_are_refused(atlas):
    data = _built(atlas)
    nz = len(atlas.shapes("left", "plantar"))
    arrays = data.to_arrays()
    assert GridData.from_arrays(arrays, nz - 1, data.block) is None  # a rank past the zones
    assert GridData.from_arrays(arrays, nz, data.block * 2) is None  # other sub-cells
    for damage in (
        lambda d: d.pop("pat_tab"),
        lambda d: d.__setitem__("blocks", d["blocks"][:-1]),
        lambda d: d.__setitem__("lut", d["lut"].astype(np.int64)),
        lambda d: d.__setitem__("set_len", d["set_len"] + 1),
        lambda d: d.__setitem__("pat_lptr", d["pat_lptr"][::-1].copy()),
        lambda d: d.__setitem__("tpat", d["tpat"] + len(d["pat_cls"])),
        lambda d: d.__setitem__("tbase", d["tbase"] + (np.arange(len(d["tbase"])) > 0)),
        _renumbered,
        lambda d: d.__setitem__("geo", d["geo"][:3]),
    ):
        broken = dict(arrays)
        damage(broken)
        assert GridData.from_arrays(broken, nz, data.block) is None


def test_the_empty_grid_and_the_block_size():
    empty = GridData.empty(8)
    assert empty.nblocks == 0 and empty.set_ranks == [()] and len(empty.coarse_codes) == 1
    for bad in (0, 3, 6):
        with pytest.raises(ValueError, match="power of two"):
            GridData(bad)
