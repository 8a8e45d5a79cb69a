"""Legend entries shared by every drawing: one patch per body system present."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..atlas import Atlas
from ..atlas.model import ZoneShape
from .style import EDGE_COLOUR, FALLBACK_COLOUR, SYSTEM_COLOURS, lighten

__all__ = ["system_handles"]


def system_handles(atlas: Atlas, shapes: Iterable[ZoneShape], lang: str) -> list[Any]:
    """Legend patches for the body systems of ``shapes``, in a fixed (sorted) order.

    Each patch carries the system's fill colour as the maps draw it and its name in ``lang``.
    """
    from matplotlib.patches import Patch

    present = sorted({s.zone.system for s in shapes})
    return [
        Patch(
            facecolor=lighten(SYSTEM_COLOURS.get(sys_id, FALLBACK_COLOUR), 0.35),
            edgecolor=EDGE_COLOUR,
            label=atlas.systems.get(sys_id, {}).get(lang, sys_id),
        )
        for sys_id in present
    ]
