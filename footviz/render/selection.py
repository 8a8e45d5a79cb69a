"""Highlight sets: which zone shapes a highlight request names, and in which colour."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..atlas import Atlas
from ..atlas.model import ZoneShape, check_choice
from ..atlas.vocabulary import ASPECTS, FEET
from .style import HIGHLIGHT_COLOURS

__all__ = ["HighlightSet", "resolve_highlight"]


@dataclass(frozen=True)
class HighlightSet:
    """A named set of zone shapes drawn in one strong colour.

    Attributes
    ----------
    name : str
        Shown in the legend.
    colour : str
        Fill and outline colour of the set.
    keys : frozenset of (zone id, foot, aspect)
        The zone shapes of the set.
    index : int
        Position of the set (picks the hatch in greyscale mode; the first set wins the fill
        of a zone that is in several sets).
    """

    name: str
    colour: str
    keys: frozenset[tuple[str, str, str]]
    index: int = 0
    named: bool = False  # True when the caller named the set (kept verbatim in legends)

    def __contains__(self, shape: object) -> bool:
        key = shape.key if isinstance(shape, ZoneShape) else shape
        return key in self.keys


Spec = str | ZoneShape | Iterable[str | ZoneShape]


def shape_keys(atlas: Atlas, spec: Spec) -> frozenset[tuple[str, str, str]]:
    """The ``(zone, foot, aspect)`` keys a name (or several) stands for; strict."""
    if isinstance(spec, ZoneShape):
        return frozenset({spec.key})
    if isinstance(spec, str):
        if spec.count("/") in (1, 2) and spec.split("/")[0] in atlas:
            # "kidney/left" or "kidney/left/plantar": one foot's shape of a zone
            parts = spec.split("/")
            check_choice("foot", parts[1], FEET)
            if len(parts) == 3:
                check_choice("aspect", parts[2], ASPECTS)
            zone_id = atlas.zone(parts[0]).id  # the zone itself, not every zone of its organ
            return frozenset(
                s.key
                for s in atlas.shapes(parts[1], parts[2] if len(parts) == 3 else None)
                if s.zone.id == zone_id
            )
        return frozenset(s.key for s in atlas.lookup(spec))
    if not isinstance(spec, Iterable) or isinstance(spec, (bytes, Mapping)):
        raise TypeError(
            "highlight takes a zone, organ, group or condition name, a ZoneShape, a list of "
            f"those, or a mapping of set name to those; got {spec!r}"
        )
    out: set[tuple[str, str, str]] = set()
    for item in spec:
        out |= shape_keys(atlas, item)
    return frozenset(out)


def _name(spec: Spec) -> str:
    if isinstance(spec, ZoneShape):
        return spec.zone.id
    if isinstance(spec, str):
        return spec
    if not isinstance(spec, Iterable):
        return repr(spec)  # shape_keys() rejects it with a clear message
    return ", ".join(_name(s) for s in spec)


def resolve_highlight(
    atlas: Atlas,
    highlight: Spec | Mapping[str, Spec] | None,
    colours: str | Sequence[str] | Mapping[str, str] | None = None,
) -> tuple[HighlightSet, ...]:
    """Turn a highlight request into highlight sets.

    Parameters
    ----------
    atlas : Atlas
    highlight : str, ZoneShape, sequence of them, or mapping of set name to any of those
        Names may be zone ids, organs, groups or conditions (``"migraine"``) in any language,
        or ``"zone/foot"`` for one foot.  A mapping gives several sets, each in its own colour.
    colours : colour, sequence of colours or mapping of set name to colour, optional
        Defaults to the colour-blind-safe :data:`footviz.render.style.HIGHLIGHT_COLOURS`.

    Raises
    ------
    UnknownNameError
        For a name the atlas does not know (with suggestions).
    """
    if highlight is None:
        return ()
    named = isinstance(highlight, Mapping)
    if isinstance(highlight, Mapping):
        items = [(str(k), v) for k, v in highlight.items()]
    else:
        items = [(_name(highlight), highlight)]
    if isinstance(colours, str):
        colours = [colours]
    sets = []
    for i, (name, spec) in enumerate(items):
        if isinstance(colours, Mapping):
            colour = colours.get(name, HIGHLIGHT_COLOURS[i % len(HIGHLIGHT_COLOURS)])
        elif colours:
            colour = colours[i % len(colours)]
        else:
            colour = HIGHLIGHT_COLOURS[i % len(HIGHLIGHT_COLOURS)]
        sets.append(HighlightSet(name, colour, shape_keys(atlas, spec), i, named))
    return tuple(sets)
