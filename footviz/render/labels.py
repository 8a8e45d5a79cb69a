"""Geometry helpers for labels: where in a zone a label or leader goes, and how a column of
callouts spreads out.  Pure geometry (no matplotlib); the planner is
:mod:`footviz.render.labelling`."""

from __future__ import annotations

from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from .._internal.memo import per_object


@per_object
def anchor_point(region: BaseGeometry) -> tuple[float, float]:
    """The point deepest inside the largest piece of ``region`` (pole of inaccessibility).

    Computed once per geometry object (geometries are immutable).
    """
    polys = [region] if isinstance(region, Polygon) else list(getattr(region, "geoms", []))
    largest = max(polys, key=lambda p: (p.area, p.bounds))
    p = polylabel(largest, tolerance=0.2)
    return float(p.x), float(p.y)


def spread(ys: list[float], gap: float, lo: float, hi: float) -> list[float]:
    """Move sorted y positions apart to at least ``gap`` while staying within ``[lo, hi]``.

    Keeps each label as close to its wanted height as the spacing allows (a forward sweep
    followed by a backward sweep).  ``ys`` must be sorted ascending.
    """
    out = list(ys)
    n = len(out)
    if n == 0:
        return out
    if (n - 1) * gap > hi - lo:  # not enough room: spread evenly over the whole column
        step = (hi - lo) / max(n - 1, 1)
        return [lo + i * step for i in range(n)]
    out[0] = max(out[0], lo)
    for i in range(1, n):
        out[i] = max(out[i], out[i - 1] + gap)
    out[-1] = min(out[-1], hi)
    for i in range(n - 2, -1, -1):
        out[i] = min(out[i], out[i + 1] - gap)
    for i in range(1, n):  # a final forward pass in case the backward pass hit ``lo``
        out[i] = max(out[i], out[i - 1] + gap)
    return out


def spread_sized(ys: list[float], heights: list[float], lo: float, hi: float) -> list[float]:
    """Like :func:`spread` for labels of different heights: centres at least half of each
    neighbour's height apart, all boxes within ``[lo, hi]``.  ``ys`` must be sorted ascending.
    """
    n = len(ys)
    if n == 0:
        return []
    out = list(ys)
    total = sum(heights)
    if total > hi - lo:  # not enough room: stack from the bottom, evenly
        out, y = [], lo
        step = (hi - lo) / total if total else 0.0
        for h in heights:
            out.append(y + h * step / 2)
            y += h * step
        return out
    out[0] = max(out[0], lo + heights[0] / 2)
    for i in range(1, n):
        out[i] = max(out[i], out[i - 1] + (heights[i - 1] + heights[i]) / 2)
    out[-1] = min(out[-1], hi - heights[-1] / 2)
    for i in range(n - 2, -1, -1):
        out[i] = min(out[i], out[i + 1] - (heights[i] + heights[i + 1]) / 2)
    for i in range(1, n):
        out[i] = max(out[i], out[i - 1] + (heights[i - 1] + heights[i]) / 2)
    return out
