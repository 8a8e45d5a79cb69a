"""Answering points: the exact border tests (plain Python and numpy), threads, big batches."""

from __future__ import annotations

import threading

import numpy as np
import shapely

import footviz
from footviz.hit import gridquery

from .reference import border_points, covering, reference


def _grids(atlas):
    return [(f, a) for a in atlas.aspects for f in atlas.feet]


def test_border_edge_test_agrees_with_shapely_and_rarely_needs_it(atlas, monkeypatch):
    """One touch in a border sub-cell is decided by the edges near its block in plain Python;
    shapely answers only points on or within rounding of an edge line."""
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
