"""Checking the arguments of hit-testing, and its two error classes.

Every check raises :class:`HitInputError` naming the parameter, the (shortened) value and
what is allowed; :class:`HitIndexError` is for geometry the index cannot take.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from numbers import Real

import numpy as np
import shapely

from ..atlas.model import check_choice
from ..errors import FootvizError
from .griddata import MAX_COORDINATE

__all__ = [
    "HitIndexError",
    "HitInputError",
    "as_coords",
    "check_geometry",
    "check_name",
    "check_real",
    "check_tolerance",
    "flat",
    "layout_panels",
    "name_array",
    "name_codes",
    "short",
]


class HitInputError(FootvizError, TypeError, ValueError):
    """Bad input to hit-testing: the message names the parameter, the value and what is allowed.

    It is a :class:`~footviz.FootvizError` and, for code written against older footviz
    versions, also a ``TypeError`` and a ``ValueError``.
    """


class HitIndexError(FootvizError, ValueError):
    """An atlas whose geometry cannot be indexed (non-finite or far too large coordinates)."""


def short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_real(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise HitInputError(f"{name} must be a real number of millimetres, got {short(value)}")
    return float(value)


def check_tolerance(value: object) -> float:
    tol = check_real("tolerance", value)
    if not (math.isfinite(tol) and tol >= 0.0):
        raise HitInputError(f"tolerance must be a finite number of mm >= 0, got {short(value)}")
    return tol


def as_coords(name: str, value: object) -> np.ndarray:
    """``value`` as a float64 array of coordinates, for the array-in, array-out functions.

    Parameters
    ----------
    name : str
        The parameter's name, for the error message.
    value : number, sequence or array
        int, unsigned or float numbers, in any shape (a scalar gives a 0-d array); an object
        array must hold real numbers only.  NaN and inf pass through (they hit nothing).

    Raises
    ------
    HitInputError
        For None, strings, booleans, complex numbers, ragged lists and the like.
    """
    if value is None or isinstance(value, (str, bytes)):
        raise HitInputError(f"{name} must be numbers (mm), got {short(value)}")
    try:
        arr = value if isinstance(value, np.ndarray) else np.asarray(value)
    except (TypeError, ValueError):  # ragged lists and the like
        raise HitInputError(
            f"{name} must be numbers or an array of numbers (mm), got {short(value)}"
        ) from None
    kind = arr.dtype.kind
    if kind in "iuf":
        return arr.astype(np.float64, copy=False)
    if kind == "O" and all(
        isinstance(v, Real) and not isinstance(v, bool) for v in arr.ravel().tolist()
    ):
        return arr.astype(np.float64)
    raise HitInputError(
        f"{name} must be an array of real numbers (int or float), got dtype {arr.dtype} "
        f"({short(arr.ravel()[:3])})"
    )


def flat(arr: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """``arr`` broadcast to ``shape``, as a contiguous 1-D array (no copy when it already is)."""
    if arr.shape != shape:
        arr = np.broadcast_to(arr, shape)
    return np.ascontiguousarray(arr).ravel()


def check_name(kind: str, value: object, allowed: tuple[str, ...]) -> str:
    """A checked foot or aspect name (did-you-mean for misspellings)."""
    if not isinstance(value, str):
        raise HitInputError(
            f"{kind} must be a name, one of {', '.join(map(repr, allowed))}; got {short(value)}"
        )
    return check_choice(kind, value, allowed)


def layout_panels(layout: object):
    panels = getattr(layout, "panels", None)
    if panels is None:
        raise HitInputError(
            f"layout must be a footviz.atlas.layout.Layout, got {short(type(layout).__name__)}"
        )
    return panels


def name_array(kind: str, value: object) -> np.ndarray | None:
    """None for a single name; else the names as an array (checked to hold strings only)."""
    if isinstance(value, str):
        return None
    if value is None or isinstance(value, (bytes, Real)):
        raise HitInputError(f"{kind} must be a name or an array of names, got {short(value)}")
    try:
        arr = np.asarray(value)
    except (TypeError, ValueError):
        raise HitInputError(
            f"{kind} must be a name or an array of names, got {short(value)}"
        ) from None
    if arr.dtype.kind == "U" or (
        arr.dtype.kind == "O" and all(isinstance(v, str) for v in arr.ravel().tolist())
    ):
        return arr
    raise HitInputError(
        f"{kind} must be a name or an array of names (strings), got dtype {arr.dtype} "
        f"({short(arr.ravel()[:3])})"
    )


def name_codes(arr: np.ndarray | None, scalar: object, shape) -> tuple[np.ndarray, list[str]]:
    """Codes per point and the names of a foot/aspect argument."""
    if arr is None:
        return np.zeros(int(np.prod(shape)), np.int64), [scalar]  # type: ignore[list-item]
    uniq, inv = np.unique(np.broadcast_to(arr, shape).ravel(), return_inverse=True)
    return inv.ravel(), [str(u) for u in uniq]


def check_geometry(shapes: Sequence) -> None:
    """Refuse NaN, infinite and far too large vertices of zone shapes, naming the zone."""
    if not shapes:
        return
    xy, which = shapely.get_coordinates([s.geometry for s in shapes], return_index=True)
    bad = ~np.isfinite(xy).all(axis=1) | (np.abs(xy) > MAX_COORDINATE).any(axis=1)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        s = shapes[int(which[k])]
        raise HitIndexError(
            f"zone {s.zone.id!r} ({s.foot} {s.aspect}) has a vertex at "
            f"{short(xy[k].tolist())}: hit-testing needs finite coordinates within "
            f"{MAX_COORDINATE:g} mm of the origin"
        )
