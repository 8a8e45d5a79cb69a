"""Answering points: the border face tables (plain Python and numpy), threads, big batches."""

from __future__ import annotations

import threading

import numpy as np
import shapely

import footviz
from footviz.hit import gridquery
from footviz.hit.index import HitIndex

from .reference import border_points, covering, reference


def _grids(atlas):
    return [(f, a) for a in atlas.aspects for f in atlas.feet]


def test_border_edge_test_agrees_with_shapely_and_rarely_needs_it(atlas, monkeypatch):
    """One touch in a border sub-cell is decided by its sides of the sub-cell's edge lines in
    plain Python; shapely answers only points on or within rounding of a line (and the rare
    face no build sample reached)."""
    calls = []
    real = gridquery.Grid._exact_zone

    def counting(self, r, x, y):
        calls.append((x, y))
        return real(self, r, x, y)

    monkeypatch.setattr(gridquery.Grid, "_exact_zone", counting)
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
        tested += len(g.grid_pass(near[:, 0].copy(), near[:, 1].copy(), out, 0, len(near))[0])
    assert tested > 3000  # most of the near points fall in border sub-cells
    assert len(calls) < 0.01 * tested  # shapely only for the degenerate cases


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
        monkeypatch.setattr(gridquery.shapely, "intersects_xy", counting)
        near = atlas.hit_many(x[:15_000], y[:15_000], foot, aspect).index
        monkeypatch.setattr(gridquery.shapely, "intersects_xy", real)
        np.testing.assert_array_equal(near, got[:15_000])
        near_total += 15_000
        small = atlas.hit_many(x[:60], y[:60], foot, aspect).index  # the plain-Python loop
        np.testing.assert_array_equal(small, got[:60])
    assert sum(sent) < 0.01 * near_total  # near (not on) borders: the numpy edge test decides


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


# ---------------------------------------------------------------------- hand-made edge cases
def _hand_made(atlas):
    """Zones made by hand: two squares sharing a border, a ring with a hole (and a zone in
    the hole), a thin triangle and slanted edges, so every exact path meets vertices, shared
    borders, holes and edges through sub-cell corners."""
    import dataclasses

    from shapely.geometry import MultiPolygon, Polygon

    zones = list(atlas.shapes("left", "plantar"))[:6]
    geoms = [
        Polygon([(0, 0), (10, 0), (10, 10), (0, 10)]),  # A
        Polygon([(10, 0), (20.5, 0), (20.5, 10), (10, 10)]),  # B: shares x = 10 with A
        Polygon(
            [(30, 0), (50, 0), (50, 20), (30, 20)], [[(35, 5), (45, 5), (45.25, 15), (35, 15)]]
        ),  # a ring with a slanted hole edge
        Polygon([(37, 7), (43, 7), (43, 13), (37, 13)]),  # inside the hole
        Polygon([(0, 20), (20, 21), (0, 21.3)]),  # thin triangle, slanted edges
        Polygon([(5, 5), (7.3, 5.1), (6.1, 8.7)]),  # a small zone inside A
    ]
    shapes = [
        dataclasses.replace(z, geometry=MultiPolygon([g]))
        for z, g in zip(zones, geoms, strict=True)
    ]
    return HitIndex(shapes), shapes


def _expected(shapes, x, y):
    order = sorted(range(len(shapes)), key=lambda i: (shapes[i].area, i))
    best = np.full(len(x), -1)
    pts = shapely.points(x, y)
    for i in reversed(order):
        best[shapely.covers(shapes[i].geometry, pts)] = i
    return best


def _edge_case_points(shapes, rng):
    rings = shapely.get_rings(shapely.get_parts([s.geometry for s in shapes]))
    verts = shapely.get_coordinates(rings)
    n = 4000
    pick = rng.integers(0, len(rings), n)
    on = shapely.get_coordinates(
        shapely.line_interpolate_point(rings[pick], rng.uniform(0, 1, n), normalized=True)
    )
    tiny = rng.choice([-1e-6, -1e-9, 0.0, 1e-9, 1e-6], (n, 2))
    near = on + rng.uniform(-0.2, 0.2, (n, 2))
    shared = np.column_stack([np.full(500, 10.0), rng.uniform(-1, 11, 500)])  # A | B
    grid = np.stack(np.meshgrid(np.arange(-1, 52, 0.125), np.arange(-1, 23, 0.125)), -1)
    return np.vstack([verts, on, on + tiny, near, shared, grid.reshape(-1, 2)])


def test_exact_paths_on_vertices_shared_borders_and_holes(atlas, monkeypatch):
    index, shapes = _hand_made(atlas)
    pts = _edge_case_points(shapes, np.random.default_rng(77))
    x, y = pts[:, 0].copy(), pts[:, 1].copy()
    want = _expected(shapes, x, y)
    # the batch path (slots of zones, slots of edges), and in small pieces the loop
    np.testing.assert_array_equal(index.hit_many(x, y).index, want)
    for a in range(0, 3000, 40):
        np.testing.assert_array_equal(
            index.hit_many(x[a : a + 40], y[a : a + 40]).index, want[a : a + 40]
        )
    # the single touch (the plain-Python edge test)
    got = [index.hit(px, py) for px, py in zip(x.tolist(), y.tolist(), strict=True)]
    assert [-1 if h is None else shapes.index(h.primary) for h in got] == want.tolist()
    # every zone covering a point is listed, primary first
    for px, py in pts[::37].tolist():
        h = index.hit(px, py)
        covering = {s.key for s in shapes if s.geometry.covers(shapely.Point(px, py))}
        assert (set() if h is None else {s.key for s in h.shapes}) == covering
    # the shared border belongs to both squares; the smaller (A) is primary
    h = index.hit(10.0, 3.0)
    assert {s.key for s in h.shapes} == {shapes[0].key, shapes[1].key}
    assert h.primary is shapes[0]
    # the hole: its border belongs to the ring, its inside only to the zone in the hole
    assert index.hit(35.0, 10.0).primary is shapes[2]
    assert index.hit(36.0, 10.0) is None
    assert index.hit(40.0, 10.0).primary is shapes[3]
    # the vertex of the slanted hole edge, and a point exactly on that edge
    assert index.hit(45.25, 15.0).primary is shapes[2]
    assert index.hit(45.125, 10.0).primary is shapes[2]
    assert index.hit(45.1, 10.0) is None  # just inside the hole


def test_non_finite_points_hit_nothing_on_every_path(atlas):
    index, shapes = _hand_made(atlas)
    bad = [np.nan, np.inf, -np.inf, 1e308, -1e308]
    x = np.array([v for v in bad for _ in bad] + [5.0] * 200)
    y = np.array([w for _ in bad for w in bad] + [5.0] * 200)
    got = index.hit_many(x, y).index
    assert (got[:25] == -1).all() and (got[25:] == shapes.index(index.hit(5.0, 5.0).primary)).all()
    assert (index.hit_many(x[:25], y[:25]).index == -1).all()  # the small loop
    for px, py in zip(x[:25].tolist(), y[:25].tolist(), strict=True):
        assert index.hit(px, py) is None


def test_sub_cells_with_too_many_lines_ask_shapely_and_stay_exact(atlas):
    """A tiny star (ten edges inside one sub-cell) is past MAX_LINES: its sub-cell's table
    holds one unknown face, and every path answers its points with shapely."""
    import dataclasses

    from shapely.geometry import MultiPolygon, Polygon

    from footviz.hit.gridbuild import MAX_LINES

    angles = np.linspace(0, 2 * np.pi, 10, endpoint=False)
    radius = np.where(np.arange(10) % 2, 0.01, 0.05)
    star = Polygon(
        np.column_stack([5.06 + radius * np.cos(angles), 5.06 + radius * np.sin(angles)])
    )
    square = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    zones = list(atlas.shapes("left", "plantar"))[:2]
    shapes = [
        dataclasses.replace(z, geometry=MultiPolygon([g]))
        for z, g in zip(zones, (square, star), strict=True)
    ]
    index = HitIndex(shapes)
    g = index.grid("left", "plantar")
    n = np.diff(g.pat_lptr)
    unknown = g.pat_tab[g.pat_tptr[:-1]] == len(g.set_ranks)
    assert ((n == 0) & unknown).any()  # the star's sub-cell: more than MAX_LINES lines
    assert n.max() <= MAX_LINES
    rng = np.random.default_rng(3)
    x = np.r_[rng.uniform(4.9, 5.2, 3000), shapely.get_coordinates(star.exterior)[:, 0]]
    y = np.r_[rng.uniform(4.9, 5.2, 3000), shapely.get_coordinates(star.exterior)[:, 1]]
    want = _expected(shapes, x, y)
    np.testing.assert_array_equal(index.hit_many(x, y).index, want)
    got = [index.hit(px, py) for px, py in zip(x.tolist(), y.tolist(), strict=True)]
    assert [-1 if h is None else shapes.index(h.primary) for h in got] == want.tolist()
    assert (want == 1).sum() > 20  # some points fall in the star
