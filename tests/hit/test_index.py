"""HitIndex: exact agreement with shapely, tolerance, errors, chart layouts, properties."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footviz
from footviz import NotInAtlasError
from footviz.atlas.layout import Layout
from footviz.hit import cache, gridbuild, griddata, gridquery
from footviz.hit import index as hittest
from footviz.hit.index import HitArray, HitIndex

from .reference import border_points, covering, reference


def test_million_points_agree_with_shapely_on_every_foot_and_aspect(atlas):
    rng = np.random.default_rng(20240604)
    grids = [(f, a) for a in atlas.aspects for f in atlas.feet]
    per_grid = 1_000_000 // len(grids)
    total = 0
    for foot, aspect in grids:
        x0, y0, x1, y1 = atlas.outline(foot, aspect).bounds
        n_border = per_grid // 5
        edge = border_points(atlas, foot, aspect, n_border, rng)
        n_rand = per_grid - len(edge)
        x = np.r_[rng.uniform(x0 - 10, x1 + 10, n_rand), edge[:, 0]]
        y = np.r_[rng.uniform(y0 - 10, y1 + 10, n_rand), edge[:, 1]]
        got = atlas.hit_many(x, y, foot, aspect).index
        want = reference(atlas, foot, aspect, x, y)
        bad = np.flatnonzero(got != want)
        assert not len(bad), (foot, aspect, x[bad[:5]], y[bad[:5]], got[bad[:5]], want[bad[:5]])
        total += len(x)
    assert total >= 999_000


def test_single_hits_list_every_covering_zone_in_rank_order(atlas):
    rng = np.random.default_rng(7)
    for foot, aspect in [(f, a) for a in atlas.aspects for f in atlas.feet]:
        x0, y0, x1, y1 = atlas.outline(foot, aspect).bounds
        edge = border_points(atlas, foot, aspect, 150, rng)
        xs = np.r_[rng.uniform(x0, x1, 300), edge[:, 0]]
        ys = np.r_[rng.uniform(y0, y1, 300), edge[:, 1]]
        many = atlas.hit_many(xs, ys, foot, aspect)
        for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist(), strict=True)):
            hit = atlas.hit(x, y, foot, aspect)
            want = covering(atlas, foot, aspect, x, y)
            if not want:
                assert hit is None and many.index[i] == -1
                continue
            assert {s.key for s in hit.shapes} == want
            areas = [s.area for s in hit.shapes]
            assert areas == sorted(areas)
            assert hit.primary is many.shapes[many.index[i]]
            assert (hit.foot, hit.aspect, hit.distance) == (foot, aspect, 0.0)


def test_nested_zone_is_primary_and_parent_is_listed(atlas):
    pit = atlas.shape("pituitary", "left")
    p = pit.geometry.representative_point()
    hit = atlas.hit(p.x, p.y, "left")
    assert hit.zone.id == "pituitary"
    assert [z.id for z in hit.zones] == ["pituitary", "brain"]
    assert hit.organs == pit.zone.organs
    assert "pituitary" in repr(hit)


def test_shared_border_point_belongs_to_both_and_smaller_is_primary(atlas):
    # a vertex on the shared border of two side-by-side (not nested) zones
    shapes = atlas.shapes("left", "plantar")
    found = None
    for a in shapes:
        for x, y in shapely.get_coordinates(a.geometry.boundary):
            keys = covering(atlas, "left", "plantar", x, y)
            zones = {k[0] for k in keys}
            if len(zones) >= 2 and not any(atlas[z].parent in zones for z in zones):
                found = (float(x), float(y), keys)
                break
        if found:
            break
    assert found, "no shared border vertex in the left sole"
    x, y, keys = found
    hit = atlas.hit(x, y, "left")
    assert {s.key for s in hit.shapes} == keys
    assert hit.primary is min(hit.shapes, key=lambda s: s.area)


def test_outside_and_non_finite_points_hit_nothing(atlas):
    assert atlas.hit(500.0, 500.0) is None
    assert atlas.hit(float("nan"), 100.0) is None
    assert atlas.hit(0.0, float("inf")) is None
    xs = np.array([np.nan, np.inf, -np.inf, 1e308, -1e308, 0.0, 5e9])
    ys = np.array([100.0, 100.0, 100.0, 100.0, 100.0, np.nan, 5e9])
    res = atlas.hit_many(xs, ys)
    assert res.index.tolist() == [-1] * len(xs)
    assert np.isinf(res.distance).all()
    big = atlas.hit_many(np.tile(xs, 50), np.tile(ys, 50))  # the vectorised path too
    assert (big.index == -1).all()


def test_hit_many_broadcasts_and_maps_indices_to_zones(atlas):
    xs = np.linspace(-40, 40, 7)[:, None]
    ys = np.linspace(20, 230, 5)[None, :]
    res = atlas.hit_many(xs, ys, "right")
    assert isinstance(res, HitArray) and res.shape == (7, 5)
    assert res.index.dtype.kind == "i"
    ids = res.zone_ids()
    for (i, j), k in np.ndenumerate(res.index):
        hit = atlas.hit(float(xs[i, 0]), float(ys[0, j]), "right")
        assert (hit is None and k == -1) or (res.shapes[k] is hit.primary)
        assert ids[i, j] == ("" if k < 0 else hit.zone.id)
    assert sum(res.counts().values()) == int((res.index >= 0).sum())


def test_foot_and_aspect_per_point(atlas):
    heart = atlas.shape("heart", "left").geometry.representative_point()
    liver = atlas.shape("ascending_colon", "right").geometry.representative_point()
    res = atlas.hit_many(
        [heart.x, liver.x, heart.x], [heart.y, liver.y, heart.y], foot=["left", "right", "right"]
    )
    got = [res.shape_of(int(i)) for i in res.index]
    assert got[0].key == ("heart", "left", "plantar")
    assert got[1].key == ("ascending_colon", "right", "plantar")
    assert got[2] is None or got[2].zone.id != "heart"
    aspects = np.array(["plantar"] * 3)
    res2 = atlas.hit_many(
        [heart.x, liver.x, heart.x],
        [heart.y, liver.y, heart.y],
        ["left", "right", "right"],
        aspects,
    )
    assert res2.index.tolist() == res.index.tolist()


def test_empty_input(atlas):
    res = atlas.hit_many(np.zeros((0, 3)), np.zeros((0, 3)))
    assert res.shape == (0, 3)


def test_aspect_missing_from_an_atlas_is_named(atlas):
    doc = atlas.to_document()
    doc["features"] = [f for f in doc["features"] if f["properties"]["aspect"] == "plantar"]
    small = footviz.Atlas(doc)
    with pytest.raises(NotInAtlasError, match=r"no dorsal aspect.*allowed aspects: plantar"):
        small.hit(0.0, 100.0, "left", "dorsal")


def test_tolerance_returns_the_nearest_zone_and_its_distance(atlas):
    union = shapely.union_all([s.geometry for s in atlas.shapes("left", "plantar")])
    coords = shapely.get_coordinates(union)
    vx, vy = coords[np.argmax(coords[:, 0])]
    x, y = float(vx) + 3.0, float(vy)  # 3 mm beyond the most medial zone vertex
    assert atlas.hit(x, y, "left") is None
    hit = atlas.hit(x, y, "left", tolerance=9.0)
    p = shapely.Point(x, y)
    dists = {s.zone.id: s.geometry.distance(p) for s in atlas.shapes("left", "plantar")}
    nearest = min(dists, key=dists.get)
    assert hit.zone.id == nearest and not hit.inside
    assert hit.distance == pytest.approx(dists[nearest], abs=1e-9)
    assert hit.distance == pytest.approx(3.0, abs=1e-9)
    assert atlas.hit(x + 50, y, "left", tolerance=9.0) is None
    inside = atlas.hit(10.0, 100.0, tolerance=9.0)
    assert inside.distance == 0.0 and inside == atlas.hit(10.0, 100.0)
    many = atlas.hit_many([x, x + 50, 10.0], [y, y, 100.0], "left", tolerance=9.0)
    assert [many.shape_of(int(i)) for i in many.index][:2] == [hit.primary, None]
    np.testing.assert_allclose(many.distance, [hit.distance, np.inf, 0.0])


def test_fingertip_disc_overlaps_with_fractions(atlas):
    x, y = 0.0, 150.0
    hit = atlas.hit(x, y, "left", tolerance=5.0, overlaps=True)
    disc = shapely.Point(x, y).buffer(5.0, quad_segs=32)
    want = {
        s.zone.id: s.geometry.intersection(disc).area / disc.area
        for s in atlas.shapes("left", "plantar")
        if s.geometry.intersects(disc) and s.geometry.intersection(disc).area > 0
    }
    got = {o.zone.id: o.fraction for o in hit.overlaps}
    assert got.keys() == want.keys() and len(got) >= 2
    for k in want:
        assert got[k] == pytest.approx(want[k], rel=1e-9)
    fractions = [o.fraction for o in hit.overlaps]
    assert fractions == sorted(fractions, reverse=True)
    assert all(0 < f <= 1 for f in fractions)


def test_hit_chart_finds_the_foot_on_both_views(atlas):
    extent = atlas.outline("left").bounds
    for view in ("self", "practitioner"):
        layout = Layout.side_by_side(extent, ("left", "right"), "plantar", view, gap=40.0)
        for panel in layout.panels:
            heart_or_liver = "heart" if panel.foot == "left" else "ascending_colon"
            p = atlas.shape(heart_or_liver, panel.foot).geometry.representative_point()
            cx, cy = panel.to_chart(p.x, p.y)
            hit = atlas.hit_chart(float(cx), float(cy), layout)
            assert (hit.foot, hit.zone.id) == (panel.foot, heart_or_liver)
            assert layout.panel_at(float(cx), float(cy)) is panel
            assert panel.from_chart(float(cx), float(cy)) == pytest.approx((p.x, p.y), abs=1e-9)
            many = atlas.hit_chart_many([float(cx)], [float(cy)], layout)
            assert many.shape_of(int(many.index[0])) is hit.primary
    gap_mid = (layout.panels[0].chart_bounds[2] + layout.panels[1].chart_bounds[0]) / 2
    assert atlas.hit_chart(gap_mid, 100.0, layout) is None


def test_mirrored_chart_points_hit_mirrored_symmetric_zones(atlas):
    extent = atlas.outline("left").bounds
    layout = Layout.side_by_side(extent, ("left", "right"), "plantar", "self", gap=40.0)
    left, right = layout.panels
    mid = (left.chart_bounds[2] + right.chart_bounds[0]) / 2
    rng = np.random.default_rng(3)
    cx = rng.uniform(left.chart_bounds[0], left.chart_bounds[2], 20_000)
    cy = rng.uniform(0, extent[3], 20_000)
    a = atlas.hit_chart_many(cx, cy, layout)
    b = atlas.hit_chart_many(2 * mid - cx, cy, layout)
    za, zb = a.zone_ids(), b.zone_ids()
    symmetric = {z.id for z in atlas.zones if z.symmetric}
    both = np.isin(za, list(symmetric)) & np.isin(zb, list(symmetric))
    assert both.sum() > 5_000
    assert (za[both] == zb[both]).all()


def test_index_is_lazy_small_and_cached(atlas):
    fresh = footviz.Atlas(atlas.to_document())
    assert "_hit_index" not in fresh.__dict__
    index = fresh.hit_index()
    assert isinstance(index, HitIndex) and index.nbytes == 0  # nothing built yet
    fresh.hit(0.0, 100.0)
    assert index.nbytes > 0 and fresh.hit_index() is index
    index.build()
    assert index.nbytes < 4_000_000  # issue 14: at most 4 MB


def test_hittest_does_not_import_matplotlib():
    code = (
        "import sys, footviz, footviz.hit.index, footviz.hit.viewport;"
        "a = footviz.load_atlas(); a.hit(0.0, 100.0);"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


GRIDS = st.sampled_from(["left", "right"])


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    foot=GRIDS,
    x=st.floats(-60, 60, allow_nan=False),
    y=st.floats(-10, 260, allow_nan=False),
)
def test_property_single_hit_agrees_with_shapely(atlas, foot, x, y):
    for aspect in atlas.aspects:
        hit = atlas.hit(x, y, foot, aspect)
        want = covering(atlas, foot, aspect, x, y)
        assert (set() if hit is None else {s.key for s in hit.shapes}) == want
        many = atlas.hit_many([x], [y], foot, aspect).index[0]
        assert many == reference(atlas, foot, aspect, np.array([x]), np.array([y]))[0]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_property_representative_point_hits_its_zone(atlas, data):
    shape = data.draw(st.sampled_from(list(atlas)))
    p = shape.geometry.representative_point()
    hit = atlas.hit(p.x, p.y, shape.foot, shape.aspect)
    assert hit is not None and shape in hit.shapes


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(x=st.floats(-60, 60, allow_nan=False), y=st.floats(-10, 260, allow_nan=False))
def test_property_symmetric_zones_hit_on_both_feet_alike(atlas, x, y):
    for aspect in atlas.aspects:
        left, right = atlas.hit(x, y, "left", aspect), atlas.hit(x, y, "right", aspect)
        sym_l = {z.id for z in (left.zones if left else ()) if z.symmetric}
        sym_r = {z.id for z in (right.zones if right else ()) if z.symmetric}
        assert sym_l == sym_r


def test_the_index_works_on_shapes_without_an_atlas(atlas):
    index = HitIndex(list(atlas.shapes("left", "plantar")))
    assert index.keys == (("left", "plantar"),)
    rng = np.random.default_rng(2)
    x, y = rng.uniform(-50, 45, 5_000), rng.uniform(0, 250, 5_000)
    mine = index.hit_many(x, y)
    theirs = atlas.hit_many(x, y)
    assert (mine.index >= 0).sum() > 1000
    keys = [None if i < 0 else mine.shapes[i].key for i in mine.index.tolist()]
    assert keys == [None if i < 0 else theirs.shapes[i].key for i in theirs.index.tolist()]
    assert index.hit(10.0, 100.0) == atlas.hit(10.0, 100.0)
    with pytest.raises(NotInAtlasError, match="no dorsal aspect"):
        index.hit(10.0, 100.0, "left", "dorsal")


def test_hittest_never_names_the_atlas_or_its_private_state():
    import ast
    import inspect

    for module in (hittest, cache, griddata, gridbuild, gridquery):
        tree = ast.parse(inspect.getsource(module))
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        sources = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert "Atlas" not in names and "atlas.core" not in sources, module.__name__
        assert "__dict__" not in names and "_hit_index" not in names, module.__name__
