"""The option checks :class:`~footviz.render.FootMap` and :func:`~footviz.render.plot` run
once, before drawing, so a bad option is refused by name and never fails inside matplotlib.

Every check goes through :mod:`footviz._internal.checks` (one error policy: the option's name,
the bad value shortened, what is allowed, did-you-mean for names).  ``norm=`` is the
renderer's to check.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from .._internal.checks import (
    check_bool,
    check_cmap,
    check_colour,
    check_keywords,
    check_mapping,
    check_optional_str,
    check_pair,
    check_real,
    shorten,
)
from ..errors import BadTypeError, BadValueError

__all__ = [
    "MAX_FONTSIZE",
    "MAX_VALUE",
    "check_draw_options",
    "check_map_options",
    "check_save_options",
    "check_technique_option",
    "zone_keywords",
]

MAX_VALUE = 1e300  # |value|, |vmin|, |vmax| of a heat map: past it colour scaling overflows
MIN_FONTSIZE, MAX_FONTSIZE = 1.0, 72.0  # points
# PathCollection properties the map sets itself (paths, placement, the value array)
_STRUCTURAL = frozenset(
    {"paths", "offsets", "offset_transform", "transOffset", "transform", "figure", "axes"}
    | {"array", "clim", "data", "sizes", "animated", "picker", "mouseover", "in_layout"}
)
_COLOUR_KEYS = frozenset(
    {"color", "colors", "facecolor", "facecolors", "fc", "edgecolor", "edgecolors", "ec"}
)
_WIDTH_KEYS = frozenset({"linewidth", "linewidths", "lw"})


def check_map_options(
    *,
    atlas: object = None,
    feet: object = "both",
    greyscale: object = False,
    figsize: object = None,
    fontsize: object = 7.0,
) -> tuple[float, float] | None:
    """Check the options of :class:`FootMap` that its own choice checks don't cover;
    return ``figsize`` as a ``(width, height)`` tuple of floats (or None)."""
    from ..atlas import Atlas

    if atlas is not None and not isinstance(atlas, Atlas):
        raise BadTypeError("atlas", atlas, "a footviz Atlas (footviz.load_atlas()) or None")
    if not isinstance(feet, (str, list, tuple)):
        raise BadTypeError("feet", feet, "'both', 'left', 'right' or a sequence of feet")
    check_bool("greyscale", greyscale)
    check_real("fontsize", fontsize, low=MIN_FONTSIZE, high=MAX_FONTSIZE, unit="points")
    return None if figsize is None else check_pair("figsize", figsize)


def check_draw_options(
    ax: object,
    kwargs: Mapping[str, Any],
    *,
    highlight: object = None,
    highlight_colours: object = None,
    values: object = None,
    cmap: object = None,
    vmin: object = None,
    vmax: object = None,
    categories: object = None,
    status_colours: object = None,
    labels: object = True,
    numbered: object = False,
    legend: object = True,
    colorbar: object = True,
    title: object = None,
    value_label: object = None,
) -> None:
    """Check the options of :meth:`FootMap.draw` (and so of :func:`plot`) before drawing.

    ``kwargs`` are the extra keywords for each foot's zone ``PathCollection``: unknown ones
    are refused with a did-you-mean; colours, widths and ``alpha`` are checked.
    """
    _check_ax(ax)
    _check_highlight(highlight)
    _check_colours("highlight_colours", highlight_colours)
    if status_colours is not None:
        for status, colour in check_mapping(
            "status_colours", status_colours, "a mapping of status name to colour"
        ).items():
            check_colour(f"status_colours[{status!r}]", colour)
    if cmap is not None:
        check_cmap("cmap", cmap)
    limits = [
        check_real(name, v, low=-MAX_VALUE, high=MAX_VALUE)
        for name, v in (("vmin", vmin), ("vmax", vmax))
        if v is not None
    ]
    if len(limits) == 2 and not limits[1] > limits[0]:
        raise BadValueError("vmax", vmax, f"greater than vmin ({vmin!r})")
    if values is not None:
        _check_values(values)
    if categories is not None and (
        isinstance(categories, (str, bytes))
        or not isinstance(categories, Sequence)
        or not all(isinstance(c, str) for c in categories)
    ):
        raise BadTypeError("categories", categories, "a sequence of status names (str)")
    _check_labels(labels)
    for name, flag in (("numbered", numbered), ("legend", legend), ("colorbar", colorbar)):
        check_bool(name, flag)
    check_optional_str("title", title)
    check_optional_str("value_label", value_label)
    _check_zone_kwargs(kwargs)


def check_save_options(kwargs: Mapping[str, Any]) -> None:
    """Check ``dpi`` (and ``format``) of a ``savefig`` call before matplotlib sees them."""
    from .._internal.checks import check_dpi

    dpi = kwargs.get("dpi")
    if dpi is not None and not (isinstance(dpi, str) and dpi == "figure"):
        check_dpi("dpi", dpi)
    if "format" in kwargs and kwargs["format"] is not None:
        check_optional_str("format", kwargs["format"])


# ---------------------------------------------------------------------- pieces
def _check_ax(ax: object) -> None:
    if ax is None:
        return
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        raise BadTypeError("ax", ax, "a matplotlib Axes or None (a new figure)")


_HIGHLIGHT = (
    "a zone, organ, group or condition name, a ZoneShape, a list of those, "
    "or a mapping of set name to those"
)


def _check_highlight(highlight: object) -> None:
    if isinstance(highlight, Mapping):
        for name, spec in highlight.items():
            if not isinstance(name, str):
                raise BadTypeError("highlight", highlight, _HIGHLIGHT + " (set names are str)")
            _check_spec(highlight, spec, 0)
    elif highlight is not None:
        _check_spec(highlight, highlight, 0)


def _check_spec(whole: object, spec: object, depth: int) -> None:
    from ..atlas.model import ZoneShape

    if isinstance(spec, (str, ZoneShape)):
        return
    if depth < 3 and isinstance(spec, (list, tuple, set, frozenset)):
        for item in spec:
            _check_spec(whole, item, depth + 1)
        return
    if (
        depth < 3
        and isinstance(spec, Iterable)
        and not isinstance(spec, (bytes, bytearray, Mapping))
        and not hasattr(spec, "dtype")
    ):
        return  # an iterator: resolve_highlight reads it once and checks each name
    if hasattr(spec, "dtype") and getattr(spec.dtype, "kind", "") == "U":
        return  # a numpy array of names
    raise BadTypeError("highlight", whole, _HIGHLIGHT)


def _check_colours(name: str, colours: object) -> None:
    if colours is None or isinstance(colours, str):
        if colours is not None:
            check_colour(name, colours)
        return
    if isinstance(colours, Mapping):
        for key, colour in colours.items():
            check_colour(f"{name}[{key!r}]", colour)
        return
    if isinstance(colours, (list, tuple)):
        if not colours:
            raise BadValueError(name, colours, "a colour, a non-empty sequence or a mapping")
        if isinstance(colours, tuple) and _is_rgb(colours):
            check_colour(name, colours)
            return
        for i, colour in enumerate(colours):
            check_colour(f"{name}[{i}]", colour)
        return
    raise BadTypeError(name, colours, "a colour, a sequence of colours or a mapping to colours")


def _is_rgb(value: tuple[Any, ...]) -> bool:
    return len(value) in (3, 4) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )


def _check_values(values: object) -> None:
    import math

    mapping = check_mapping(
        "values", values, "a mapping of zone or organ name to a number, a status or None"
    )
    for key, value in mapping.items():
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, float) and math.isnan(value):
            continue  # NaN means "no data", as None does
        name = f"values[{shorten(key)}]"
        check_real(name, value, low=-MAX_VALUE, high=MAX_VALUE)


def _check_labels(labels: object) -> None:
    if isinstance(labels, bool) or labels is None or isinstance(labels, str):
        return
    allowed = "True, False, 'highlighted', a name or a sequence of names"
    if isinstance(labels, (bytes, Mapping)) or not isinstance(labels, Iterable):
        raise BadTypeError("labels", labels, allowed)
    if isinstance(labels, (list, tuple, set, frozenset)):
        for name in labels:
            if not isinstance(name, str):
                raise BadTypeError("labels", labels, allowed)
        return
    raise BadTypeError("labels", labels, allowed)


@cache
def zone_keywords() -> tuple[str, ...]:
    """The keywords :meth:`FootMap.draw` passes on to each foot's zone ``PathCollection``:
    its properties and their aliases, less the ones the map sets itself."""
    from matplotlib.artist import ArtistInspector
    from matplotlib.collections import Collection, PathCollection

    inspector = ArtistInspector(PathCollection)
    names = set(inspector.get_setters())
    for aliases in inspector.aliasd.values():
        names.update(aliases)
    names.update(p for p in inspect.signature(Collection.__init__).parameters if p != "self")
    names.discard("kwargs")
    return tuple(sorted(names - _STRUCTURAL))


def _check_zone_kwargs(kwargs: Mapping[str, Any]) -> None:
    from .footmap import FootMap

    draw_options = [p for p in inspect.signature(FootMap.draw).parameters if p != "self"]
    allowed = zone_keywords()
    for key in kwargs:
        if key not in allowed:
            check_keywords(
                "FootMap.draw",
                [key],
                [*draw_options, *allowed],
                hint="Extra keywords go to each foot's zones (a matplotlib PathCollection).",
            )
    for key, value in kwargs.items():
        if key in _COLOUR_KEYS:
            if isinstance(value, Mapping):
                raise BadTypeError(key, value, "a colour or a sequence of colours")
            _check_colours(key, value)
        elif key in _WIDTH_KEYS:
            widths = value if isinstance(value, (list, tuple)) else [value]
            for width in widths:
                check_real(key, width, low=0.0, high=100.0, unit="points")
        elif key == "alpha" and value is not None:
            check_real("alpha", value, low=0.0, high=1.0)
        elif key == "zorder":
            check_real("zorder", value)
        elif key == "hatch":
            check_optional_str("hatch", value)


def check_technique_option(atlas: Any, technique: object, step: object = None) -> Any:
    """The :class:`~footviz.render.strokes.StrokeSelection` of ``technique=`` (a name, with
    did-you-mean, or a Technique) and ``step=`` (None for every step, or a step number),
    or None when ``technique`` is None."""
    from ..atlas.techniques import Technique
    from .strokes import StrokeSelection

    if technique is None:
        if step is not None:
            raise BadValueError("step", step, "None when no technique= is given")
        return None
    if isinstance(technique, Technique):
        tech = technique
    elif isinstance(technique, str):
        tech = atlas.technique(technique)  # UnknownNameError with close spellings
    else:
        raise BadTypeError(
            "technique", technique, "a technique name ('heel-spur' ...), a Technique or None"
        )
    if step is None:
        return StrokeSelection(tech)
    numbers = [s.number for s in tech.steps]
    allowed = f"None or a step number of {tech.id!r} ({numbers[0]} to {numbers[-1]})"
    if isinstance(step, bool) or not isinstance(step, int):
        raise BadTypeError("step", step, allowed)
    if step not in numbers:
        raise BadValueError("step", step, allowed)
    return StrokeSelection(tech, int(step))
