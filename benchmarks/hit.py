"""Benchmark of hit-testing on the built-in atlas (run: ``python benchmarks/hit.py``).

Prints, in one run: points/second of ``atlas.hit_many`` at 1, 100, 10,000 and 1,000,000
points next to a plain shapely baseline measured in the same run (prepared ``contains_xy``
per zone of the foot and aspect, then the smallest zone wins), the single-touch latency of
``atlas.hit`` from Python floats, and the index build time and size.

Targets (2-core machine): >= 50 million points/s at 1,000,000 points, <= 2 us per single
touch, index built in <= 0.2 s (or cached: the build time is printed with an empty on-disk cache
and again loading the cache it wrote), <= 2 MB per atlas.  Points are uniform over the left sole's
outline bounds grown by 10 mm.  Timings are the best of several repeats.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import shapely

import footviz


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def baseline(geoms, ranks, x, y):
    """Plain shapely: prepared contains_xy per zone; the smallest containing zone wins."""
    out = np.full(len(x), -1)
    for g, r in zip(reversed(geoms), reversed(ranks), strict=True):
        out[shapely.contains_xy(g, x, y)] = r
    return out


def main() -> None:
    doc = footviz.load_atlas().to_document()
    atlas = footviz.Atlas(doc)  # fresh: nothing cached in memory
    foot, aspect = "left", "plantar"
    print(f"footviz {footviz.__version__}, {atlas!r}")
    print(
        f"numpy {np.__version__}, shapely {shapely.__version__}, {os.cpu_count()} CPUs, "
        f"python {sys.version.split()[0]}"
    )

    # ---------------------------------------------------------------- build
    # cold: an empty on-disk cache (a temporary directory); cached: a fresh atlas loading
    # the files the cold build wrote
    cache = tempfile.TemporaryDirectory(prefix="footviz-bench-")
    os.environ["XDG_CACHE_HOME"] = cache.name
    os.environ.pop("FOOTVIZ_NO_CACHE", None)
    n_grids = 0
    print()
    for label in ("cold build", "cached load"):
        atlas = footviz.Atlas(doc)
        index = atlas.hit_index()
        t = time.perf_counter()
        index.grid(foot, aspect)
        first = time.perf_counter() - t
        t = time.perf_counter()
        index.build()
        rest = time.perf_counter() - t
        n_grids = len(index.keys)
        print(
            f"index {label + ':':<12} {first * 1e3:6.1f} ms for the first (foot, aspect) grid "
            f"(lazy, on first hit), {(first + rest) * 1e3:6.1f} ms for all {n_grids} grids"
        )
    print(f"index size:  {index.nbytes / 1e6:.2f} MB for the whole atlas ({n_grids} grids)")
    cache.cleanup()

    # ---------------------------------------------------------------- throughput
    shapes = sorted(atlas.shapes(foot, aspect), key=lambda s: s.area)
    geoms = [shapely.from_wkb(shapely.to_wkb(s.geometry)) for s in shapes]
    for g in geoms:
        shapely.prepare(g)
    order = {s.key: i for i, s in enumerate(atlas)}
    ranks = [order[s.key] for s in shapes]
    x0, y0, x1, y1 = atlas.outline(foot, aspect).bounds
    rng = np.random.default_rng(0)
    print()
    print(f"{'points':>10} {'footviz pts/s':>15} {'baseline pts/s':>15} {'ratio':>8}  agree")
    for n in (1, 100, 10_000, 1_000_000):
        x = rng.uniform(x0 - 10, x1 + 10, n)
        y = rng.uniform(y0 - 10, y1 + 10, n)
        repeat = 15 if n == 1_000_000 else 50 if n == 10_000 else 2000
        atlas.hit_many(x, y, foot, aspect)  # warm
        ours = best_of(lambda x=x, y=y: atlas.hit_many(x, y, foot, aspect), repeat)
        base_repeat = 3 if n == 1_000_000 else repeat // 5 + 1
        theirs = best_of(lambda x=x, y=y: baseline(geoms, ranks, x, y), base_repeat)
        # contains and covers differ only exactly on borders, which random points miss
        same = np.array_equal(
            atlas.hit_many(x, y, foot, aspect).index, baseline(geoms, ranks, x, y)
        )
        print(f"{n:>10,} {n / ours:>15,.0f} {n / theirs:>15,.0f} {theirs / ours:>7.1f}x  {same}")

    # ---------------------------------------------------------------- single touch
    xs = rng.uniform(x0, x1, 20_000).tolist()
    ys = rng.uniform(y0, y1, 20_000).tolist()
    hit = atlas.hit
    for x, y in zip(xs[:1000], ys[:1000], strict=True):
        hit(x, y, foot, aspect)
    per = []
    for _ in range(15):  # back to back: this machine's speed drifts, the best loop is the figure
        t = time.perf_counter()
        for x, y in zip(xs, ys, strict=True):
            hit(x, y, foot, aspect)
        per.append((time.perf_counter() - t) / len(xs))
    lat = []
    for x, y in zip(xs[:5000], ys[:5000], strict=True):
        t = time.perf_counter_ns()
        hit(x, y, foot, aspect)
        lat.append(time.perf_counter_ns() - t)
    lat.sort()
    g0 = shapes[0].geometry
    bx, by = shapely.get_coordinates(g0.boundary)[0]
    border = best_of(lambda: [hit(float(bx), float(by), foot, aspect) for _ in range(1000)], 5)
    print()
    print(
        f"single touch atlas.hit(x, y): {min(per) * 1e6:.2f} us mean (best of {len(per)} loops "
        f"over {len(xs):,} points in the sole's bounds; median loop "
        f"{statistics.median(per) * 1e6:.2f} us); one by one: median "
        f"{statistics.median(lat) / 1e3:.2f} us, p99 {lat[int(0.99 * len(lat))] / 1e3:.2f} us"
    )
    print(f"single touch on a zone border (exact shapely test): {border / 1000 * 1e6:.2f} us")
    t1 = best_of(lambda: baseline(geoms, ranks, np.array([xs[0]]), np.array([ys[0]])), 200)
    print(f"baseline single point (prepared contains_xy per zone): {t1 * 1e6:.2f} us")


if __name__ == "__main__":
    main()
