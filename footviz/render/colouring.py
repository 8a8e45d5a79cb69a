"""Zone colours of a drawing: body systems, highlight sets, or values through a norm.

A :class:`Colouring` says how each foot's zones collection is filled: fixed face colours, or
an array of values with a colormap and a norm (given to the collection with ``set_array``,
``set_cmap`` and ``set_norm``).  Worked out once per drawing, before any artist is made.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..atlas.model import ZoneShape
from ..errors import FootvizError
from .selection import HighlightSet
from .style import (
    DEFAULT_CMAP,
    EDGE_COLOUR,
    FALLBACK_COLOUR,
    GREY_BASE,
    GREY_CMAP,
    GREY_FILLS,
    MUTED_AMOUNT,
    MUTED_EDGE_COLOUR,
    NO_DATA_FACE,
    SYSTEM_COLOURS,
    lighten,
    muted,
)
from .values import ZoneValues

__all__ = ["Colouring", "base_colour", "colour_zones"]


@dataclass
class Colouring:
    """How each foot's zones are filled and edged (lists in the order of its shapes)."""

    edges: dict[str, list[str]] = field(default_factory=dict)
    linewidths: dict[str, list[float]] = field(default_factory=dict)  # edge widths, if not 0.6
    facecolors: dict[str, list[str]] = field(default_factory=dict)  # fixed fills, or
    arrays: dict[str, np.ndarray] = field(default_factory=dict)  # values for the norm
    norm: Any = None
    cmap: Any = None
    user_norm: bool = False  # the caller's norm: its limits are left as given

    @property
    def mapped(self) -> bool:
        """True when the fills come from values through a colormap."""
        return self.norm is not None


def base_colour(s: ZoneShape, sets: Sequence[HighlightSet], greyscale: bool) -> str:
    """The fill of a zone shape on a map of body systems, highlighted or not."""
    system = SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR)
    if not sets:
        return GREY_BASE if greyscale else lighten(system, 0.35)
    for hs in sets:
        if s.key in hs.keys:
            return GREY_FILLS[hs.index % len(GREY_FILLS)] if greyscale else hs.colour
    return GREY_BASE if greyscale else muted(system, MUTED_AMOUNT)


def colour_zones(
    shapes: Mapping[str, Sequence[ZoneShape]],
    *,
    sets: Sequence[HighlightSet] = (),
    values: ZoneValues | None = None,
    greyscale: bool = False,
    cmap: Any = None,
    vmin: float | None = None,
    vmax: float | None = None,
    norm: Any = None,
) -> Colouring:
    """The :class:`Colouring` of ``shapes`` (by foot, in drawing order).

    Parameters
    ----------
    norm : matplotlib.colors.Normalize, optional
        Maps numeric values to the colormap (``LogNorm``, ``BoundaryNorm``, ``TwoSlopeNorm``
        ...); limits it leaves unset come from the data.  Not with ``vmin``/``vmax`` (give
        them to the norm), nor with status values or without values.

    Raises
    ------
    FootvizError
        For a ``norm`` that is not a ``Normalize``, one given with ``vmin``/``vmax``, without
        numeric values, or one that maps a zone's value to no colour (a ``LogNorm`` and a
        value <= 0).
    """
    out = Colouring()
    muted_map = bool(sets) and values is None
    for f, ss in shapes.items():
        out.edges[f] = [
            EDGE_COLOUR
            if (not muted_map or any(s.key in hs.keys for hs in sets))
            else MUTED_EDGE_COLOUR
            for s in ss
        ]
    if norm is not None:
        _check_norm(norm, values, vmin, vmax)
    if values is None:
        out.facecolors = {
            f: [base_colour(s, sets, greyscale) for s in ss] for f, ss in shapes.items()
        }
        return out
    if values.categorical:
        _categorical(out, shapes, values)
    else:
        _numeric(out, shapes, values, greyscale, cmap, vmin, vmax, norm)
    out.cmap = out.cmap.with_extremes(bad=NO_DATA_FACE)
    return out


def _check_norm(norm: Any, values: ZoneValues | None, vmin, vmax) -> None:
    from matplotlib.colors import Normalize

    if not isinstance(norm, Normalize):
        raise FootvizError(
            f"norm must be a matplotlib.colors.Normalize (LogNorm, BoundaryNorm, "
            f"TwoSlopeNorm ...), got {type(norm).__name__}"
        )
    if values is None or values.categorical:
        raise FootvizError(
            "norm applies to numeric values= only"
            + ("" if values is None else "; status values take status_colours=")
        )
    if vmin is not None or vmax is not None:
        raise FootvizError("give norm= or vmin=/vmax=, not both: set the limits on the norm")


def _categorical(out: Colouring, shapes, values: ZoneValues) -> None:
    from matplotlib.colors import ListedColormap, Normalize

    index = {c: i for i, c in enumerate(values.categories)}
    out.cmap = ListedColormap([values.colours[c] for c in values.categories], name="status")
    out.norm = Normalize(-0.5, len(values.categories) - 0.5)
    for f, ss in shapes.items():
        out.arrays[f] = np.array(
            [index[v] if (v := values.get(s.key)) is not None else np.nan for s in ss],
            dtype=float,
        )


def _numeric(out: Colouring, shapes, values: ZoneValues, greyscale, cmap, vmin, vmax, norm):
    import matplotlib as mpl
    from matplotlib.colors import Normalize

    name = cmap if cmap is not None else (GREY_CMAP if greyscale else DEFAULT_CMAP)
    out.cmap = mpl.colormaps[name] if isinstance(name, str) else name
    for f, ss in shapes.items():
        out.arrays[f] = np.array(
            [v if (v := values.get(s.key)) is not None else np.nan for s in ss], dtype=float
        )
    data = [float(v) for v in values.values.values()]
    if norm is not None:
        if data:
            norm.autoscale_None(np.array(data))
        _check_mapped(norm, values)
        if norm.vmin is not None and norm.vmax is not None and not norm.vmin < norm.vmax:
            raise FootvizError(
                f"norm {type(norm).__name__} has vmin {norm.vmin!r} >= vmax {norm.vmax!r}: "
                f"every zone would get one colour"
            )
        out.norm, out.user_norm = norm, True
        return
    lo = vmin if vmin is not None else (min(data) if data else 0.0)
    hi = vmax if vmax is not None else (max(data) if data else 1.0)
    if hi <= lo:
        if vmin is not None and vmax is not None:
            raise FootvizError(f"vmax must be greater than vmin, got {vmin!r}..{vmax!r}")
        hi = lo + 1.0
    out.norm = Normalize(lo, hi)


def _check_mapped(norm: Any, values: ZoneValues) -> None:
    """Every value must get a colour: a value the norm masks would read as "no data"."""
    log = getattr(getattr(norm, "_scale", None), "name", "") == "log"
    for key in sorted(values.values):
        v = float(values.values[key])
        if log and v <= 0:
            raise FootvizError(
                f"norm {type(norm).__name__} gives zone {'/'.join(key)} (value {v!r}) no "
                f"colour: a logarithmic norm takes values > 0 only"
            )
        with np.errstate(all="ignore"):
            try:
                mapped = np.ma.masked_invalid(np.ma.atleast_1d(norm(v)))
            except ValueError as err:  # e.g. a LogNorm without valid limits
                raise FootvizError(
                    f"norm {type(norm).__name__} cannot map value {v!r}: {err}"
                ) from None
        if np.ma.is_masked(mapped):
            raise FootvizError(
                f"norm {type(norm).__name__} gives zone {'/'.join(key)} (value {v!r}) no "
                f"colour; a LogNorm takes values > 0 only"
            )
