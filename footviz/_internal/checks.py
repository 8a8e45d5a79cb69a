"""One set of argument validators with one error policy, used by every public entry point.

Every check returns the value in a normal form (a ``float``, an id, a ``(w, h)`` tuple) or
raises a footviz error (:mod:`footviz.errors`) whose message

* names the parameter,
* shows the bad value, shortened when long (:func:`shorten`), and
* says what is allowed, with a did-you-mean for names.

Wrong types raise errors that are also ``TypeError`` (:class:`~footviz.errors.BadTypeError`,
:class:`~footviz.errors.NotANameError`); right type, bad value raise errors that are also
``ValueError`` (:class:`~footviz.errors.BadValueError`) or, for names, ``KeyError``
(:class:`~footviz.errors.UnknownNameError`).

No numpy, shapely or matplotlib at import: numpy scalars are recognised through
:mod:`numbers`, and matplotlib is imported only by the colour and colormap checks.
"""

from __future__ import annotations

import math
import numbers
import os
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import (
    BadTypeError,
    BadValueError,
    NotANameError,
    UnknownNameError,
    UnknownOptionError,
)

__all__ = [
    "MAX_DPI",
    "MAX_FIGSIZE",
    "MIN_DPI",
    "check_bool",
    "check_choice",
    "check_cmap",
    "check_colour",
    "check_dpi",
    "check_keywords",
    "check_mapping",
    "check_name",
    "check_names",
    "check_optional_str",
    "check_pair",
    "check_real",
    "check_source",
    "describe",
    "shorten",
    "suggest",
]

SHORT = 60  # characters of a bad value shown in a message
MIN_DPI, MAX_DPI = 10.0, 2400.0  # dots per inch (2400: a photo printer's finest)
MAX_FIGSIZE = 100.0  # inches per side (2.5 m); past it a figure is surely a mistake

_repr = reprlib.Repr()
_repr.maxstring = SHORT
_repr.maxother = SHORT
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 6
_repr.maxlevel = 3


def shorten(value: object, limit: int = SHORT) -> str:
    """``repr(value)`` cut to about ``limit`` characters with "…" (bounded work for huge
    strings, lists and dicts: a 100,000-character name is never echoed whole)."""
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return repr(value[:limit]) + f"… ({len(value):,} characters)"
    try:
        text = _repr.repr(value)
    except Exception:  # a broken __repr__ must not hide the real error
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: object) -> str:
    """The value for a message: its shortened repr, led by its type unless that is plain
    (``None``, ``True``, ``3.5``, ``'abc'``)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return shorten(value)
    text = shorten(value)
    name = type(value).__name__
    return text if name in text.split("(", 1)[0] else f"{name} {text}"


# ---------------------------------------------------------------------- names and choices
def suggest(value: str, allowed: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """The closest of ``allowed`` to ``value``, best first, spelled as in ``allowed``."""
    from .names import NameIndex

    index = NameIndex("", {a: () for a in allowed})
    found = (index.get(s) for s in index.suggest(value[:200], n=n))
    return tuple(dict.fromkeys(f for f in found if f is not None))


def check_name(
    parameter: str,
    value: object,
    index: Any,
    *,
    hint: str = "",
) -> str:
    """The id ``value`` stands for in ``index`` (a :class:`footviz._internal.names.NameIndex`).

    Raises
    ------
    NotANameError
        For anything but a ``str`` (``None``, numbers, lists ...).
    UnknownNameError
        For a string the index does not know, with the closest spellings.
    """
    if not isinstance(value, str):
        raise NotANameError(index.kind, value, index.ids, parameter)
    found = index.get(value)
    if found is None:
        raise UnknownNameError(index.kind, value, index.suggest(value), index.ids, hint=hint)
    return found


def check_choice(kind: str, value: object, allowed: Sequence[str], parameter: str = "") -> str:
    """``value`` if it is one of ``allowed`` (case and surrounding spaces ignored).

    ``kind`` says what the choices are ("foot", "aspect" ...); ``parameter`` defaults to it.
    """
    allowed = tuple(allowed)
    if isinstance(value, str):
        if value in allowed:
            return value
        folded = value.casefold().strip()
        if folded in allowed:
            return folded
        raise UnknownNameError(kind, value, suggest(value, allowed), allowed, parameter=parameter)
    raise NotANameError(kind, value, allowed, parameter or kind)


def check_names(parameter: str, value: object) -> list[str]:
    """A name or a non-empty sequence of names, as a list of ``str``."""
    allowed = "a name or a non-empty sequence of names (str)"
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(
        isinstance(v, str) for v in value
    ):
        raise BadTypeError(parameter, value, allowed)
    if not value:
        raise BadValueError(parameter, value, allowed)
    return sorted(value) if isinstance(value, (set, frozenset)) else list(value)


def check_optional_str(parameter: str, value: object) -> str | None:
    """``value`` if it is a ``str`` or ``None``."""
    if value is None or isinstance(value, str):
        return value
    raise BadTypeError(parameter, value, "a str or None")


def check_bool(parameter: str, value: object) -> bool:
    """``value`` as a ``bool``: ``True``/``False`` (or a numpy bool) only, not ``1`` or ``"no"``."""
    if isinstance(value, bool):
        return value
    if _is_numpy_bool(value):
        return bool(value)
    raise BadTypeError(parameter, value, "True or False")


def _is_numpy_bool(value: object) -> bool:
    kind = type(value)
    return kind.__module__ == "numpy" and kind.__name__ in ("bool_", "bool")


def check_mapping(parameter: str, value: object, what: str = "a mapping") -> Mapping[Any, Any]:
    """``value`` if it is a mapping (a dict ...)."""
    if isinstance(value, Mapping):
        return value
    raise BadTypeError(parameter, value, what)


def check_keywords(
    where: str, given: Iterable[str], allowed: Iterable[str], *, hint: str = ""
) -> None:
    """Refuse any keyword of ``given`` that is not in ``allowed``, with a did-you-mean.

    ``where`` names the function ("FootMap.draw") for the message.
    """
    allowed = tuple(dict.fromkeys(allowed))
    for key in given:
        if key not in allowed:
            raise UnknownOptionError(where, key, suggest(str(key), allowed), allowed, hint=hint)


# ---------------------------------------------------------------------- numbers
def _is_real(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return not _is_numpy_bool(value)


def _allowed_words(
    lo: float | None, hi: float | None, lo_open: bool, hi_open: bool, finite: bool, unit: str
) -> str:
    what = "a finite number" if finite else "a number"
    if lo is not None and hi is not None:
        what += f" from {lo:g}{' (excluded)' if lo_open else ''} to {hi:g}"
        what += " (excluded)" if hi_open else ""
    elif lo is not None:
        what += f" {'>' if lo_open else '>='} {lo:g}"
    elif hi is not None:
        what += f" {'<' if hi_open else '<='} {hi:g}"
    return what + (f" {unit}" if unit else "")


def check_real(
    parameter: str,
    value: object,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    finite: bool = True,
    unit: str = "",
) -> float:
    """``value`` as a ``float``: Python ``int``/``float`` and numpy integer/floating scalars.

    ``bool``, strings, arrays and ``None`` are refused (:class:`BadTypeError`); NaN always,
    infinities when ``finite`` and values outside ``low``..``high`` (open ends excluded) are
    refused with :class:`BadValueError`.  ``unit`` ends the "allowed" words ("mm", "inches").
    """
    allowed = _allowed_words(low, high, low_open, high_open, finite, unit)
    if not _is_real(value):
        raise BadTypeError(parameter, value, allowed)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (OverflowError, ValueError, TypeError):  # an int past 1e308, a broken Real
        raise BadValueError(parameter, value, allowed) from None
    if math.isnan(number) or (finite and math.isinf(number)):
        raise BadValueError(parameter, value, allowed)
    if low is not None and (number < low or (low_open and number == low)):
        raise BadValueError(parameter, value, allowed)
    if high is not None and (number > high or (high_open and number == high)):
        raise BadValueError(parameter, value, allowed)
    return number


def check_pair(
    parameter: str,
    value: object,
    *,
    low: float = 0.0,
    high: float = MAX_FIGSIZE,
    unit: str = "inches",
) -> tuple[float, float]:
    """A ``(width, height)`` pair: two finite numbers above ``low`` and at most ``high``."""
    allowed = f"(width, height): two finite numbers above {low:g} and at most {high:g} {unit}"
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise BadTypeError(parameter, value, allowed)
    try:
        items = list(value) if len(value) == 2 else None  # type: ignore[arg-type]
    except TypeError:  # an iterable without len (a generator)
        items = None
    if items is None:
        raise BadTypeError(parameter, value, allowed)
    out = []
    for item in items:
        if not _is_real(item):
            raise BadTypeError(parameter, value, allowed)
        number = float(item)
        if not (math.isfinite(number) and low < number <= high):
            raise BadValueError(parameter, value, allowed)
        out.append(number)
    return (out[0], out[1])


def check_dpi(parameter: str, value: object) -> float:
    """Dots per inch: a finite number from :data:`MIN_DPI` to :data:`MAX_DPI`."""
    return check_real(parameter, value, low=MIN_DPI, high=MAX_DPI, unit="dots per inch")


# ---------------------------------------------------------------------- files
def check_source(parameter: str, value: object) -> str | os.PathLike[str]:
    """A path: a ``str`` or an ``os.PathLike`` of ``str`` (not bytes, not ``None``), not empty
    and without NUL characters."""
    allowed = "a path (str or os.PathLike)"
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if not isinstance(path, str):
            raise BadTypeError(parameter, value, allowed)
    elif isinstance(value, str):
        path = value
    else:
        raise BadTypeError(parameter, value, allowed)
    if not path or "\x00" in path:
        raise BadValueError(parameter, value, "a non-empty path without NUL characters")
    return value


# ---------------------------------------------------------------------- colours
def check_colour(parameter: str, value: object) -> object:
    """A matplotlib colour: a name (``"red"``, ``"tab:blue"``), ``"#RRGGBB[AA]"``, a grey
    level string (``"0.5"``) or an RGB(A) tuple in 0..1.  Imports matplotlib."""
    from matplotlib import colors

    if isinstance(value, (str, tuple, list)) and _colour_like(colors, value):
        return value
    allowed = "a matplotlib colour (a name such as 'red', '#RRGGBB', or an RGB(A) tuple in 0..1)"
    if isinstance(value, str):
        names = sorted({*colors.CSS4_COLORS, *colors.TABLEAU_COLORS, *colors.BASE_COLORS})
        raise BadValueError(parameter, value, allowed, suggest(value, names))
    raise BadTypeError(parameter, value, allowed)


def _colour_like(colors: Any, value: object) -> bool:
    try:
        return bool(colors.is_color_like(value))
    except Exception:  # matplotlib raises assorted errors for odd sequences
        return False


def check_cmap(parameter: str, value: object) -> object:
    """A colormap: a registered name (did-you-mean on a typo) or a ``Colormap``."""
    import matplotlib as mpl
    from matplotlib.colors import Colormap

    if isinstance(value, Colormap):
        return value
    names = tuple(sorted(mpl.colormaps))
    if isinstance(value, str):
        if value in mpl.colormaps:
            return value
        hint = f"({parameter} takes a matplotlib colormap name or a Colormap.)"
        raise UnknownNameError("colormap", value, suggest(value, names), names, hint=hint)
    raise NotANameError("colormap", value, names, parameter)
