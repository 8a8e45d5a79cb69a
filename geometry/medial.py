"""Parametric construction of the medial (inner side) profile and its reflex zones.

Frame: millimetres on the same 250 mm reference foot as the sole.  y runs along the foot from
the back of the heel (y = 0) to the tip of the big toe (y = 250), exactly as on the plantar
aspect; x is the height above the ground (x = 0 is the floor the foot stands on, x > 0 up).
The profile is the inner side of the foot as charts draw it: heel, the raised arch, the ball,
the big toe, the inner ankle bone and a stub of the lower leg cut off at ``LEG_CUT``.

Both feet share this frame (the inner side of the left foot is the mirror image of the right
one's), so shapes of zones on both feet are identical in it.  Drawing code turns the profile
on its side and mirrors it by a transform.
"""

from __future__ import annotations

from plantar import FOOT_LENGTH, _ellipse, catmull_rom_closed
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

__all__ = ["ANKLE_BONE", "FOOT_LENGTH", "LEG_CUT", "outline", "raw_zone_shapes"]

LEG_CUT = 135.0  # height (mm) where the drawn stub of the lower leg ends

# (height, y) points traced round the profile, starting under the heel, running along the
# sole to the big toe, back over the top of the foot, up the front of the ankle, down the
# Achilles tendon and round the back of the heel.  A closed Catmull-Rom spline runs through
# them; the leg is then cut straight at LEG_CUT.
PROFILE = [
    (0.5, 18.0),  # heel resting on the floor
    (1.5, 45.0),
    (5.0, 62.0),  # front of the heel pad: the arch begins
    (11.0, 82.0),
    (15.5, 105.0),  # top of the arch (navicular)
    (13.0, 128.0),
    (7.0, 150.0),
    (2.0, 170.0),
    (0.5, 186.0),  # ball under the first metatarsal head
    (2.5, 200.0),  # crease under the big-toe joint
    (1.0, 222.0),  # big-toe pad
    (4.5, 242.0),
    (12.0, 250.0),  # tip of the big toe
    (21.0, 246.0),
    (27.0, 232.0),  # nail
    (30.0, 212.0),
    (33.0, 197.0),
    (40.0, 180.0),  # bump of the first metatarsal head (big-toe joint)
    (50.0, 160.0),
    (62.0, 135.0),
    (75.0, 112.0),
    (88.0, 95.0),  # instep
    (102.0, 86.0),  # front of the ankle joint
    (122.0, 80.0),
    (150.0, 78.0),  # shin (cut at LEG_CUT)
    (150.0, 22.0),
    (112.0, 17.0),  # Achilles tendon, slightly hollow
    (85.0, 12.0),
    (62.0, 7.5),
    (46.0, 3.0),  # top of the heel bone at the back
    (30.0, 0.0),  # back of the heel
    (15.0, 1.5),
    (5.0, 7.5),
]

# The inner ankle bone (medial malleolus): centre (height, y) and radius
ANKLE_BONE = (76.0, 44.0, 11.0)

# Upper edge of the spine band: (height, y) along the inner border of the foot, roughly 15 mm
# above the edge of the sole.  The band below it holds the five sections of the spine.
SPINE_TOP = [
    (22.0, -10.0),
    (22.0, 12.0),
    (20.0, 35.0),
    (22.0, 58.0),
    (28.0, 80.0),
    (32.0, 105.0),
    (29.0, 128.0),
    (22.0, 150.0),
    (17.0, 172.0),
    (16.0, 190.0),
    (18.0, 205.0),
    (20.0, 218.0),
]

# Sections of the spine along the inner border, as y ranges (heel to big toe)
SPINE_SECTIONS = {
    "coccyx": (-10.0, 42.0),  # bottom of the heel
    "sacral_spine": (42.0, 80.0),  # front of the heel
    "lumbar_spine": (80.0, 130.0),  # top of the arch
    "thoracic_spine": (130.0, 185.0),  # along the first metatarsal
    "cervical_spine": (185.0, 218.0),  # base of the big toe
}

INSTEP_Y = 112.0  # zones behind this belong to the ankle, in front of it to the forefoot
TOE_Y = 200.0  # the big toe begins (crease of its joint)
ANKLE_LINE = (89.0, 99.0)  # heights of the band that crosses the front of the ankle


def profile_outline(points: list[tuple[float, float]], name: str) -> Polygon:
    """A side profile through ``points``: one smooth polygon, the leg cut at ``LEG_CUT``."""
    shape = Polygon(catmull_rom_closed(points)).buffer(0)
    shape = shape.intersection(box(-10.0, -10.0, LEG_CUT, FOOT_LENGTH + 10.0))
    if not isinstance(shape, Polygon):  # pragma: no cover - construction guard
        raise RuntimeError(f"{name} outline is not a single polygon")
    return shape


def bone_circle(spec: tuple[float, float, float]) -> Polygon:
    """An ankle bone ``(height, y, radius)`` as a circle (a landmark, not a zone)."""
    h, y, r = spec
    return Point(h, y).buffer(r, quad_segs=16)


def outline() -> Polygon:
    """The medial profile: one smooth polygon, the leg cut straight at ``LEG_CUT``."""
    return profile_outline(PROFILE, "medial")


def ankle_bone() -> Polygon:
    """The inner ankle bone as a circle (drawn as a landmark, not a zone)."""
    return bone_circle(ANKLE_BONE)


def spine_band() -> Polygon:
    """Everything between the floor and the upper edge of the spine band."""
    ys = [y for _, y in SPINE_TOP]
    return Polygon([(-10.0, ys[0]), *SPINE_TOP, (-10.0, ys[-1])])


def achilles_strip() -> Polygon:
    """A strip about 12 mm wide in front of the back contour, from the heel up the tendon."""
    return Polygon(
        [(48.0, -10.0), (85.0, 0.0), (150.0, 10.0), (150.0, 31.0), (85.0, 24.0), (48.0, 17.0)]
    )


def raw_zone_shapes(foot: str) -> dict[str, BaseGeometry]:
    """Zone shapes before clipping, in claim order (earlier zones win shared ground).

    The medial aspect is the same on both feet, so ``foot`` does not change the shapes.
    """
    del foot
    shapes: dict[str, BaseGeometry] = {}
    band = spine_band()
    for zone_id, (y0, y1) in SPINE_SECTIONS.items():
        shapes[zone_id] = band.intersection(box(-10.0, y0, 200.0, y1))
    shapes["bladder_medial"] = _ellipse(35.0, 66.0, 7.0, 11.0)
    shapes["uterus_prostate"] = _ellipse(37.0, 27.0, 10.0, 10.0)
    shapes["rectum_anus"] = box(10.0, -10.0, 50.0, 9.0)
    across = box(ANKLE_LINE[0], 10.0, ANKLE_LINE[1], 130.0)
    shapes["fallopian_tubes"] = unary_union([achilles_strip(), across])
    shapes["hip_medial"] = box(-10.0, -10.0, 200.0, INSTEP_Y)
    shapes["chest_medial"] = box(-10.0, INSTEP_Y, 200.0, TOE_Y)
    shapes["big_toe_medial"] = box(-10.0, TOE_Y, 200.0, FOOT_LENGTH + 10.0)
    return shapes


def guide_lines() -> dict[str, LineString]:
    """Landmark lines drawn on charts: the floor and the line of the Achilles tendon."""
    return {
        "floor": LineString([(0.0, -5.0), (0.0, FOOT_LENGTH + 5.0)]),
        "achilles": LineString([(50.0, 8.0), (85.0, 16.0), (LEG_CUT, 23.0)]),
    }
