"""Hit-testing: exact agreement with shapely, tolerance, errors, threads, chart layouts."""

from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footviz
from footviz import NotInAtlasError, UnknownNameError
from footviz.atlas.layout import Layout
from footviz.hit import index as hittest
from footviz.hit.index import HitArray, HitIndex, HitResult


@pytest.fixture(autouse=True, scope="module")
def _cache_dir(tmp_path_factory):
    """The on-disk index cache of these tests lives in a temporary directory."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        mp.delenv("FOOTVIZ_NO_CACHE", raising=False)
        yield


# ---------------------------------------------------------------------- the reference rule
def reference(atlas, foot, aspect, x, y):
    """Plain shapely: covering zones (covers), primary = smallest area, ties by atlas order."""
    order = {s.key: i for i, s in enumerate(atlas)}
    shapes = sorted(atlas.shapes(foot, aspect), key=lambda s: (s.area, order[s.key]))
    pts = shapely.points(x, y)
    best = np.full(len(x), -1)
    for s in reversed(shapes):
        best[shapely.covers(s.geometry, pts)] = order[s.key]
    return best


def covering(atlas, foot, aspect, x, y):
    p = shapely.Point(x, y)
    return {s.key for s in atlas.shapes(foot, aspect) if s.geometry.covers(p)}


def border_points(atlas, foot, aspect, n, rng):
    """Points on zone borders: vertices, points along edges, and within 1e-6 mm of them."""
    geoms = [s.geometry for s in atlas.shapes(foot, aspect)]
    rings = shapely.get_rings(shapely.get_parts(geoms))
    coords = shapely.get_coordinates(rings)
    pick = rng.integers(0, len(rings), n)
    along = shapely.line_interpolate_point(rings[pick], rng.uniform(0, 1, n), normalized=True)
    xy = shapely.get_coordinates(along)
    off = rng.uniform(-1e-6, 1e-6, (n, 2)) * (rng.uniform(0, 1, (n, 1)) < 0.7)
    verts = coords[rng.integers(0, len(coords), n // 4)]
    return np.vstack([xy + off, verts])


# ---------------------------------------------------------------------- exactness
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


def test_int_and_numpy_scalars_are_accepted(atlas):
    a = atlas.hit(10, 100)
    b = atlas.hit(np.float64(10.0), np.int64(100))
    assert a == b and a.zone.id == b.zone.id


# ---------------------------------------------------------------------- arrays
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


# ---------------------------------------------------------------------- errors
def test_errors_name_the_bad_value_and_the_allowed_ones(atlas):
    with pytest.raises(UnknownNameError, match=r"unknown foot 'lefft'.*did you mean 'left'"):
        atlas.hit(0.0, 100.0, "lefft")
    with pytest.raises(UnknownNameError, match=r"unknown aspect 'sole'.*'plantar'"):
        atlas.hit(0.0, 100.0, "left", "sole")
    with pytest.raises(TypeError, match=r"x must be a real number.*'10'"):
        atlas.hit("10", 100.0)
    with pytest.raises(TypeError, match=r"y must be a real number.*None"):
        atlas.hit(10.0, None)
    with pytest.raises(ValueError, match=r"must broadcast together.*\(3,\).*\(4,\)"):
        atlas.hit_many(np.zeros(3), np.zeros(4))
    with pytest.raises(TypeError, match=r"xs must be an array of real numbers.*dtype <U"):
        atlas.hit_many(["a", "b"], [1.0, 2.0])
    with pytest.raises(UnknownNameError, match=r"unknown foot 'middle'"):
        atlas.hit_many([1.0, 2.0], [1.0, 2.0], foot=["left", "middle"])
    with pytest.raises(ValueError, match=r"tolerance must be a finite number of mm >= 0.*-1"):
        atlas.hit(0.0, 100.0, tolerance=-1)
    with pytest.raises(ValueError, match=r"overlaps=True needs a tolerance"):
        atlas.hit(0.0, 100.0, overlaps=True)
    with pytest.raises(TypeError, match=r"layout must be a footviz.atlas.layout.Layout"):
        atlas.hit_chart(0.0, 0.0, layout="self")


def test_aspect_missing_from_an_atlas_is_named(atlas):
    doc = atlas.to_document()
    doc["features"] = [f for f in doc["features"] if f["properties"]["aspect"] == "plantar"]
    small = footviz.Atlas(doc)
    with pytest.raises(NotInAtlasError, match=r"no dorsal aspect.*allowed aspects: plantar"):
        small.hit(0.0, 100.0, "left", "dorsal")


# ---------------------------------------------------------------------- tolerance
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


# ---------------------------------------------------------------------- charts
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


# ---------------------------------------------------------------------- robustness
def test_eight_threads_agree_with_serial():
    atlas = footviz.Atlas(footviz.load_atlas().to_document())  # fresh: index built under load
    rng = np.random.default_rng(11)
    xs, ys = rng.uniform(-55, 50, 40_000), rng.uniform(-5, 255, 40_000)
    feet = np.where(rng.uniform(size=40_000) < 0.5, "left", "right")
    results: dict[int, object] = {}
    barrier = threading.Barrier(8)

    def work(i):
        barrier.wait()
        many = atlas.hit_many(xs, ys, feet).index
        singles = [
            atlas.hit(float(x), float(y), str(f))
            for x, y, f in zip(xs[:500], ys[:500], feet[:500], strict=True)
        ]
        results[i] = (many, singles)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    serial = atlas.hit_many(xs, ys, feet).index
    serial_single = [
        atlas.hit(float(x), float(y), str(f))
        for x, y, f in zip(xs[:500], ys[:500], feet[:500], strict=True)
    ]
    assert len(results) == 8
    for many, singles in results.values():
        np.testing.assert_array_equal(many, serial)
        assert singles == serial_single


def test_large_arrays_use_the_parallel_path_and_stay_exact(atlas):
    rng = np.random.default_rng(5)
    x, y = rng.uniform(-55, 50, 400_000), rng.uniform(-5, 255, 400_000)
    np.testing.assert_array_equal(
        atlas.hit_many(x, y, "right").index, reference(atlas, "right", "plantar", x, y)
    )


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


# ---------------------------------------------------------------------- properties
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


def test_hit_result_type(atlas):
    hit = atlas.hit(10.0, 100.0)
    assert isinstance(hit, HitResult)
    assert hit.inside and hit.zone is hit.primary.zone
    assert repr(hit) == f"HitResult(left plantar: {hit.zone.id})"


def test_plain_touches_share_one_result_per_set_of_zones(atlas):
    """A plain touch allocates nothing: points over the same zones get the very same result,
    whichever path (grid cell, sub-cell, exact border test, slow path) answered them."""
    heart = atlas.shape("heart", "left").geometry
    x0, y0, x1, y1 = heart.bounds
    rng = np.random.default_rng(7)
    xs, ys = rng.uniform(x0, x1, 4000), rng.uniform(y0, y1, 4000)
    inside = shapely.contains_xy(heart, xs, ys)
    edge = border_points(atlas, "left", "plantar", 200, rng)
    hits = [atlas.hit(float(x), float(y)) for x, y in zip(xs[inside], ys[inside], strict=True)]
    assert len(hits) > 1000 and all(h.zone.id == "heart" for h in hits)
    hits += [h for h in (atlas.hit(float(x), float(y)) for x, y in edge) if h is not None]
    p = heart.representative_point()
    hits += [atlas.hit(round(p.x), round(p.y), "left", "plantar", 0)]  # ints: the slow path
    assert hits[-1].zone.id == "heart"
    by_set = {}
    for h in hits:
        by_set.setdefault(tuple(s.key for s in h.shapes), set()).add(id(h))
    assert all(len(ids) == 1 for ids in by_set.values())
    assert len(by_set) > 3  # the heart alone and several border sets
    # results with a tolerance or overlaps are their own records
    near = atlas.hit(float(x1) + 0.5, (y0 + y1) / 2, tolerance=9.0, overlaps=True)
    assert near.overlaps and near is not atlas.hit(float(x1) + 0.5, (y0 + y1) / 2, tolerance=9.0)


# ---------------------------------------------------------------------- on-disk cache
def _answers(atlas, rng):
    out = []
    for foot, aspect in [(f, a) for a in atlas.aspects for f in atlas.feet]:
        x0, y0, x1, y1 = atlas.outline(foot, aspect).bounds
        edge = border_points(atlas, foot, aspect, 3000, rng)
        x = np.r_[rng.uniform(x0 - 5, x1 + 5, 20_000), edge[:, 0], np.nan, np.inf]
        y = np.r_[rng.uniform(y0 - 5, y1 + 5, 20_000), edge[:, 1], 1.0, 1.0]
        out.append(atlas.hit_many(x, y, foot, aspect).index)
        pts = zip(x[-400:].tolist(), y[-400:].tolist(), strict=True)
        out.append([atlas.hit(a, b, foot, aspect) for a, b in pts])
    return out


def _same(a, b):
    for u, v in zip(a, b, strict=True):
        if isinstance(u, np.ndarray):
            np.testing.assert_array_equal(u, v)
        else:
            assert u == v


def test_cache_round_trip_gives_identical_answers(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cold = footviz.Atlas(atlas.to_document())
    want = _answers(cold, np.random.default_rng(3))
    files = sorted((tmp_path / "footviz").glob("hit-*.npz"))
    assert len(files) == len(cold.hit_index().keys) == 8
    assert not list((tmp_path / "footviz").glob(".hit-*"))  # no temp file left behind

    def no_build(self):
        raise AssertionError("built although cached")

    monkeypatch.setattr(hittest._Grid, "_build", no_build)
    warm = footviz.Atlas(atlas.to_document())
    got = _answers(warm, np.random.default_rng(3))
    _same(got, want)
    assert warm.hit_index().nbytes == cold.hit_index().nbytes


def test_corrupt_or_foreign_cache_files_are_rebuilt(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    want = _answers(footviz.Atlas(atlas.to_document()), np.random.default_rng(4))
    files = sorted((tmp_path / "footviz").glob("hit-*.npz"))
    files[0].write_bytes(b"not a zip file")
    files[1].write_bytes(files[1].read_bytes()[:100])  # truncated
    with np.load(files[3]) as f:
        good = dict(f)
    good["blocks"] = good["blocks"][:-64]  # right file name, arrays that do not fit
    with open(files[2], "wb") as f:
        np.savez(f, **good)
    got = _answers(footviz.Atlas(atlas.to_document()), np.random.default_rng(4))
    _same(got, want)
    for f in files[:3]:  # rewritten with good arrays
        np.load(f)["blocks"]


def test_cache_is_keyed_by_geometry_and_can_be_disabled(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    scaled = atlas.scaled(270.0)
    scaled.hit(0.0, 100.0)
    assert len(list((tmp_path / "footviz").glob("hit-*.npz"))) == 2  # its own file
    rng = np.random.default_rng(8)
    x, y = rng.uniform(-60, 60, 50_000), rng.uniform(-5, 280, 50_000)
    np.testing.assert_array_equal(
        scaled.hit_many(x, y).index, reference(scaled, "left", "plantar", x, y)
    )
    monkeypatch.setenv("FOOTVIZ_NO_CACHE", "1")
    assert hittest.cache_dir() is None
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0, "right", "dorsal")
    assert len(list((tmp_path / "footviz").glob("hit-*.npz"))) == 2


def test_unwritable_cache_dir_still_builds(atlas, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # cannot make a directory under it
    fresh = footviz.Atlas(atlas.to_document())
    assert fresh.hit(10.0, 100.0) == atlas.hit(10.0, 100.0)


def test_hit_result_is_an_immutable_record_that_survives_pickling(atlas):
    import copy
    import pickle

    hit = atlas.hit(0.0, 30.0, "left", "plantar")
    assert hit.primary.zone.id == "reproductive" and hit.distance == 0.0 and hit.overlaps == ()
    assert pickle.loads(pickle.dumps(hit)) == hit
    assert copy.deepcopy(hit) == hit
    with pytest.raises(AttributeError):
        hit.foot = "right"


# ---------------------------------------------------------------------- the exact border test
def _grids(atlas):
    return [(f, a) for a in atlas.aspects for f in atlas.feet]


def test_border_edge_test_agrees_with_shapely_and_rarely_needs_it(atlas, monkeypatch):
    """One touch in a border sub-cell is decided by the edges near its block in plain Python;
    shapely answers only points on or within rounding of an edge line."""
    calls = []
    real = hittest._Grid._exact_zone

    def counting(self, r, x, y):
        calls.append((x, y))
        return real(self, r, x, y)

    monkeypatch.setattr(hittest._Grid, "_exact_zone", counting)
    rng = np.random.default_rng(41)
    fresh = footviz.Atlas(atlas.to_document())
    tested = near_calls = 0
    for foot, aspect in _grids(fresh):
        g = fresh.hit_index().grid(foot, aspect)
        near = border_points(fresh, foot, aspect, 1500, rng)
        near += rng.uniform(-0.05, 0.05, near.shape)  # near, not on, the borders
        on = border_points(fresh, foot, aspect, 200, rng)  # on edges, vertices, +-1e-6 mm
        for pts in (on, near):
            del calls[near_calls:]  # count the near points only: points on edges need shapely
            for x, y in pts.tolist():
                hit = fresh.hit(x, y, foot, aspect)
                assert (set() if hit is None else {s.key for s in hit.shapes}) == covering(
                    fresh, foot, aspect, x, y
                ), (foot, aspect, x, y)
        near_calls = len(calls)
        out = np.empty(len(near), np.int32)
        tested += len(g._chunk(near[:, 0].copy(), near[:, 1].copy(), out, 0, len(near))[0])
    assert tested > 3000  # most of the near points fall in border sub-cells
    assert len(calls) < 0.05 * tested  # shapely only for the degenerate cases


def test_batch_border_test_agrees_with_shapely_and_rarely_needs_it(atlas, monkeypatch):
    rng = np.random.default_rng(42)
    sent = []
    real = shapely.intersects_xy

    def counting(geom, x, y, **kw):
        sent.append(np.size(x))
        return real(geom, x, y, **kw)

    atlas.hit_index().build()
    near_total = 0
    for foot, aspect in _grids(atlas):
        pts = border_points(atlas, foot, aspect, 20_000, rng)
        pts[:15_000] += rng.uniform(-0.1, 0.1, (15_000, 2))
        x, y = pts[:, 0].copy(), pts[:, 1].copy()
        got = atlas.hit_many(x, y, foot, aspect).index  # on edges and vertices too
        np.testing.assert_array_equal(got, reference(atlas, foot, aspect, x, y))
        monkeypatch.setattr(hittest.shapely, "intersects_xy", counting)
        near = atlas.hit_many(x[:15_000], y[:15_000], foot, aspect).index
        monkeypatch.setattr(hittest.shapely, "intersects_xy", real)
        np.testing.assert_array_equal(near, got[:15_000])
        near_total += 15_000
        small = atlas.hit_many(x[:60], y[:60], foot, aspect).index  # the plain-Python loop
        np.testing.assert_array_equal(small, got[:60])
    assert sum(sent) < 0.01 * near_total  # near (not on) borders: the numpy edge test decides


def test_reference_points_lie_clear_of_every_edge_near_their_block(atlas):
    g = atlas.hit_index().grid("left", "plantar")
    assert not np.isnan(g.ref).any()
    blocks = np.repeat(np.arange(len(g.blk_ptr) - 1), np.diff(g.blk_ptr))
    for j in range(0, len(g.ent), 7):
        b, r, rin = blocks[j], g.ent[j] >> 1, bool(g.ent[j] & 1)
        rx, ry = g.ref[b]
        geom = g.shapes[r].geometry
        assert geom.covers(shapely.Point(rx, ry)) == rin
        assert geom.boundary.distance(shapely.Point(rx, ry)) > 1e-9


# ---------------------------------------------------------------------- memory bound
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
    assert g.ncx * g.ncy * g.block**2 * words <= hittest.MAX_CELL_WORDS
    assert g.h > 1.0  # adapted resolution
    assert g.nbytes < 8 * hittest.MAX_CELL_WORDS
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
        assert g.ncx * g.ncy * g.block**2 <= hittest.MAX_CELL_WORDS
        rng = np.random.default_rng(int(factor))
        x0, y0, x1, y1 = big.outline("left").bounds
        x, y = rng.uniform(x0, x1, 20_000), rng.uniform(y0, y1, 20_000)
        np.testing.assert_array_equal(
            big.hit_many(x, y).index, reference(big, "left", "plantar", x, y)
        )
        p = big.shape("heart", "left").geometry.representative_point()
        assert big.hit(p.x, p.y).zone.id == "heart"


def test_a_smaller_bound_adapts_the_resolution_and_stays_exact(atlas, monkeypatch):
    monkeypatch.setattr(hittest, "MAX_CELL_WORDS", 1 << 16)
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
    monkeypatch.setattr(hittest, "MAX_CELL_WORDS", 64 * 20)
    monkeypatch.setenv("FOOTVIZ_NO_CACHE", "1")
    with pytest.raises(hittest.HitIndexError, match=r"zones on the left foot's plantar.*memory"):
        footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)


# ---------------------------------------------------------------------- bad geometry
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
        with pytest.raises(hittest.HitIndexError, match=r"zone 'heart' \(left plantar\).*vertex"):
            call()
    assert index.hit(10.0, 100.0, "right") == atlas.hit(10.0, 100.0, "right")  # other grids work


# ---------------------------------------------------------------------- bad arguments
@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: a.hit(0.0, 100.0, foot=["left"]), r"foot must be a name.*\['left'\]"),
        (lambda a: a.hit(0.0, 100.0, aspect={"plantar"}), r"aspect must be a name"),
        (lambda a: a.hit(0.0, 100.0, foot=None), r"foot must be a name.*None"),
        (lambda a: a.hit(0.0, 100.0, tolerance="5"), r"tolerance must be a real number"),
        (lambda a: a.hit(0.0, 100.0, tolerance=1.0, overlaps="yes"), r"overlaps must be True"),
        (lambda a: a.hit_many(None, None), r"xs must be numbers.*None"),
        (lambda a: a.hit_many([1.0, 2.0], None), r"ys must be numbers"),
        (lambda a: a.hit_many([1.0, None], [1.0, 2.0]), r"xs must be an array of real numbers"),
        (lambda a: a.hit_many([[1.0], [1.0, 2.0]], [1.0]), r"xs must be numbers or an array"),
        (lambda a: a.hit_many([True], [1.0]), r"xs must be an array of real.*dtype bool"),
        (lambda a: a.hit_many([1j], [1.0]), r"xs must be an array of real.*complex"),
        (lambda a: a.hit_many("12", [1.0]), r"xs must be numbers"),
        (lambda a: a.hit_many(np.zeros(3), np.zeros(4)), r"must broadcast together.*\(3,\)"),
        (lambda a: a.hit_many([1.0], [1.0], foot=[None]), r"foot must be a name or an array"),
        (lambda a: a.hit_many([1.0], [1.0], foot=[1, 2]), r"foot must be a name or an array"),
        (lambda a: a.hit_many([1.0], [1.0], aspect=3), r"aspect must be a name or an array"),
        (lambda a: a.hit_chart_many(None, [1.0], layout=None), r"cx must be numbers"),
    ],
)
def test_bad_arguments_raise_a_footviz_error_naming_the_parameter(atlas, call, message):
    with pytest.raises(hittest.HitInputError, match=message) as info:
        call(atlas)
    assert isinstance(info.value, footviz.FootvizError)
    assert len(str(info.value)) < 300


def test_long_bad_values_are_shortened_in_messages(atlas):
    with pytest.raises(hittest.HitInputError) as info:
        atlas.hit("x" * 100_000, 1.0)
    assert len(str(info.value)) < 200


# ---------------------------------------------------------------------- coupling, cache format
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
    import inspect

    src = inspect.getsource(hittest)
    assert "from .atlas" not in src and "__dict__[" not in src and "_hit_index" not in src


def test_a_new_cache_format_ignores_old_files(atlas, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    before = set((tmp_path / "footviz").glob("hit-*.npz"))
    monkeypatch.setattr(hittest, "_FORMAT", hittest._FORMAT + "-next")
    built = []
    real = hittest._Grid._build

    def counting(self):
        built.append(1)
        real(self)

    monkeypatch.setattr(hittest._Grid, "_build", counting)
    footviz.Atlas(atlas.to_document()).hit(0.0, 100.0)
    assert built == [1]  # the old file is not read
    assert len(set((tmp_path / "footviz").glob("hit-*.npz")) - before) == 1
