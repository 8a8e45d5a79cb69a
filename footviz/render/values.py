"""Values per zone for heat maps: keyed by zone id, organ or ``"zone/foot"``; numeric or status."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Real

from ..atlas import Atlas
from ..errors import FootvizError, UnknownNameError
from .style import EXTRA_STATUS_COLOURS, STATUS_COLOURS

__all__ = ["ZoneValues", "resolve_values"]

Key = tuple[str, str, str]


@dataclass(frozen=True)
class ZoneValues:
    """Resolved values: one per zone shape that has data.

    Attributes
    ----------
    values : dict of (zone, foot, aspect) to float or str
    categorical : bool
        True when the values are status names (``"worse"``, ``"same"``, ``"better"``).
    categories : tuple of str
        Status names in legend order (categorical only).
    colours : dict of str to colour
        Colour of each status (categorical only).
    """

    values: dict[Key, float | str]
    categorical: bool = False
    categories: tuple[str, ...] = ()
    colours: dict[str, str] | None = None

    def get(self, key: Key) -> float | str | None:
        return self.values.get(key)


def _is_missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def _keys_for(atlas: Atlas, name: object) -> tuple[int, frozenset[Key]]:
    """(precedence, shape keys) for a values key: zone/foot beats zone beats organ."""
    from .selection import shape_keys

    if not isinstance(name, str):
        raise UnknownNameError("zone or organ", name)
    if "/" in name and name.split("/")[0] in atlas:
        return 0, shape_keys(atlas, name)
    kind, found = atlas.resolve_name(name, ("zone", "organ"))
    if kind == "zone":
        return 1, frozenset(s.key for s in atlas.shapes() if s.zone.id == found)
    return 2, frozenset(s.key for s in atlas.shapes(organ=found))


def resolve_values(
    atlas: Atlas,
    values: Mapping[str, object],
    *,
    categories: Sequence[str] | None = None,
    status_colours: Mapping[str, str] | None = None,
) -> ZoneValues:
    """Resolve ``values`` to one value per zone shape.

    Keys may be zone ids or names, organ names (every zone of the organ gets the value) or
    ``"zone/foot"``; the more specific key wins whatever the order of the mapping.  Values are
    numbers (a heat map) or status strings (a categorical map); ``None`` or NaN mean "no data".

    Raises
    ------
    UnknownNameError
        For a key that names no zone or organ (with suggestions).
    FootvizError
        For values of mixed kinds, or two equally specific keys giving one zone different values.
    """
    if not isinstance(values, Mapping):
        raise FootvizError(
            f"values must be a mapping of zone or organ name to value, got {type(values).__name__}"
        )
    best: dict[Key, tuple[int, str, object]] = {}
    kinds: set[str] = set()
    for name in sorted(values, key=str):
        value = values[name]
        if _is_missing(value):
            value = None
        elif isinstance(value, str):
            kinds.add("status")
        elif isinstance(value, Real) and not isinstance(value, bool):
            if not math.isfinite(float(value)):
                raise FootvizError(f"value of {name!r} must be finite or None, got {value!r}")
            kinds.add("number")
            value = float(value)
        else:
            raise FootvizError(
                f"value of {name!r} must be a number, a status string or None, got {value!r}"
            )
        rank, keys = _keys_for(atlas, name)
        for key in keys:
            old = best.get(key)
            if old is None or rank < old[0]:
                best[key] = (rank, name, value)
            elif rank == old[0] and old[2] != value:
                raise FootvizError(
                    f"zone {'/'.join(key)} gets two values: {old[1]!r}={old[2]!r} and "
                    f"{name!r}={value!r}; key it by zone id (or 'zone/foot') to choose"
                )
    if len(kinds) > 1:
        raise FootvizError("values must be all numbers or all status strings, not a mix")
    resolved = {k: v for k, (_, _, v) in best.items() if v is not None}
    if "status" not in kinds:
        return ZoneValues(resolved)  # type: ignore[arg-type]
    present = sorted(set(resolved.values()), key=str)
    if categories is None:
        known = [c for c in STATUS_COLOURS if c in present]
        cats = tuple(known + [c for c in present if c not in known])
    else:
        cats = tuple(categories)
        extra = [c for c in present if c not in cats]
        if extra:
            raise UnknownNameError("status", extra[0], (), cats)
    colours: dict[str, str] = {}
    spare = iter(EXTRA_STATUS_COLOURS)
    for c in cats:
        if status_colours and c in status_colours:
            colours[c] = status_colours[c]
        elif c in STATUS_COLOURS:
            colours[c] = STATUS_COLOURS[c]
        else:
            colours[c] = next(spare, "#000000")
    return ZoneValues(resolved, True, cats, colours)  # type: ignore[arg-type]
