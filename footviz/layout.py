"""Where each foot sits on a chart: layouts as data, with a reversible converter.

A chart has its own millimetre coordinates ("chart mm").  Each drawn (foot, aspect) is a
:class:`Panel`: the foot's own frame, optionally mirrored left-right, then shifted.  Drawing
code applies the panel's affine transform to the atlas geometry (mirroring by a transform, not
by rewriting vertices); hit-testing applies the inverse to a chart coordinate.

Views of both soles (big toes towards the middle in both):

``"self"``
    the soles as you see your own feet: left foot on the left.
``"practitioner"``
    facing the client's soles: the client's left foot on the right.

No matplotlib here: the core stays light.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .model import ASPECTS, FEET, check_choice

VIEWS: tuple[str, ...] = ("self", "practitioner")


@dataclass(frozen=True)
class Panel:
    """One foot seen from one aspect, placed on a chart.

    The chart position of a foot-frame point ``(x, y)`` is ``(sx * x + dx, y + dy)`` with
    ``sx = -1`` when ``mirrored``, else ``1``.
    """

    foot: str
    aspect: str
    mirrored: bool
    dx: float
    dy: float = 0.0
    extent: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # foot-frame bounds

    @property
    def sx(self) -> float:
        return -1.0 if self.mirrored else 1.0

    def matrix(self) -> tuple[float, float, float, float, float, float]:
        """The affine ``(a, b, d, e, xoff, yoff)`` as shapely's ``affine_transform`` takes it."""
        return (self.sx, 0.0, 0.0, 1.0, self.dx, self.dy)

    def to_chart(self, x, y):
        """Foot-frame mm to chart mm (scalars or arrays)."""
        return self.sx * np.asarray(x, dtype=float) + self.dx, np.asarray(y, dtype=float) + self.dy

    def from_chart(self, cx, cy):
        """Chart mm to foot-frame mm (scalars or arrays)."""
        return (np.asarray(cx, dtype=float) - self.dx) * self.sx, np.asarray(
            cy, dtype=float
        ) - self.dy

    @property
    def chart_bounds(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of the panel's outline bounds on the chart."""
        x0, y0, x1, y1 = self.extent
        xs = sorted(float(v) for v in self.to_chart(np.array([x0, x1]), np.array([y0, y1]))[0])
        return (xs[0], y0 + self.dy, xs[1], y1 + self.dy)


@dataclass(frozen=True)
class Layout:
    """Panels on a chart, left to right.  Build with :meth:`side_by_side`."""

    panels: tuple[Panel, ...]
    view: str = "self"

    @classmethod
    def side_by_side(
        cls,
        extent: tuple[float, float, float, float],
        feet: tuple[str, ...] | list[str] = FEET,
        aspect: str = "plantar",
        view: str = "self",
        gap: float = 40.0,
    ) -> Layout:
        """Feet side by side with big toes towards the middle.

        Parameters
        ----------
        extent : (xmin, ymin, xmax, ymax)
            Bounds of one foot's outline in its own frame (``atlas.outline(...).bounds``).
        feet : sequence of {"left", "right"}
        aspect : str
        view : {"self", "practitioner"}
        gap : float
            Chart mm between the two feet's medial edges.
        """
        feet = tuple(check_choice("foot", f, FEET) for f in feet)
        aspect = check_choice("aspect", aspect, ASPECTS)
        view = check_choice("view", view, VIEWS)
        if not feet or len(set(feet)) != len(feet):
            raise ValueError(f"feet must name 'left' and/or 'right' once each, got {feet!r}")
        if not (isinstance(gap, (int, float)) and math.isfinite(gap) and gap >= 0):
            raise ValueError(f"gap must be a non-negative number of mm, got {gap!r}")
        x1 = extent[2]
        # left-to-right order on the chart
        order = ("left", "right") if view == "self" else ("right", "left")
        placed = [f for f in order if f in feet]
        panels = []
        for i, foot in enumerate(placed):
            # the foot that belongs on the left of the pair keeps its medial side (+x) facing
            # right; the other is mirrored, so both big toes face the middle.  A foot drawn
            # alone keeps the orientation it has in the pair.
            mirrored = foot != order[0]
            # the first panel's medial edge sits at x1; the second's at dx - x1
            dx = 0.0 if i == 0 else 2 * x1 + gap
            panels.append(Panel(foot, aspect, mirrored, dx, 0.0, tuple(map(float, extent))))
        return cls(tuple(panels), view)

    def panel(self, foot: str, aspect: str | None = None) -> Panel:
        """The panel of ``foot`` (and ``aspect``)."""
        for p in self.panels:
            if p.foot == foot and (aspect is None or p.aspect == aspect):
                return p
        raise KeyError(f"no panel for the {foot} foot" + (f" ({aspect})" if aspect else ""))

    @property
    def chart_bounds(self) -> tuple[float, float, float, float]:
        """Bounds of all panels on the chart."""
        b = np.array([p.chart_bounds for p in self.panels])
        return (
            float(b[:, 0].min()),
            float(b[:, 1].min()),
            float(b[:, 2].max()),
            float(b[:, 3].max()),
        )

    def panel_at(self, cx: float, cy: float) -> Panel | None:
        """The panel whose outline bounds contain the chart point, else the nearest within
        half a gap; None when the point is far from every foot."""
        best, best_d = None, math.inf
        for p in self.panels:
            x0, y0, x1, y1 = p.chart_bounds
            ddx = max(x0 - cx, 0.0, cx - x1)
            ddy = max(y0 - cy, 0.0, cy - y1)
            d = math.hypot(ddx, ddy)
            if d < best_d:
                best, best_d = p, d
        return best if best_d == 0.0 else None
