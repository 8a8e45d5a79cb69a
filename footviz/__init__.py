"""footviz: foot reflexology maps and "which reflex zone is under this point?".

The core (atlas, lookups, validation, hit-testing) needs only numpy and shapely and loads on
first use; drawing functions import matplotlib on first use.  ``import footviz`` stays light.

>>> import footviz
>>> atlas = footviz.load_atlas()
>>> [s.id for s in atlas.organ_zones("heart")]
['heart/left/plantar']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    AtlasFormatError,
    AtlasValidationError,
    FootvizError,
    NotInAtlasError,
    UnknownNameError,
)

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
    "hit_frame",
    "load_atlas",
    "plot",
    "validate",
]

# Everything else loads on first use: the core needs numpy and shapely (most of the import
# time), drawing needs matplotlib.  ``import footviz`` itself stays a few milliseconds.
_LAZY = {
    "Atlas": ("footviz.atlas", "Atlas"),
    "load_atlas": ("footviz.atlas", "load_atlas"),
    "ReferenceFoot": ("footviz.frame", "ReferenceFoot"),
    "ASPECTS": ("footviz.model", "ASPECTS"),
    "FEET": ("footviz.model", "FEET"),
    "Condition": ("footviz.model", "Condition"),
    "ConditionZones": ("footviz.model", "ConditionZones"),
    "Group": ("footviz.model", "Group"),
    "Organ": ("footviz.model", "Organ"),
    "Unresolved": ("footviz.model", "Unresolved"),
    "Zone": ("footviz.model", "Zone"),
    "ZoneShape": ("footviz.model", "ZoneShape"),
    "Problem": ("footviz.validation", "Problem"),
    "ValidationReport": ("footviz.validation", "ValidationReport"),
    "validate": ("footviz.validation", "validate"),
    "draw_chart": ("footviz.chart", "draw_chart"),
    "draw_aspect_sheet": ("footviz.sheet", "draw_aspect_sheet"),
    "FootMap": ("footviz.render", "FootMap"),
    "plot": ("footviz.render", "plot"),
    "handout": ("footviz.handout", "handout"),
    "hit_frame": ("footviz.dataframes", "hit_frame"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .atlas import Atlas, load_atlas
    from .chart import draw_chart
    from .dataframes import hit_frame
    from .frame import ReferenceFoot
    from .handout import handout
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
    from .render import FootMap, plot
    from .sheet import draw_aspect_sheet
    from .validation import Problem, ValidationReport, validate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'footviz' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
