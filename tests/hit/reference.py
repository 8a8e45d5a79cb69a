"""The reference rule (plain shapely) and border points, shared by the hit tests."""

from __future__ import annotations

import numpy as np
import shapely


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
