"""Parametric construction of the lateral (outer side) profile and its reflex zones.

Frame: the same as the medial profile (``geometry/medial.py``): millimetres on the 250 mm
reference foot, y along the foot from the back of the heel (0) to the toe tips (250), x the
height above the ground (x = 0 is the floor).  The profile shows the outer side: the heel, the
outer border resting on the floor along the fifth metatarsal (with the bump at its base), the
little toe in front of the longer toes, the outer ankle bone (lower and further back than the
inner one) and a stub of the lower leg.

Both feet share this frame, so shapes of zones on both feet are identical in it.
"""

from __future__ import annotations

from medial import LEG_CUT, bone_circle, profile_outline
from plantar import FOOT_LENGTH, _ellipse
from shapely.geometry import LineString, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

__all__ = ["ANKLE_BONE", "FOOT_LENGTH", "LEG_CUT", "outline", "raw_zone_shapes"]

# (height, y) points round the profile: along the floor to the little toe, round the longer
# toes seen beyond it, back over the top of the foot, up the shin, down the Achilles tendon.
PROFILE = [
    (0.5, 18.0),  # heel on the floor
    (0.5, 50.0),
    (1.0, 80.0),  # outer border resting on the floor
    (3.0, 104.0),  # bump at the base of the fifth metatarsal
    (1.0, 125.0),
    (0.5, 160.0),  # fifth metatarsal head
    (1.0, 180.0),
    (2.0, 195.0),  # under the little toe
    (4.5, 205.0),
    (9.0, 209.0),  # tip of the little toe
    (12.5, 210.0),  # the longer toes show beyond it, each tip a little further on
    (11.5, 222.0),
    (12.5, 234.0),
    (14.0, 245.0),
    (17.5, 249.5),  # toe tips
    (22.5, 245.0),
    (25.5, 233.0),
    (28.5, 214.0),
    (32.0, 198.0),
    (38.0, 180.0),
    (48.0, 160.0),
    (60.0, 135.0),
    (73.0, 112.0),
    (87.0, 95.0),  # instep
    (101.0, 86.0),  # front of the ankle joint
    (122.0, 80.0),
    (150.0, 78.0),  # shin (cut at LEG_CUT)
    (150.0, 22.0),
    (112.0, 17.0),  # Achilles tendon
    (85.0, 12.0),
    (62.0, 7.5),
    (46.0, 3.0),
    (30.0, 0.0),  # back of the heel
    (15.0, 1.5),
    (5.0, 7.5),
]

# The outer ankle bone (lateral malleolus): centre (height, y) and radius; it sits lower and
# further back than the inner one.
ANKLE_BONE = (64.0, 37.0, 11.0)

# Reference marks along the outer border (y, mm) used by the limb zones
LITTLE_TOE_TIP = 209.0
FIFTH_HEAD = 160.0  # head of the fifth metatarsal
FIFTH_BASE = 104.0  # bump at the base of the fifth metatarsal

EDGE_HEIGHT = 27.0  # the limb zones run along the outer border up to about this height


def outline() -> Polygon:
    """The lateral profile: one smooth polygon, the leg cut straight at ``LEG_CUT``."""
    return profile_outline(PROFILE, "lateral")


def ankle_bone() -> Polygon:
    """The outer ankle bone as a circle (drawn as a landmark, not a zone)."""
    return bone_circle(ANKLE_BONE)


def raw_zone_shapes(foot: str) -> dict[str, BaseGeometry]:
    """Zone shapes before clipping, in claim order (earlier zones win shared ground).

    The lateral aspect is the same on both feet, so ``foot`` does not change the shapes.
    """
    del foot
    shapes: dict[str, BaseGeometry] = {}
    # the point between the fourth and fifth metatarsals, on the outer top of the forefoot
    shapes["headache_point"] = _ellipse(31.0, 152.0, 5.0, 7.0)
    shapes["reproductive_lateral"] = _ellipse(31.0, 22.0, 9.5, 9.5)
    heel_band = box(-10.0, -10.0, 14.0, 46.0)
    achilles = Polygon(
        [(10.0, -10.0), (48.0, -10.0), (85.0, 0.0), (150.0, 10.0), (150.0, 31.0), (85.0, 24.0),
         (48.0, 16.0), (14.0, 12.0)]
    )  # fmt: skip
    shapes["sciatic_lateral"] = unary_union([heel_band, achilles])
    edge = EDGE_HEIGHT
    shapes["shoulder"] = box(-10.0, FIFTH_HEAD, edge - 2.0, LITTLE_TOE_TIP + 5.0)
    shapes["arm"] = box(-10.0, 130.0, edge, FIFTH_HEAD)
    shapes["elbow"] = box(-10.0, FIFTH_BASE - 6.0, edge, 130.0)
    shapes["knee"] = box(-10.0, 66.0, edge + 6.0, FIFTH_BASE - 6.0)
    shapes["hip_lateral"] = box(-10.0, -10.0, 200.0, FIFTH_BASE - 6.0)
    shapes["instep_lateral"] = box(edge - 2.0, FIFTH_BASE - 6.0, 200.0, 200.0)
    return shapes


def guide_lines() -> dict[str, LineString]:
    """Landmark lines drawn on charts: the floor and the line of the Achilles tendon."""
    return {
        "floor": LineString([(0.0, -5.0), (0.0, FOOT_LENGTH + 5.0)]),
        "achilles": LineString([(50.0, 8.0), (85.0, 16.0), (LEG_CUT, 23.0)]),
    }
