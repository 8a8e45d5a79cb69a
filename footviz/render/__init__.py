"""The rendering layer: :class:`FootMap` and :func:`plot` (imports matplotlib).

One job per module: :mod:`.selection` (highlight sets), :mod:`.values` (values per zone),
:mod:`.colouring` (zone colours, norms), :mod:`.paths` (geometry to paths), :mod:`.layers`
(the zone renderer: one registry of layers for the map and the sheet), :mod:`.orientation`
(upright and lying feet), :mod:`.labelling` (label planning), :mod:`.planned` (drawing a
plan), :mod:`.decorations` (legend, key, colorbar), :mod:`.theme` (colours on the
background), :mod:`.footmap` (the map), :mod:`.interactive` (hover and click),
:mod:`.output` (deterministic files).
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
