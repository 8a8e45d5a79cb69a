"""Hit-testing: which zone lies under a point, for one touch or millions, and viewports.

Needs numpy and shapely only.  Modules: :mod:`.index` (the exact grid index and its results),
:mod:`.viewport` (screen, image and real-foot coordinates to atlas coordinates).
"""

from __future__ import annotations

from .index import HitArray, HitIndex, HitResult
from .viewport import Viewport

__all__ = ["HitArray", "HitIndex", "HitResult", "Viewport"]
