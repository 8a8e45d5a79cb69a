"""The zone renderer: what is drawn on each foot panel, one layer at a time.

Every drawing of zones (:class:`~footviz.render.FootMap` and so :func:`footviz.draw_chart`,
the four-side sheet :func:`footviz.draw_aspect_sheet` and the map of a
:func:`footviz.handout` page) builds one :class:`DrawContext`
and calls :func:`draw_layers`, which runs the layers of :data:`LAYERS` in order.  A layer is
any object with a ``name`` and a ``draw(ctx) -> {key: artist}`` method; :class:`PanelLayer`
makes one from a small function ``fn(ctx, panel) -> artist | {key: artist} | None`` run once
per foot panel.  Each function builds one artist (a collection, or one patch of the foot
outline) in foot-frame millimetres, placed by the panel's transform, and adds it to the axes
without touching the data limits: the limits are set once by the caller.

Adding a layer (acupoints, technique strokes ...) is one :func:`register` call (or one entry
in :data:`LAYERS`): it then appears on the map, the chart, the sheet and the handout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from shapely.geometry.base import BaseGeometry

from ..atlas import Atlas
from ..atlas.layout import Panel
from ..atlas.model import ZoneShape
from .colouring import Colouring
from .paths import geometry_path, panel_transform
from .selection import HighlightSet
from .style import HATCHES, NO_DATA_HATCH, NO_DATA_HATCH_COLOUR, SKIN_COLOUR
from .theme import Theme
from .values import ZoneValues

__all__ = [
    "LAYERS",
    "DrawContext",
    "Layer",
    "PanelLayer",
    "draw_highlights",
    "draw_landmarks",
    "draw_layers",
    "draw_no_data",
    "draw_outline",
    "draw_skin",
    "draw_zones",
    "register",
]


@dataclass
class DrawContext:
    """Everything a layer may need to draw on one axes.

    Attributes
    ----------
    ax : matplotlib Axes
    atlas : Atlas
    aspect : str
    panels : tuple of Panel
        Where each foot's frame sits on the axes (chart mm).
    shapes : mapping of panel key to list of ZoneShape
        Each panel's zone shapes in drawing order (the zones collection's path order), keyed
        by foot, or by ``(foot, aspect)`` where one axes holds several aspects of a foot
        (see :meth:`key`).
    visible : mapping of panel key to mapping of zone id to geometry
        Each zone minus the zones nested in it.
    colouring : Colouring
        Keyed like ``shapes``.
    theme : Theme
    greyscale : bool
    sets : tuple of HighlightSet
    values : ZoneValues, optional
    zone_kwargs : dict
        The caller's ``**kwargs`` for the zones' PathCollection.
    landmarks : bool
        Draw the atlas's landmarks (ankle bones, tendon, floor); the sheet does.
    outline_width : float
        Points; the foot outline's line width.
    """

    ax: Any
    atlas: Atlas
    aspect: str
    panels: tuple[Panel, ...]
    shapes: Mapping[str, Sequence[ZoneShape]]
    visible: Mapping[str, Mapping[str, BaseGeometry]]
    colouring: Colouring
    theme: Theme
    greyscale: bool = False
    points: Any = None  # the acupoints to draw (a render.points.PointSelection), or None
    strokes: Any = None  # the technique strokes to draw (a render.strokes.StrokeSelection)
    sets: tuple[HighlightSet, ...] = ()
    values: ZoneValues | None = None
    zone_kwargs: dict[str, Any] = field(default_factory=dict)
    landmarks: bool = False
    aspect_in_labels: bool = False  # artist labels "zones/left/medial" (the sheet's panels)
    outline_width: float = 1.6  # points; the handout's smaller map draws a thinner outline

    def key(self, panel: Panel) -> Any:
        """The key of ``panel`` in ``shapes``, ``visible``, the colouring and every layer's
        result: ``(foot, aspect)`` when ``shapes`` is keyed so, else the foot."""
        k = (panel.foot, panel.aspect)
        return k if k in self.shapes else panel.foot

    def transform(self, panel: Panel):
        """Foot-frame mm of ``panel`` to display: the panel's affine, then the data."""
        return panel_transform(panel) + self.ax.transData

    def outline(self, panel: Panel):
        """The matplotlib path of the panel's foot outline (foot frame)."""
        return geometry_path(self.atlas.outline(panel.foot, panel.aspect))


@runtime_checkable
class Layer(Protocol):
    """A layer of a drawing: ``draw(ctx)`` adds its artists and returns them by key."""

    name: str

    def draw(self, ctx: DrawContext) -> dict[Any, Any]: ...


@dataclass(frozen=True)
class PanelLayer:
    """A :class:`Layer` running ``fn(ctx, panel)`` once per panel.

    ``fn`` returns one artist (kept under the panel's key, :meth:`DrawContext.key`: the
    foot on a map or a sheet), a mapping of names to artists (kept under ``(name, key)``), or
    None for nothing drawn.
    """

    name: str
    fn: Callable[[DrawContext, Panel], Any]

    def draw(self, ctx: DrawContext) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for panel in ctx.panels:
            made = self.fn(ctx, panel)
            if made is None:
                continue
            key = ctx.key(panel)
            if isinstance(made, Mapping):
                out.update({(k, key): a for k, a in made.items()})
            else:
                out[key] = made
        return out


def _add(ax, artist, label: str | None = None):
    from matplotlib.collections import Collection

    if label is not None:
        artist.set_label(label)
    if isinstance(artist, Collection):
        ax.add_collection(artist, autolim=False)
    else:
        ax.add_artist(artist)  # limits are set once by the caller; add_patch walks vertices
    return artist


def draw_skin(ctx: DrawContext, panel: Panel):
    """The foot's skin under its zones: one PathPatch of the outline."""
    from matplotlib.patches import PathPatch

    skin = PathPatch(
        ctx.outline(panel),
        facecolor="white" if ctx.greyscale else SKIN_COLOUR,
        edgecolor="none",
        transform=ctx.transform(panel),
        zorder=1,
    )
    return _add(ctx.ax, skin)


def draw_zones(ctx: DrawContext, panel: Panel):
    """Every zone of the foot: one PathCollection, filled by the context's colouring."""
    from matplotlib.collections import PathCollection

    foot, key, col = panel.foot, ctx.key(panel), ctx.colouring
    style: dict[str, Any] = {"edgecolors": col.edges[key], "linewidths": 0.6, "zorder": 2}
    if key in col.linewidths:
        style["linewidths"] = col.linewidths[key]
    if not col.mapped:
        style["facecolors"] = col.facecolors[key]
    style.update(ctx.zone_kwargs)
    paths = [geometry_path(s.geometry) for s in ctx.shapes[key]]
    coll = PathCollection(paths, transform=ctx.transform(panel), **style)
    if col.mapped:
        coll.set_array(col.arrays[key])
        coll.set_cmap(col.cmap)
        coll.set_norm(col.norm)
        if not col.user_norm:
            coll.set_clim(col.norm.vmin, col.norm.vmax)
    label = f"zones/{foot}/{panel.aspect}" if ctx.aspect_in_labels else f"zones/{foot}"
    return _add(ctx.ax, coll, label)


def draw_no_data(ctx: DrawContext, panel: Panel):
    """Hatching over the zones a heat map has no value for (one collection; maps only)."""
    from matplotlib.collections import PathCollection

    if ctx.values is None:
        return None
    foot, key = panel.foot, ctx.key(panel)
    empty = [s for s in ctx.shapes[key] if ctx.values.get(s.key) is None]
    nd = PathCollection(
        [geometry_path(ctx.visible[key][s.zone.id]) for s in empty],
        facecolors="none",
        edgecolors=NO_DATA_HATCH_COLOUR,
        linewidths=0.0,
        hatch=NO_DATA_HATCH,
        transform=ctx.transform(panel),
        zorder=2.5,
    )
    return _add(ctx.ax, nd, f"no data/{foot}")


def draw_highlights(ctx: DrawContext, panel: Panel) -> dict[str, Any] | None:
    """A strong outline (and in greyscale a hatch) round each highlight set's zones: one
    collection per set, keyed by the set's name."""
    from matplotlib.collections import PathCollection

    foot, key, out = panel.foot, ctx.key(panel), {}
    for hs in ctx.sets:
        mine = [s for s in ctx.shapes[key] if s.key in hs.keys]
        if not mine:
            continue
        hc = PathCollection(
            [geometry_path(ctx.visible[key][s.zone.id]) for s in mine],
            facecolors="none",
            edgecolors="black" if ctx.greyscale else hs.colour,
            linewidths=1.4 if ctx.greyscale else 2.2,
            hatch=HATCHES[hs.index % len(HATCHES)] if ctx.greyscale else None,
            transform=ctx.transform(panel),
            zorder=4,
        )
        out[hs.name] = _add(ctx.ax, hc, f"highlight {hs.name}/{foot}")
    return out or None


def draw_outline(ctx: DrawContext, panel: Panel):
    """The foot's outline over its zones: one PathPatch in the theme's outline colour."""
    from matplotlib.patches import PathPatch

    edge = PathPatch(
        ctx.outline(panel),
        facecolor="none",
        edgecolor=ctx.theme.outline,
        linewidth=ctx.outline_width,
        transform=ctx.transform(panel),
        zorder=3,
    )
    return _add(ctx.ax, edge)


LANDMARK_COLOUR = "#444444"  # on the skin: the same in every theme
FLOOR_COLOUR = "#8A7F72"


def draw_landmarks(ctx: DrawContext, panel: Panel) -> dict[int, Any] | None:
    """Ankle bones and the ankle as dashed rings, the Achilles tendon as a dotted line and
    the floor as a thick one, from ``atlas.info["landmarks"]`` (the sheet only: a handful of
    artists, numbered in drawing order)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, Ellipse

    if not ctx.landmarks:
        return None
    marks = ctx.atlas.info.get("landmarks", {}).get(panel.aspect, {})
    tf = ctx.transform(panel)
    made: list[Any] = []
    dashed = {"fill": False, "edgecolor": LANDMARK_COLOUR, "linestyle": (0, (3, 2))}
    dashed |= {"linewidth": 0.9, "transform": tf, "zorder": 4}
    if "ankle_bone" in marks:
        h, y, r = marks["ankle_bone"]
        made.append(Circle((h, y), r, **dashed))
    if "achilles" in marks:
        xs, ys = zip(*marks["achilles"], strict=True)
        made.append(Line2D(xs, ys, transform=tf, color=LANDMARK_COLOUR, lw=1.0, ls=":", zorder=4))
    if "floor" in marks:
        f = marks["floor"]
        made.append(
            Line2D([f, f], [-6.0, 256.0], transform=tf, color=FLOOR_COLOUR, lw=2.2, zorder=0)
        )
    if "ankle" in marks:
        x, y, a, b = marks["ankle"]
        made.append(Ellipse((x, y), 2 * a, 2 * b, **dashed))
    made += [Circle((x, y), 5.0, **dashed) for x, y in marks.get("ankle_bones", {}).values()]
    return {i: _add(ctx.ax, a) for i, a in enumerate(made)} or None


#: The layers every zone drawing runs, bottom to top.  Append (or :func:`register`) a
#: layer here and it appears on the map, the chart, the four-side sheet and the handout.
LAYERS: list[Layer] = [
    PanelLayer("skin", draw_skin),
    PanelLayer("zones", draw_zones),
    PanelLayer("no_data", draw_no_data),
    PanelLayer("highlights", draw_highlights),
    PanelLayer("outline", draw_outline),
    PanelLayer("landmarks", draw_landmarks),
]


def _draw_points(ctx: DrawContext, panel: Panel):
    """The acupoints chosen by ``points=`` (see :mod:`footviz.render.points`)."""
    from .points import draw_points

    return draw_points(ctx, panel)


LAYERS.append(PanelLayer("points", _draw_points))


def _draw_strokes(ctx: DrawContext, panel: Panel):
    """The technique strokes chosen by ``technique=`` (see :mod:`footviz.render.strokes`)."""
    if ctx.strokes is None:
        return None
    from .strokes import draw_technique_strokes

    return draw_technique_strokes(ctx, panel)


LAYERS.append(PanelLayer("strokes", _draw_strokes))


def register(layer: Layer, *, before: str | None = None) -> Layer:
    """Add ``layer`` to :data:`LAYERS` (at the end, or before the layer named ``before``).

    A layer of the same name is replaced in place.  Returns ``layer``.
    """
    if not isinstance(layer, Layer):
        raise TypeError(f"a layer needs a name and a draw(ctx) method, got {layer!r}")
    names = [la.name for la in LAYERS]
    if layer.name in names:
        LAYERS[names.index(layer.name)] = layer
    elif before is not None:
        if before not in names:
            from ..errors import UnknownNameError

            raise UnknownNameError("layer", before, (), tuple(names))
        LAYERS.insert(names.index(before), layer)
    else:
        LAYERS.append(layer)
    return layer


def draw_layers(ctx: DrawContext, layers: Sequence[Layer] | None = None) -> dict[str, dict]:
    """Run ``layers`` (default :data:`LAYERS`) on ``ctx``; their artists by layer name."""
    return {layer.name: layer.draw(ctx) for layer in (LAYERS if layers is None else layers)}
