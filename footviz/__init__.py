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

from . import _moved
from ._version import __version__
from .errors import (
    AtlasFormatError,
    AtlasValidationError,
    BadTypeError,
    BadValueError,
    FootvizError,
    MissingExtraError,
    NotANameError,
    NotInAtlasError,
    TouchLogError,
    UnknownNameError,
    UnknownOptionError,
)

_moved.install()  # old module paths (footviz.atlas.model, footviz.hit.index, ...) keep working

__all__ = [
    "ASPECTS",
    "FEET",
    "Atlas",
    "AtlasFormatError",
    "AtlasValidationError",
    "BadTypeError",
    "BadValueError",
    "Condition",
    "ConditionZones",
    "Correspondence",
    "FootMap",
    "FootvizError",
    "Group",
    "MissingExtraError",
    "NotANameError",
    "NotInAtlasError",
    "Organ",
    "Problem",
    "ReferenceFoot",
    "Technique",
    "TouchLogError",
    "UnknownNameError",
    "UnknownOptionError",
    "Unresolved",
    "ValidationReport",
    "Zone",
    "ZoneShape",
    "__version__",
    "correspond",
    "draw_aspect_sheet",
    "draw_chart",
    "handout",
    "hit_frame",
    "load_atlas",
    "plot",
    "plot_technique",
    "technique",
    "techniques",
    "validate",
]

# Everything else loads on first use: the core needs numpy and shapely (most of the import
# time), drawing needs matplotlib.  ``import footviz`` itself stays a few milliseconds.
_LAZY = {
    "Atlas": ("footviz.atlas.core", "Atlas"),
    "load_atlas": ("footviz.atlas.core", "load_atlas"),
    "ReferenceFoot": ("footviz.atlas.frame", "ReferenceFoot"),
    "ASPECTS": ("footviz.atlas.vocabulary", "ASPECTS"),
    "FEET": ("footviz.atlas.vocabulary", "FEET"),
    "Condition": ("footviz.atlas.model", "Condition"),
    "ConditionZones": ("footviz.atlas.answers", "ConditionZones"),
    "Group": ("footviz.atlas.model", "Group"),
    "Organ": ("footviz.atlas.model", "Organ"),
    "Unresolved": ("footviz.atlas.answers", "Unresolved"),
    "Zone": ("footviz.atlas.model", "Zone"),
    "ZoneShape": ("footviz.atlas.model", "ZoneShape"),
    "Problem": ("footviz.atlas.validation", "Problem"),
    "ValidationReport": ("footviz.atlas.validation", "ValidationReport"),
    "validate": ("footviz.atlas.validation", "validate"),
    "correspond": ("footviz.atlas.correspondence", "correspond"),
    "Correspondence": ("footviz.atlas.correspondence", "Correspondence"),
    "draw_chart": ("footviz.render.chart", "draw_chart"),
    "draw_aspect_sheet": ("footviz.render.sheet", "draw_aspect_sheet"),
    "FootMap": ("footviz.render", "FootMap"),
    "plot": ("footviz.render", "plot"),
    "plot_technique": ("footviz.render.technique", "plot_technique"),
    "handout": ("footviz.handouts", "handout"),
    "hit_frame": ("footviz.hit.dataframes", "hit_frame"),
    "Technique": ("footviz.atlas.techniques", "Technique"),
    "technique": ("footviz.atlas.techniques", "technique"),
    "techniques": ("footviz.atlas.techniques", "techniques"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .atlas.answers import ConditionZones, Unresolved
    from .atlas.core import Atlas, load_atlas
    from .atlas.frame import ReferenceFoot
    from .atlas.model import Condition, Group, Organ, Zone, ZoneShape
    from .atlas.techniques import Technique, technique, techniques
    from .atlas.validation import Problem, ValidationReport, validate
    from .atlas.vocabulary import ASPECTS, FEET
    from .handouts import handout
    from .hit.dataframes import hit_frame
    from .render import FootMap, plot
    from .render.chart import draw_chart
    from .render.sheet import draw_aspect_sheet
    from .render.technique import plot_technique


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        if module != "footviz.atlas.vocabulary":
            # shapely (and numpy) first, from here: imported from deep inside the chain of
            # footviz's own imports, numpy's import runs some 40 frames deep, where CPython
            # 3.11 crosses the edge of a 16 KiB frame-stack chunk hundreds of times (one mmap
            # and munmap each) -- a slower start-up (issue 14)
            importlib.import_module("shapely")
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'footviz' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
