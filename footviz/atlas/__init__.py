"""The atlas: reflex-zone metadata and geometry, lookups, validation, frames and layouts.

Needs numpy and shapely only (never matplotlib).  Modules: :mod:`.core` (the :class:`Atlas`
and :func:`load_atlas`), :mod:`.model` (records), :mod:`.names` (name resolution),
:mod:`.io` (reading and writing atlas documents), :mod:`.points` (acupoints and
meridians), :mod:`.correspondence` (``correspond()``: where a system puts a body part),
:mod:`.validation`, :mod:`.frame`
(reference foot and landmarks), :mod:`.layout` (where each foot sits on a chart).
"""

from __future__ import annotations

from .core import Atlas, load_atlas
from .vocabulary import PROFILE_ASPECTS

__all__ = ["PROFILE_ASPECTS", "Atlas", "load_atlas"]
