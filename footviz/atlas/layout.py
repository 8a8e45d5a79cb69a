"""Where each foot sits on a chart: layouts as data, with a reversible converter.

A chart has its own millimetre coordinates ("chart mm").  Each drawn (foot, aspect) is a
:class:`Panel`: the foot's own frame, optionally turned on its side and mirrored, then shifted.
Drawing code applies the panel's affine transform to the atlas geometry (mirroring and turning
by a transform, not by rewriting vertices); hit-testing applies the inverse to a chart
coordinate.

The sole and the top of the foot stand upright, side by side, big toes towards the middle:

``"self"``
    the soles as you see your own feet: left foot on the left.
``"practitioner"``
    facing the client's soles: the client's left foot on the right.

The side profiles (``"medial"``, ``"lateral"``) are long and low: they lie on their side, floor
at the bottom, one above the other.  Each is drawn as you see that side of the foot, so the
toes point the way they do when you look at it:

* inner side (``"medial"``), seen from the other foot: the left foot's toes point right, the
  right foot's toes point left;
* outer side (``"lateral"``), seen from outside: the left foot's toes point left, the right
  foot's toes point right.

For profiles the view only orders the feet, in the order they read on the soles: ``"self"``
puts the left foot on top, ``"practitioner"`` the right foot.  A foot drawn alone keeps the
orientation it has in the pair.

No matplotlib here: the core stays light.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .._internal.checks import check_choice, check_real
from ..errors import BadTypeError, BadValueError, NotInAtlasError
from .vocabulary import ASPECTS, FEET, VIEWS
from .vocabulary import PROFILE_ASPECTS as PROFILES  # aspects drawn lying on their side


@dataclass(frozen=True)
class Panel:
    """One foot seen from one aspect, placed on a chart.

    Upright (``turned=False``), the chart position of a foot-frame point ``(x, y)`` is
    ``(sx * x + dx, y + dy)``: toes up, ``x`` across.  Turned (``turned=True``, a side profile
    lying on its side) it is ``(sx * y + dx, x + dy)``: ``y`` (heel to toes) along the chart's
    horizontal axis, ``x`` (the height above the floor) upwards, so the floor is at the bottom
    and the toes point right, or left when ``mirrored``.  ``sx = -1`` when ``mirrored``, else
    ``1``.
    """

    foot: str
    aspect: str
    mirrored: bool
    dx: float
    dy: float = 0.0
    extent: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # foot-frame bounds
    turned: bool = False

    @property
    def sx(self) -> float:
        """Sign of the foot's horizontal axis on the chart (``x`` upright, ``y`` turned)."""
        return -1.0 if self.mirrored else 1.0

    def matrix(self) -> tuple[float, float, float, float, float, float]:
        """The affine ``(a, b, d, e, xoff, yoff)`` as shapely's ``affine_transform`` takes it:
        chart ``X = a * x + b * y + xoff``, ``Y = d * x + e * y + yoff``."""
        if self.turned:
            return (0.0, self.sx, 1.0, 0.0, self.dx, self.dy)
        return (self.sx, 0.0, 0.0, 1.0, self.dx, self.dy)

    def to_chart(self, x, y):
        """Foot-frame mm to chart mm (scalars or arrays)."""
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if self.turned:
            return self.sx * y + self.dx, x + self.dy
        return self.sx * x + self.dx, y + self.dy

    def from_chart(self, cx, cy):
        """Chart mm to foot-frame mm (scalars or arrays)."""
        cx, cy = np.asarray(cx, dtype=float), np.asarray(cy, dtype=float)
        if self.turned:
            return cy - self.dy, (cx - self.dx) * self.sx
        return (cx - self.dx) * self.sx, cy - self.dy

    def direction(self, vx: float, vy: float) -> tuple[float, float]:
        """The chart direction of a foot-frame vector (no shift): ``direction(0, 1)`` is where
        the toes point, ``direction(1, 0)`` where the medial side (or the height) lies."""
        a, b, d, e, _, _ = self.matrix()
        return (a * vx + b * vy, d * vx + e * vy)

    @property
    def chart_bounds(self) -> tuple[float, float, float, float]:
        """``(xmin, ymin, xmax, ymax)`` of the panel's outline bounds on the chart."""
        x0, y0, x1, y1 = self.extent
        cx, cy = self.to_chart(np.array([x0, x1, x0, x1]), np.array([y0, y0, y1, y1]))
        return (float(cx.min()), float(cy.min()), float(cx.max()), float(cy.max()))


@dataclass(frozen=True)
class Layout:
    """Panels on a chart in reading order: left to right, or top to bottom when stacked.

    Build with :meth:`side_by_side` (which stacks side profiles, see its ``turned``).
    """

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
        turned: bool | None = None,
    ) -> Layout:
        """Feet side by side with big toes towards the middle; side profiles stacked.

        Parameters
        ----------
        extent : (xmin, ymin, xmax, ymax)
            Bounds of one foot's outline in its own frame (``atlas.outline(...).bounds``).
        feet : sequence of {"left", "right"}
        aspect : str
        view : {"self", "practitioner"}
        gap : float
            Chart mm between the two feet's medial edges (between the two profiles when
            stacked).
        turned : bool, optional
            Lay the feet on their side, floor at the bottom, one above the other (side
            profiles only).  By default the side profiles (``"medial"``, ``"lateral"``) are
            turned and the sole and the top are not; ``False`` stands profiles upright side
            by side.  Lying, the inner side (``"medial"``) is seen from the other foot (left
            foot's toes point right, right foot's left) and the outer side from outside the
            foot; ``view`` orders the feet from the top (``"self"``: left foot first); both
            profiles span the same chart ``X`` range (``extent``'s y range), the lower one's
            floor at ``Y = 0``, and ``gap`` is then the chart mm between the top of the lower
            profile and the floor of the upper one.
        """
        feet, aspect, view, gap = _check(feet, aspect, view, gap, extent)
        if turned is None:
            turned = aspect in PROFILES
        if turned:
            return cls(_lying(extent, feet, aspect, view, gap), view)
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
        foot = check_choice("foot", foot, FEET)
        if aspect is not None:
            aspect = check_choice("aspect", aspect, ASPECTS)
        for p in self.panels:
            if p.foot == foot and (aspect is None or p.aspect == aspect):
                return p
        where = ", ".join(f"{p.foot} {p.aspect}" for p in self.panels)
        raise NotInAtlasError(
            f"no panel for the {foot} foot"
            + (f" ({aspect})" if aspect else "")
            + f"; panels: {where}"
        )

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


def _check(feet, aspect, view, gap, extent) -> tuple[tuple[str, ...], str, str, float]:
    if isinstance(feet, str):
        feet = (feet,)
    if not isinstance(feet, (list, tuple)):
        raise BadTypeError("feet", feet, "'left', 'right' or a sequence of them")
    feet = tuple(check_choice("foot", f, FEET) for f in feet)
    aspect = check_choice("aspect", aspect, ASPECTS)
    view = check_choice("view", view, VIEWS)
    if not feet or len(set(feet)) != len(feet):
        raise BadValueError("feet", feet, "'left' and/or 'right', once each")
    gap = check_real("gap", gap, low=0.0, high=1e6, unit="mm")
    allowed = "(xmin, ymin, xmax, ymax): four finite numbers of mm, min below max"
    if not isinstance(extent, (list, tuple)) or len(extent) != 4:
        raise BadTypeError("extent", extent, allowed)
    try:
        box = [check_real("extent", v, low=-1e9, high=1e9) for v in extent]
    except BadValueError:
        raise BadValueError("extent", extent, allowed) from None
    except BadTypeError:
        raise BadTypeError("extent", extent, allowed) from None
    if not (box[0] < box[2] and box[1] < box[3]):
        raise BadValueError("extent", extent, allowed)
    return feet, aspect, view, gap


def _lying(extent, feet: tuple[str, ...], aspect: str, view: str, gap: float):
    """The panels of feet lying on their side, one above the other (checked arguments)."""
    if aspect not in PROFILES:
        raise BadValueError(
            "aspect", aspect, f"a side profile ({', '.join(PROFILES)}) to lie on its side"
        )
    x0, y0, x1, y1 = (float(v) for v in extent)
    order = ("left", "right") if view == "self" else ("right", "left")
    placed = [f for f in order if f in feet]
    pitch = (x1 - x0) + gap
    panels = []
    for i, foot in enumerate(placed):
        toes_right = (foot == "left") == (aspect == "medial")
        dx = 0.0 if toes_right else y0 + y1  # both span X = y0 .. y1
        dy = (len(placed) - 1 - i) * pitch
        panels.append(Panel(foot, aspect, not toes_right, dx, dy, (x0, y0, x1, y1), turned=True))
    return tuple(panels)
