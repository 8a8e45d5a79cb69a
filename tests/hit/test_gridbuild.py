"""Building grids: face tables, memory bound, adapted resolution, refused geometry."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

import footviz
from footviz.hit import griddata
from footviz.hit.index import HitIndex
from footviz.hit.inputs import HitIndexError

from .reference import border_points, reference


def _touched_boxes(g):
    """(x0, y0) of each touched sub-cell, in the grid's order (block, then number)."""
    B, hf = g.block, g.h / g.block
    corner = np.flatnonzero(g.coarse_codes >= g.nsets)  # block b's coarse cell
    sub = np.flatnonzero(g.blocks >= g.nsets)  # (block, local) in block order
    b, local = np.divmod(sub, B * B)
    cy, cx = np.divmod(corner[b], g.ncx)
    x0 = g.x0 + (cx * B + local % B) * hf
    y0 = g.y0 + (cy * B + local // B) * hf
    assert len(sub) == len(g.tpat)
    assert (g.tbase[b] + g.blocks[sub] - g.nsets == np.arange(len(sub))).all()
    return x0, y0


def test_face_tables_list_every_border_near_a_sub_cell(atlas):
    """Each touched sub-cell lists the lines of every edge within eps of it (so its faces hold
    one set of zones each), and each known face's set is the one shapely finds there."""
    g = atlas.hit_index().grid("left", "plantar")
    hf = g.h / g.block
    x0, y0 = _touched_boxes(g)
    unknown = len(g.set_ranks)
    rng = np.random.default_rng(8)
    boundaries = [s.geometry.boundary for s in g.shapes]
    checked = faces = 0
    for t in rng.choice(len(g.tpat), 400, replace=False).tolist():
        p = int(g.tpat[t])
        ids = g.pat_lines[g.pat_lptr[p] : g.pat_lptr[p + 1]]
        table = g.pat_tab[g.pat_tptr[p] : g.pat_tptr[p + 1]]
        if len(ids) == 0 and table[0] == unknown:
            continue  # too many lines: shapely decides every point
        a, b, c, _ = g.lines[ids].T
        box = (x0[t] - g.eps, y0[t] - g.eps, x0[t] + hf + g.eps, y0[t] + hf + g.eps)
        for line in boundaries:
            near = shapely.get_coordinates(shapely.clip_by_rect(line, *box))
            if len(near):
                off = np.abs(near[:, :1] * a + near[:, 1:] * b + c) / (np.abs(a) + np.abs(b))
                assert (off.min(axis=1) < 1e-9).all(), (t, near)
                checked += 1
        # random points of the sub-cell: a known face gives the zones shapely finds
        px = x0[t] + rng.uniform(0, hf, 20)
        py = y0[t] + rng.uniform(0, hf, 20)
        code = ((px[:, None] * a + py[:, None] * b + c) > 0) @ (1 << np.arange(len(ids)))
        for x, y, k in zip(px.tolist(), py.tolist(), np.atleast_1d(code).tolist(), strict=True):
            if table[k] < unknown:
                want = {r for r, s in enumerate(g.shapes) if s.geometry.covers(shapely.Point(x, y))}
                assert set(g.set_ranks[table[k]]) == want
                faces += 1
    assert checked > 300 and faces > 4000


def _custom(atlas, move=None, scale=None):
    doc = atlas.to_document()
    for f in doc["features"]:
        p = f["properties"]
        if move and p.get("zone") == move[0] and p["foot"] == "left" and p["aspect"] == "plantar":
            geom = shapely.affinity.translate(shapely.geometry.shape(f["geometry"]), *move[1])
            f["geometry"] = shapely.geometry.mapping(geom)
    return footviz.Atlas(doc)


def test_a_zone_far_away_gets_a_coarser_grid_within_the_bound(atlas):
    far = _custom(atlas, move=("heart", (1e6, 0.0)))
    heart = far.shape("heart", "left").geometry
    p = heart.representative_point()
    assert far.hit(p.x, p.y).zone.id == "heart"
    g = far.hit_index().grid("left", "plantar")
    words = (g.nz + 63) // 64
    assert g.ncx * g.ncy * g.block**2 * words <= griddata.MAX_CELL_WORDS
    assert g.h > 1.0  # adapted resolution
    assert g.nbytes < 8 * griddata.MAX_CELL_WORDS
    rng = np.random.default_rng(9)
    x = np.r_[rng.uniform(-50, 45, 20_000), rng.uniform(*heart.bounds[::2], 5_000)]
    y = np.r_[rng.uniform(0, 250, 20_000), rng.uniform(*heart.bounds[1::2], 5_000)]
    np.testing.assert_array_equal(far.hit_many(x, y).index, reference(far, "left", "plantar", x, y))


def _magnified(atlas, factor):
    """The atlas with every coordinate multiplied by ``factor`` (past what ``scaled`` takes:
    a custom atlas may be drawn in any unit)."""
    from shapely import affinity
    from shapely.geometry import mapping, shape

    doc = atlas.to_document()
    for feature in doc["features"]:
        geom = affinity.scale(shape(feature["geometry"]), factor, factor, origin=(0.0, 0.0))
        feature["geometry"] = mapping(geom)
    return footviz.Atlas(doc)


def test_huge_scales_build_a_bounded_index(atlas):
    for factor in (10.0, 4000.0):
        big = _magnified(atlas, factor)
        g = big.hit_index().grid("left", "plantar")
        assert g.ncx * g.ncy * g.block**2 <= griddata.MAX_CELL_WORDS
        rng = np.random.default_rng(int(factor))
        x0, y0, x1, y1 = big.outline("left").bounds
        x, y = rng.uniform(x0, x1, 20_000), rng.uniform(y0, y1, 20_000)
        np.testing.assert_array_equal(
            big.hit_many(x, y).index, reference(big, "left", "plantar", x, y)
        )
        p = big.shape("heart", "left").geometry.representative_point()
        assert big.hit(p.x, p.y).zone.id == "heart"


def test_a_smaller_bound_adapts_the_resolution_and_stays_exact(atlas, monkeypatch):
    monkeypatch.setattr(griddata, "MAX_CELL_WORDS", 1 << 16)
    monkeypatch.setenv("FOOTVIZ_NO_CACHE", "1")
    small = footviz.Atlas(atlas.to_document())
    g = small.hit_index().grid("right", "plantar")
    assert g.h > 1.0 and g.ncx * g.ncy * 64 <= 1 << 16
    rng = np.random.default_rng(12)
    edge = border_points(small, "right", "plantar", 5_000, rng)
    x = np.r_[rng.uniform(-55, 50, 30_000), edge[:, 0]]
    y = np.r_[rng.uniform(-5, 255, 30_000), edge[:, 1]]
    np.testing.assert_array_equal(
        small.hit_many(x, y, "right").index, reference(small, "right", "plantar", x, y)
    )


def test_too_many_zones_for_the_bound_are_refused_by_name(atlas, monkeypatch):
    monkeypatch.setattr(griddata, "MAX_CELL_WORDS", 64 * 20)
    monkeypatch.setenv("FOOTVIZ_NO_CACHE", "1")
    with pytest.raises(HitIndexError, match=r"zones on the left foot's plantar.*memory"):
        footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)


def _with_vertex(atlas, zone, value):
    doc = atlas.to_document()
    for f in doc["features"]:
        p = f["properties"]
        if p.get("zone") == zone and p["foot"] == "left" and p["aspect"] == "plantar":
            ring = f["geometry"]["coordinates"][0][0]
            ring[1] = [value, ring[1][1]]
    return doc


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e13])
def test_a_bad_vertex_is_refused_at_load_naming_the_zone(atlas, value):
    with pytest.raises(footviz.AtlasFormatError, match=r"heart/left/plantar.*coordinate"):
        footviz.Atlas(_with_vertex(atlas, "heart", value))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 1e13])
def test_the_index_refuses_a_bad_vertex_in_shapes_made_by_hand(atlas, value):
    # the index works on zone shapes, which need not come from a loaded document
    import dataclasses

    from shapely.geometry import MultiPolygon, Polygon

    shapes = list(atlas.shapes("left", "plantar"))
    i = next(k for k, s in enumerate(shapes) if s.zone.id == "heart")
    ring = list(shapes[i].geometry.geoms[0].exterior.coords)
    ring[1] = (value, ring[1][1])
    with np.errstate(invalid="ignore"):  # shapely warns of the NaN it is asked to build
        bad = MultiPolygon([Polygon(ring)])
    shapes[i] = dataclasses.replace(shapes[i], geometry=bad)
    index = HitIndex(tuple(shapes) + atlas.shapes("right", "plantar"))
    for call in (lambda: index.hit(10.0, 100.0), lambda: index.hit_many([10.0], [100.0])):
        with pytest.raises(HitIndexError, match=r"zone 'heart' \(left plantar\).*vertex"):
            call()
    assert index.hit(10.0, 100.0, "right") == atlas.hit(10.0, 100.0, "right")  # other grids work
