"""Parametric construction of the dorsal (top of the foot) outline and its reflex zones.

Frame: the plantar frame seen from above (``geometry/plantar.py``): millimetres on the 250 mm
reference foot, y from the back of the heel (0) to the tip of the big toe (250), x = 0 on the
long axis and x > 0 on the medial (big-toe) side.  From above the foot has no arch waist: the
inner border runs straight from the inner ankle bone to the ball.  The toes are the same as on
the sole, and the two ankle bones stand out at the sides near the back.

Both feet share this frame, so shapes of zones on both feet are identical in it.
"""

from __future__ import annotations

from plantar import _SMOOTH, FOOT_LENGTH, TOES, _ellipse, catmull_rom_closed, toe_shape
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

__all__ = ["ANKLE", "FOOT_LENGTH", "outline", "raw_zone_shapes"]

# Outline of the foot seen from above, counter-clockwise from the back of the heel
TOP_BODY = [
    (0.0, 0.0),  # back of the heel, just visible behind the leg
    (-17.0, 3.0),
    (-27.0, 14.0),
    (-33.0, 30.0),
    (-37.5, 43.0),  # outer ankle bone
    (-35.5, 58.0),
    (-37.0, 80.0),
    (-41.0, 104.0),  # base of the fifth metatarsal
    (-45.0, 125.0),
    (-49.0, 145.0),
    (-51.5, 162.0),  # fifth metatarsal head
    (-52.0, 172.0),
    (-49.0, 181.0),
    (-39.0, 185.0),  # web between toes 4 and 5
    (-24.6, 192.0),
    (-8.5, 197.0),
    (11.0, 199.0),
    (30.0, 199.0),
    (42.5, 193.0),
    (46.5, 180.0),  # big-toe joint
    (45.5, 164.0),
    (42.0, 145.0),
    (38.5, 125.0),
    (36.5, 104.0),  # inner border over the navicular: no waist seen from above
    (35.5, 85.0),
    (36.0, 66.0),
    (38.5, 50.0),  # inner ankle bone
    (33.0, 32.0),
    (27.0, 14.0),
    (16.0, 3.0),
]

# The lower leg where it meets the foot, seen from above: ellipse centre (x, y), half-axes
ANKLE = (0.0, 47.0, 30.0, 24.0)

# Horizontal reference lines of the dorsal charts (y in mm)
WEB_LINE = 181.0  # behind the toe webs: the lymphatic band begins
CHEST_LINE = 149.0  # lower edge of the chest and breast zone
DIAPHRAGM = (141.0, 149.0)  # the diaphragm line across the top of the foot
GROIN_BAND = (62.0, 77.0)  # the band across the front of the ankle
BIG_TOE_FACE = 206.0  # on the big toe, the face lies beyond this line, the jaw before it


def body() -> Polygon:
    """The foot seen from above without the toes."""
    return Polygon(catmull_rom_closed(TOP_BODY)).buffer(0)


def outline() -> Polygon:
    """The dorsal outline: body plus the five toes, with rounded clefts."""
    shape = unary_union([body()] + [toe_shape(i) for i in TOES])
    shape = shape.buffer(_SMOOTH, quad_segs=8).buffer(-_SMOOTH, quad_segs=8)
    if not isinstance(shape, Polygon):  # pragma: no cover - construction guard
        raise RuntimeError("dorsal outline is not a single polygon")
    return shape


def ankle() -> Polygon:
    """Where the leg meets the foot (drawn as a landmark, not a zone)."""
    x, y, a, b = ANKLE
    return _ellipse(x, y, a, b)


def raw_zone_shapes(foot: str) -> dict[str, BaseGeometry]:
    """Zone shapes before clipping, in claim order (earlier zones win shared ground).

    The dorsal aspect is the same on both feet, so ``foot`` does not change the shapes.
    """
    del foot
    shapes: dict[str, BaseGeometry] = {}
    shapes["face"] = toe_shape(1).intersection(box(-80.0, BIG_TOE_FACE, 80.0, 260.0))
    small_toes = unary_union([toe_shape(i) for i in (2, 3, 4, 5)]).difference(body())
    big_base = toe_shape(1).intersection(box(-80.0, 0.0, 80.0, BIG_TOE_FACE)).difference(body())
    shapes["teeth_jaw"] = unary_union([small_toes, big_base])
    # lymphatics: the band behind the webs plus the grooves between the metatarsals
    grooves = [
        LineString([(x_web, web_y), (x_low, 152.0)]).buffer(2.6, quad_segs=6)
        for x_web, web_y, x_low in ((13.5, 199.0, 12.0), (-8.5, 197.0, -10.0),
                                    (-24.6, 192.0, -27.0), (-39.0, 185.0, -41.0))
    ]  # fmt: skip
    shapes["upper_lymphatics"] = unary_union([box(-80.0, WEB_LINE, 80.0, 205.0), *grooves])
    shapes["breast"] = box(-80.0, CHEST_LINE, 80.0, WEB_LINE)
    shapes["diaphragm"] = box(-80.0, DIAPHRAGM[0], 80.0, DIAPHRAGM[1])
    shapes["upper_back"] = box(-80.0, GROIN_BAND[1], 80.0, DIAPHRAGM[0])
    shapes["groin_lymph"] = box(-80.0, GROIN_BAND[0], 80.0, GROIN_BAND[1])
    shapes["ankle_dorsal"] = box(-80.0, -10.0, 80.0, GROIN_BAND[0])
    return shapes


def ankle_bones() -> dict[str, Polygon]:
    """Inner and outer ankle bones seen from above, as small circles (landmarks)."""
    return {
        "medial": Point(33.5, 50.0).buffer(5.0, quad_segs=12),
        "lateral": Point(-32.5, 43.0).buffer(5.0, quad_segs=12),
    }
