"""footviz: foot reflexology maps and "which reflex zone is under this point?".

The core (atlas, lookups, validation) needs only numpy and shapely; drawing functions import
matplotlib on first use, so ``import footviz`` stays light.

>>> import footviz
>>> atlas = footviz.load_atlas()
>>> [s.id for s in atlas.organ_zones("heart")]
['heart/left/plantar']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .atlas import Atlas, load_atlas
from .errors import (
    AtlasFormatError,
    AtlasValidationError,
    FootvizError,
    NotInAtlasError,
    UnknownNameError,
)
from .frame import ReferenceFoot
from .model import (
    ASPECTS,
    FEET,
    Condition,
    ConditionZones,
    Group,
    Organ,
    Unresolved,
    Zone,
    ZoneShape,
)
from .validate import Problem, ValidationReport, validate

__all__ = [
    "ASPECTS",
    "FEET",
    "Atlas",
    "AtlasFormatError",
    "AtlasValidationError",
    "Condition",
    "ConditionZones",
    "FootMap",
    "FootvizError",
    "Group",
    "NotInAtlasError",
    "Organ",
    "Problem",
    "ReferenceFoot",
    "UnknownNameError",
    "Unresolved",
    "ValidationReport",
    "Zone",
    "ZoneShape",
    "__version__",
    "draw_aspect_sheet",
    "draw_chart",
    "handout",
    "load_atlas",
    "plot",
    "validate",
]

# Drawing lives in modules that import matplotlib; load them only when asked for.
_LAZY = {
    "draw_chart": ("footviz.chart", "draw_chart"),
    "draw_aspect_sheet": ("footviz.sheet", "draw_aspect_sheet"),
    "FootMap": ("footviz.render", "FootMap"),
    "plot": ("footviz.render", "plot"),
    "handout": ("footviz.handout", "handout"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .chart import draw_chart
    from .handout import handout
    from .render import FootMap, plot
    from .sheet import draw_aspect_sheet


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'footviz' has no attribute {name!r}")
