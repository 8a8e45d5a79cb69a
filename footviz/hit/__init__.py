"""Hit-testing: which zone lies under a point, for one touch or millions, and viewports.

Needs numpy and shapely only.  Modules: :mod:`.index` (:class:`HitIndex`, the exact index of a
set of zone shapes), :mod:`.results` (what it returns), :mod:`.inputs` (argument checks and
errors), :mod:`.griddata` / :mod:`.gridbuild` / :mod:`.gridquery` (a grid's arrays, how they
are built, how points are answered), :mod:`.cache` (the on-disk grid cache), :mod:`.viewport`
(screen, image and real-foot coordinates to atlas coordinates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["HitArray", "HitIndex", "HitResult", "Viewport"]

# lazy: the hit path (footviz.hit.index) does not load the viewport module, and the other way
_WHERE = {
    "HitArray": "results",
    "HitIndex": "index",
    "HitResult": "results",
    "Viewport": "viewport",
}

if TYPE_CHECKING:  # pragma: no cover
    from .index import HitIndex
    from .results import HitArray, HitResult
    from .viewport import Viewport


def __getattr__(name: str) -> object:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
