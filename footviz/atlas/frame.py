"""The atlas coordinate frame as data: named landmarks of the reference foot, and scaling.

Each foot has its own frame, in millimetres: y runs from the back of the heel (0) to the tip
of the longest toe (the foot length); x = 0 is the long axis of the foot (heel centre to second
toe) and x > 0 is the medial (big-toe) side.  Left and right outlines are identical in their
own frames; drawing code mirrors the left foot when it places feet side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._internal.checks import check_real

if TYPE_CHECKING:  # pragma: no cover
    from .core import Atlas


FOOT_LENGTH_RANGE = (50.0, 1000.0)  # mm: a real foot is about 100-400 mm heel to toe
FOOT_WIDTH_RANGE = (20.0, 500.0)  # mm across the ball


def check_foot_size(length: object, width: object = None) -> tuple[float, float | None]:
    """``(length, width)`` as floats, each a finite number of mm within
    :data:`FOOT_LENGTH_RANGE` / :data:`FOOT_WIDTH_RANGE` (``width`` may be None).

    Raises
    ------
    BadTypeError, BadValueError
        Naming ``length`` or ``width``, the value and the allowed range.
    """
    lo, hi = FOOT_LENGTH_RANGE
    out_length = check_real("length", length, low=lo, high=hi, unit="mm")
    if width is None:
        return out_length, None
    lo, hi = FOOT_WIDTH_RANGE
    return out_length, check_real("width", width, low=lo, high=hi, unit="mm")


@dataclass(frozen=True)
class ReferenceFoot:
    """Landmarks of the atlas's reference foot (all in mm, in the foot's own frame).

    Attributes
    ----------
    length : float
        Heel to the tip of the longest toe.
    ball_width : float
        Widest extent across the ball (medial to lateral).
    heel_width : float
        Width across the heel pad, 20 % of the length from the back of the heel.
    medial_x, lateral_x : float
        x of the medial and lateral extremes of the sole.
    """

    length: float
    ball_width: float
    heel_width: float
    medial_x: float
    lateral_x: float

    @classmethod
    def from_atlas(cls, atlas: Atlas) -> ReferenceFoot:
        """Measure the landmarks on the atlas's plantar outline."""
        from shapely.geometry import LineString

        outline = atlas.outline(atlas.feet[0], "plantar")
        minx, _, maxx, maxy = outline.bounds
        length = float(atlas.info.get("foot_length") or maxy)
        y = 0.2 * length
        cut = outline.intersection(LineString([(minx - 1, y), (maxx + 1, y)]))
        return cls(
            length=length,
            ball_width=maxx - minx,
            heel_width=cut.length,
            medial_x=maxx,
            lateral_x=minx,
        )

    def scale_factors(self, length: float, width: float | None = None) -> tuple[float, float]:
        """``(sx, sy)`` that turn this reference foot into one ``length`` (and ``width``) mm.

        Without ``width`` the scaling is uniform (``sx == sy``).
        """
        length, width = check_foot_size(length, width)
        sy = length / self.length
        sx = sy if width is None else width / self.ball_width
        return sx, sy
