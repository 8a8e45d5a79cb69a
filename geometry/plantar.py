"""Parametric construction of the plantar (sole) outline and its reflex zones.

Frame: millimetres on a reference adult foot 250 mm long.  y runs from the back of the heel
(y = 0) to the tip of the big toe (y = 250); x = 0 is the long axis of the foot (heel centre to
second toe); x > 0 is the medial (big-toe) side.  The same frame serves both feet, so shapes of
zones that both feet share are identical in it.

Everything here is built from the named landmarks below; change a landmark and rebuild.
"""

from __future__ import annotations

import numpy as np
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

FOOT_LENGTH = 250.0

# Body of the sole (heel, lateral border, arch, ball) traced through these points, counter-
# clockwise seen from below, starting at the back of the heel.  A closed Catmull-Rom spline
# runs through them.
SOLE_BODY = [
    (0.0, 0.0),  # back of the heel
    (-16.0, 3.0),
    (-26.5, 14.0),
    (-31.0, 32.0),  # heel, lateral side (heel about 62 mm wide)
    (-33.0, 55.0),
    (-36.5, 80.0),  # lateral border
    (-40.0, 104.0),  # base of the fifth metatarsal (styloid bump)
    (-42.5, 122.0),
    (-46.5, 143.0),
    (-50.5, 160.0),  # fifth metatarsal head: lateral end of the ball
    (-52.0, 172.0),
    (-49.0, 181.0),
    (-39.0, 185.0),  # web between toes 4 and 5
    (-24.6, 192.0),  # web between toes 3 and 4
    (-8.5, 197.0),  # web between toes 2 and 3
    (11.0, 199.0),  # web between toes 1 and 2
    (30.0, 199.0),
    (42.5, 193.0),  # medial end of the ball, under the big toe joint
    (46.5, 180.0),  # first metatarsal head: medial end of the ball
    (44.5, 164.0),
    (37.0, 145.0),
    (26.0, 125.0),
    (17.5, 104.0),  # arch waist: the narrowest part of the sole
    (19.5, 85.0),
    (25.0, 68.0),
    (30.0, 50.0),
    (31.5, 32.0),  # heel, medial side
    (27.0, 14.0),
    (16.0, 3.0),
]

# Toes: centre of the base (x), width, base y (inside the body), tip y, tip rounding (mm),
# tilt in degrees (positive turns the tip towards the medial side).
TOES = {
    1: {"x": 28.0, "width": 29.0, "base": 186.0, "tip": 250.0, "round": 15.0, "tilt": 0.0},
    2: {"x": 0.5, "width": 15.5, "base": 188.0, "tip": 242.0, "round": 8.2, "tilt": 0.0},
    3: {"x": -16.5, "width": 14.0, "base": 184.0, "tip": 233.0, "round": 7.6, "tilt": 1.0},
    4: {"x": -32.0, "width": 12.5, "base": 178.0, "tip": 222.0, "round": 6.9, "tilt": 2.0},
    5: {"x": -45.5, "width": 11.0, "base": 170.0, "tip": 209.0, "round": 6.2, "tilt": 3.0},
}

# Horizontal reference lines of the charts (y in mm)
DIAPHRAGM_LINE = 153.0  # lower edge of the ball
WAIST_LINE = 104.0  # level of the base of the fifth metatarsal
HEEL_LINE = 60.0  # front edge of the heel pad
LUNG_BASE = 166.0  # below this the lung band spans the whole ball

_SMOOTH = 0.6  # fillet radius at the toe clefts (mm)


def catmull_rom_closed(points: list[tuple[float, float]], samples: int = 16) -> np.ndarray:
    """Sample a closed centripetal-free (uniform) Catmull-Rom spline through ``points``."""
    p = np.asarray(points, dtype=float)
    n = len(p)
    t = np.linspace(0.0, 1.0, samples, endpoint=False)[:, None]
    out = []
    for i in range(n):
        p0, p1, p2, p3 = p[i - 1], p[i], p[(i + 1) % n], p[(i + 2) % n]
        out.append(
            0.5
            * (
                2 * p1
                + (-p0 + p2) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3
            )
        )
    return np.vstack(out)


def toe_shape(number: int) -> Polygon:
    """One toe as a tapered finger with a rounded pad at the tip."""
    spec = TOES[number]
    cx, w, y0, y1, r = spec["x"], spec["width"], spec["base"], spec["tip"], spec["round"]
    half = w / 2.0
    # pad slightly wider than the neck of the toe, as on a footprint
    ys = np.linspace(y0, y1 - r, 12)
    neck = 0.92 + 0.08 * np.cos(np.linspace(0.0, np.pi, 12))  # narrow waist mid-toe
    right = [(cx - half * k, y) for k, y in zip(neck, ys, strict=True)]
    angles = np.linspace(np.pi, 0.0, 25)
    cap = [(cx + half * np.cos(a), (y1 - r) + r * np.sin(a)) for a in angles]
    left = [(cx + half * k, y) for k, y in zip(neck[::-1], ys[::-1], strict=True)]
    shape = Polygon(right + cap[1:-1] + left)
    return affinity.rotate(shape, -spec["tilt"], origin=(cx, y0)) if spec["tilt"] else shape


def sole_body() -> Polygon:
    """Heel, arch and ball as one smooth polygon."""
    return Polygon(catmull_rom_closed(SOLE_BODY)).buffer(0)


def sole_outline() -> Polygon:
    """The plantar outline: body plus five separate toes, with rounded clefts."""
    shape = unary_union([sole_body()] + [toe_shape(i) for i in TOES])
    shape = shape.buffer(_SMOOTH, quad_segs=8).buffer(-_SMOOTH, quad_segs=8)
    if not isinstance(shape, Polygon):  # pragma: no cover - construction guard
        raise RuntimeError("sole outline is not a single polygon")
    return shape


def _ellipse(cx: float, cy: float, a: float, b: float, angle: float = 0.0) -> Polygon:
    shape = affinity.scale(Point(cx, cy).buffer(1.0, quad_segs=24), a, b)
    return affinity.rotate(shape, angle, origin=(cx, cy)) if angle else shape


def _band(y0: float, y1: float, x0: float = -80.0, x1: float = 80.0) -> Polygon:
    return box(x0, y0, x1, y1)


def _toe_split(number: int) -> float:
    """y where a small toe's pad (sinus zone) begins: 45 % of the way from web to tip."""
    spec = TOES[number]
    web = {2: 198.0, 3: 194.5, 4: 188.5, 5: 182.0}[number]
    return web + 0.42 * (spec["tip"] - web)


def raw_zone_shapes(foot: str) -> dict[str, BaseGeometry]:
    """Zone shapes before clipping, in claim order (earlier zones win shared ground).

    Nested zones (those with a parent in ``zones.ZONES``) are listed too; the build clips them
    to their parent instead of letting them claim ground.
    """
    left = foot == "left"
    shapes: dict[str, BaseGeometry] = {}

    # --- toes --------------------------------------------------------------------------
    big = toe_shape(1)
    shapes["pituitary"] = _ellipse(28.0, 229.0, 4.6, 4.6)
    shapes["hypothalamus"] = _ellipse(37.5, 236.0, 3.4, 4.2)
    shapes["brain"] = big.intersection(_band(216.0, 260.0))
    shapes["neck"] = _band(199.5, 216.0, 11.5, 60.0)
    sinus_parts = []
    for number in (2, 3, 4, 5):
        sinus_parts.append(toe_shape(number).intersection(_band(_toe_split(number), 260.0)))
    shapes["sinuses"] = unary_union(sinus_parts)
    eye_top = max(_toe_split(2), _toe_split(3))
    shapes["eyes"] = _band(188.0, eye_top, -24.6, 11.5)
    shapes["ears"] = _band(179.0, 230.0, -80.0, -24.6)

    # --- ball --------------------------------------------------------------------------
    shapes["parathyroid"] = _ellipse(42.5, 180.5, 4.2, 5.5)
    shapes["thyroid"] = _band(LUNG_BASE, 199.5, 17.0, 80.0)
    shapes["trachea"] = _band(LUNG_BASE, 199.5, 11.0, 17.0)

    # --- arch: small organs first ------------------------------------------------------
    if left:
        heart = (
            _band(136.0, DIAPHRAGM_LINE + 4.0, -3.0, 20.0)
            .buffer(-4.0, quad_segs=12)
            .buffer(4.0, quad_segs=12)
        )
        shapes["heart"] = heart.intersection(_band(130.0, DIAPHRAGM_LINE))
    shapes["solar_plexus"] = _ellipse(-9.0, 142.0, 5.8, 5.8)
    shapes["adrenals"] = _ellipse(0.5, 128.5, 5.0, 4.0)
    shapes["kidney"] = _ellipse(-2.0, 112.0, 8.5, 13.0, angle=-8.0)
    ureter = LineString([(2.5, 101.0), (9.0, 88.0), (17.0, 74.0)]).buffer(2.4, quad_segs=8)
    shapes["bladder"] = _ellipse(21.0, 68.5, 8.5, 7.5, angle=20.0)
    shapes["ureter"] = ureter
    if not left:
        shapes["gallbladder"] = _ellipse(-20.0, 127.0, 5.0, 6.0, angle=10.0)
        shapes["ileocaecal_valve"] = _ellipse(-28.0, HEEL_LINE + 5.0, 4.2, 4.2)

    # --- ball remainder ----------------------------------------------------------------
    shapes["lungs"] = _band(DIAPHRAGM_LINE, 205.0, -80.0, 80.0)

    # --- upper arch: large organs ------------------------------------------------------
    upper = _band(WAIST_LINE, DIAPHRAGM_LINE)
    if left:
        shapes["spleen"] = upper.intersection(_band(0, 300, -80.0, -16.0))
        shapes["stomach"] = upper.intersection(_band(122.0, 300, -16.0, 80.0))
        shapes["pancreas"] = upper.intersection(_band(0.0, 122.0, -16.0, 80.0))
    else:
        shapes["liver"] = upper.intersection(
            Polygon([(-80, 0), (-8, 0), (-8, 124), (8, 124), (8, 200), (-80, 200)])
        )
        shapes["stomach"] = upper.intersection(_band(130.0, 300, 8.0, 80.0))
        shapes["pancreas"] = upper.intersection(
            unary_union([_band(0.0, 130.0, 8.0, 80.0), _band(0.0, 124.0, -8.0, 8.0)])
        )

    # --- lower arch: intestines --------------------------------------------------------
    colon_x = -25.0  # inner border of the colon strip along the lateral edge
    shapes["transverse_colon"] = _band(92.0, WAIST_LINE, colon_x, 80.0)
    if left:
        shapes["descending_colon"] = _band(HEEL_LINE + 9.0, WAIST_LINE, -80.0, colon_x)
        shapes["sigmoid_colon"] = _band(HEEL_LINE, HEEL_LINE + 9.0, -80.0, 80.0)
        shapes["small_intestine"] = _band(HEEL_LINE + 9.0, 92.0, colon_x, 80.0)
    else:
        shapes["ascending_colon"] = _band(HEEL_LINE, WAIST_LINE, -80.0, colon_x)
        shapes["small_intestine"] = _band(HEEL_LINE, 92.0, colon_x, 80.0)

    # --- heel --------------------------------------------------------------------------
    shapes["sciatic"] = _band(13.0, 23.0)
    shapes["reproductive"] = _ellipse(0.0, 39.0, 13.0, 11.0)
    shapes["pelvis"] = _band(-10.0, HEEL_LINE)
    return shapes
