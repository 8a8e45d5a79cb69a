"""Hit-testing: which zone lies under a point, for one touch or millions, and viewports.

Needs numpy and shapely only.  Modules: :mod:`.index` (:class:`HitIndex`, the exact index of a
set of zone shapes), :mod:`.results` (what it returns), :mod:`.inputs` (argument checks and
errors), :mod:`.griddata` / :mod:`.gridbuild` / :mod:`.gridquery` (a grid's arrays, how they
are built, how points are answered), :mod:`.cache` (the on-disk grid cache), :mod:`.viewport`
(screen, image and real-foot coordinates to atlas coordinates).
"""

from __future__ import annotations

from .index import HitIndex
from .results import HitArray, HitResult
from .viewport import Viewport

__all__ = ["HitArray", "HitIndex", "HitResult", "Viewport"]
