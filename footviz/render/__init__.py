"""The rendering layer: :class:`FootMap` and :func:`plot` (imports matplotlib).

One job per module: :mod:`.selection` (highlight sets), :mod:`.values` (values per zone),
:mod:`.paths` (geometry to paths), :mod:`.labelling` (label planning), :mod:`.footmap`
(drawing), :mod:`.interactive` (hover and click), :mod:`.output` (deterministic files).
"""

from __future__ import annotations

from .footmap import FootMap, MapArtists, plot
from .selection import HighlightSet, resolve_highlight
from .values import ZoneValues, resolve_values

__all__ = [
    "FootMap",
    "HighlightSet",
    "MapArtists",
    "ZoneValues",
    "plot",
    "resolve_highlight",
    "resolve_values",
]
