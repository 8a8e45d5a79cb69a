"""Label placement: inside a zone when the text fits, otherwise a callout in a side column.

Works on matplotlib ``Text`` artists that are already on an axes; needs a renderer to measure
them.  Deterministic: the result depends only on the zones and the text, never on the order
they were given in.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from ._memo import per_object


@dataclass
class LabelRequest:
    """A label to place: its text, the zone it names (in axes data coordinates) and a key."""

    key: str
    text: str
    region: BaseGeometry
    side: str  # "left" or "right": the callout column used when the label does not fit


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


def text_box(text, renderer, ax) -> BaseGeometry:
    """Bounding box of a Text artist, in the axes' data coordinates."""
    bb = text.get_window_extent(renderer=renderer)
    inv = ax.transData.inverted()
    (x0, y0), (x1, y1) = inv.transform([(bb.x0, bb.y0), (bb.x1, bb.y1)])
    return box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def fits_inside(box_geom: BaseGeometry, region: BaseGeometry, pad: float) -> bool:
    """True when a text box, grown by ``pad``, lies inside ``region``."""
    return region.contains(box_geom.buffer(pad, join_style="mitre"))


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
