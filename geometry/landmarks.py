"""Named landmarks of the four outlines, in each aspect's own frame (mm), for placing points.

The acupoints (``points.py``) are placed from these landmarks, never from free numbers, so a
change to an outline's construction moves the points with it.  Most landmarks are read off the
outline constructions (``plantar.SOLE_BODY`` and ``plantar.TOES``, the ankle bones and the
Achilles line of ``medial.py`` and ``lateral.py``, the dorsal body of ``dorsal.py``); the
bones the outlines do not draw (metatarsal heads and bases, the navicular tuberosity, the
first and fifth metatarsophalangeal joints) are added here, documented in geometry/README.md.

Frames (see geometry/README.md): plantar and dorsal ``(x, y)`` with x > 0 medial; medial and
lateral ``(height, y)`` with the height above the floor.
"""

from __future__ import annotations

import math

import dorsal
import lateral
import medial
import plantar
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

XY = tuple[float, float]

# --- sole and top of the foot: read off the outline construction -----------------------------
HEEL_BACK: XY = plantar.SOLE_BODY[0]  # back of the heel, (0, 0)
# webs between the toes, read off the sole's traced body (the same points trace the top)
WEBS: dict[str, XY] = {
    "1-2": plantar.SOLE_BODY[15],
    "2-3": plantar.SOLE_BODY[14],
    "3-4": plantar.SOLE_BODY[13],
    "4-5": plantar.SOLE_BODY[12],
}

# Nail of each toe seen from above: its width as a share of the toe's width, and the distance
# from the tip of the toe back to the base of the nail (mm).
NAIL_WIDTH_SHARE = 0.72
NAIL_LENGTH = {1: 17.0, 2: 9.0, 3: 8.5, 4: 8.0, 5: 7.0}

# --- bones the outlines do not draw (top of the foot, dorsal frame) ---------------------------
# Heads (the metatarsophalangeal joints) and bases of the five metatarsals.  The bases lie on
# the oblique tarsometatarsal joint line: the second base is set back between the cuneiforms,
# the fifth base is the bump on the outer border (plantar.WAIST_LINE).
METATARSAL_HEADS: dict[int, XY] = {
    1: (30.0, 182.0),
    2: (3.0, 185.0),
    3: (-14.0, 180.0),
    4: (-30.0, 173.0),
    5: (-45.0, 166.0),
}
METATARSAL_BASES: dict[int, XY] = {
    1: (24.0, 120.0),
    2: (6.0, 112.0),
    3: (-7.0, 110.0),
    4: (-20.0, 106.0),
    5: (-34.0, plantar.WAIST_LINE - 1.0),
}

# --- side profiles ((height, y)) --------------------------------------------------------------
MEDIAL_MALLEOLUS: XY = medial.ANKLE_BONE[:2]  # prominence of the inner ankle bone
LATERAL_MALLEOLUS: XY = lateral.ANKLE_BONE[:2]  # prominence of the outer ankle bone
MALLEOLUS_RADIUS = medial.ANKLE_BONE[2]
# the tuberosity of the navicular bone: the bump on the inner side in front of and below the
# inner ankle bone, above the arch
NAVICULAR_TUBEROSITY: XY = (38.0, 82.0)
# level (y) of the first and fifth metatarsophalangeal joints and of the fifth metatarsal's base
MTP1_Y = METATARSAL_HEADS[1][1] + 2.0
MTP5_Y = METATARSAL_HEADS[5][1] + 2.0
FIFTH_BASE_Y = lateral.FIFTH_BASE
# The proportional unit of the acupuncture charts (B-cun): the prominence of the inner ankle
# bone stands 3 B-cun above the sole (WHO 2008).
CUN = MEDIAL_MALLEOLUS[0] / 3.0


def achilles_y(aspect: str, height: float) -> float:
    """y of the front edge of the Achilles tendon line at ``height`` on a side profile."""
    line = (medial if aspect == "medial" else lateral).guide_lines()["achilles"]
    cut = line.intersection(LineString([(height, -50.0), (height, 300.0)]))
    return float(cut.y) if isinstance(cut, Point) else float(cut.centroid.y)


def toe_point(number: int, u: float, v: float) -> XY:
    """A point on toe ``number`` in its own axes: ``u`` mm medial of the toe's centre line,
    ``v`` mm back from its tip; the toe's tilt is applied as the outline applies it."""
    spec = plantar.TOES[number]
    x, y = spec["x"] + u, spec["tip"] - v
    tilt = math.radians(-spec["tilt"])
    if tilt:
        ox, oy = spec["x"], spec["base"]
        dx, dy = x - ox, y - oy
        x = ox + dx * math.cos(tilt) - dy * math.sin(tilt)
        y = oy + dx * math.sin(tilt) + dy * math.cos(tilt)
    return (x, y)


def nail_corner(number: int, side: str) -> XY:
    """The corner of the nail of toe ``number`` at the base of the nail, on ``side``
    ("medial" or "lateral"), seen from above."""
    half = plantar.TOES[number]["width"] * NAIL_WIDTH_SHARE / 2.0
    return toe_point(number, half if side == "medial" else -half, NAIL_LENGTH[number])


def toe_half_width(number: int, side: str, v: float) -> float:
    """Distance from the centre line of toe ``number`` to its edge on ``side``, ``v`` mm back
    from the tip, measured on the toe's outline."""
    across = LineString([toe_point(number, -40.0, v), toe_point(number, 40.0, v)])
    cut = plantar.toe_shape(number).intersection(across)
    ends = [Point(c) for c in cut.coords] if cut.geom_type == "LineString" else []
    centre = Point(toe_point(number, 0.0, v))
    sign = 1.0 if side == "medial" else -1.0
    far = [e for e in ends if (e.x - centre.x) * sign > 0]
    return max(centre.distance(e) for e in far)


def lerp(a: XY, b: XY, t: float) -> XY:
    """The point a share ``t`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def edge(outline: BaseGeometry, y: float, side: str, inset: float) -> XY:
    """A point ``inset`` mm inside the border of a sole or top outline at level ``y``.

    ``side`` is "medial" (largest x) or "lateral" (smallest x).
    """
    cut = outline.intersection(LineString([(-200.0, y), (200.0, y)]))
    lo, _, hi, _ = cut.bounds
    return (hi - inset, y) if side == "medial" else (lo + inset, y)


def profile_span(outline: BaseGeometry, y: float) -> tuple[float, float]:
    """Lowest and highest height of a side profile at ``y`` (the sole's edge and the top)."""
    cut = outline.intersection(LineString([(-200.0, y), (400.0, y)]))
    return (cut.bounds[0], cut.bounds[2])


def sole_edge(outline: BaseGeometry, y: float, above: float) -> XY:
    """A point ``above`` mm over the lower (floor) border of a side profile at ``y``."""
    cut = outline.intersection(LineString([(-200.0, y), (400.0, y)]))
    return (cut.bounds[0] + above, y)


OUTLINES = {
    "plantar": plantar.sole_outline,
    "medial": medial.outline,
    "lateral": lateral.outline,
    "dorsal": dorsal.outline,
}
