"""The :class:`FootMap`: layout, coordinate system and drawing of a reflexology map."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..atlas import Atlas, load_atlas
from ..atlas.layout import Layout, Panel
from ..atlas.model import ZoneShape, check_choice
from ..atlas.vocabulary import FEET, LANGUAGES
from ..errors import FootvizError, NotInAtlasError
from .colouring import colour_zones
from .decorations import (
    decorate,
    fit_key,
    key_entries,
    legend_handles,
    renderer_of,
    undecorate,
)
from .figures import FigureResult, new_figure
from .labelling import MIN_FONTSIZE, Plan
from .labelling import LabelItem as _Item
from .layers import DrawContext, draw_layers
from .options import check_draw_options, check_map_options, check_technique_option
from .orientation import HINT_SIZE, Frame, Orientation, Room, orientation_for
from .paths import draw_order, visible_geometry
from .planned import draw_plan, zone_fills
from .selection import HighlightSet, resolve_highlight, shape_keys
from .style import CAPTIONS
from .theme import Theme, resolve_theme
from .values import ZoneValues, resolve_values

__all__ = ["MIN_FONTSIZE", "FootMap", "MapArtists", "plot"]

FEET_CHOICES = ("left", "right", "both")
MM_PER_INCH = 25.4


@dataclass
class MapArtists:
    """Everything one :meth:`FootMap.draw` call made, by foot where it applies.

    ``zones[foot]`` is the zones' PathCollection; ``shapes[foot]`` lists its zone shapes in
    path order, so ``zones[foot].get_facecolors()[i]`` is the colour of ``shapes[foot][i]``.
    ``numbering`` maps each key number to the zone shapes it names (numbered maps, and maps
    whose names did not fit, see :data:`MIN_FONTSIZE`).  ``layers`` holds what each layer of
    :data:`footviz.render.layers.LAYERS` drew, by layer name.
    """

    figure: Any
    ax: Any
    layout: Layout
    shapes: dict[str, list[ZoneShape]] = field(default_factory=dict)
    zones: dict[str, Any] = field(default_factory=dict)
    no_data: dict[str, Any] = field(default_factory=dict)
    highlights: dict[tuple[str, str], Any] = field(default_factory=dict)
    skins: dict[str, Any] = field(default_factory=dict)
    outlines: dict[str, Any] = field(default_factory=dict)
    captions: dict[str, Any] = field(default_factory=dict)
    hints: dict[tuple[str, str], Any] = field(default_factory=dict)  # (foot, "toes"/"heel")
    convention: Any = None
    labels: dict[tuple[str, str], Any] = field(default_factory=dict)
    leaders: Any = None
    leader_segments: dict[tuple[str, str], list] = field(default_factory=dict)
    legend: Any = None
    colorbar: Any = None
    key: Any = None
    numbering: dict[int, tuple[ZoneShape, ...]] = field(default_factory=dict)
    highlight_sets: tuple[HighlightSet, ...] = ()
    values: ZoneValues | None = None
    plan: Plan | None = None
    text_layer: Any = None
    layers: dict[str, dict] = field(default_factory=dict)  # every layer's artists, by name
    theme: Theme | None = None
    points: Any = None  # the acupoints drawn (render.points.PointSelection), or None

    def index(self, shape: ZoneShape | str, foot: str | None = None) -> int:
        """Position of a zone shape (or zone id on ``foot``) in its foot's collection."""
        if isinstance(shape, ZoneShape):
            zone_id, foot = shape.zone.id, shape.foot
        else:
            zone_id = shape
        if foot is None:
            raise ValueError("give foot= with a zone id")
        for i, s in enumerate(self.shapes[foot]):
            if s.zone.id == zone_id:
                return i
        raise NotInAtlasError(f"zone {zone_id!r} is not drawn on the {foot} foot")

    def facecolor(self, zone: str, foot: str) -> np.ndarray:
        """RGBA face colour of a zone as drawn (after colormapping)."""
        coll = self.zones[foot]
        coll.update_scalarmappable()
        return np.asarray(coll.get_facecolors()[self.index(zone, foot)])


def _feet(feet: str | Sequence[str]) -> tuple[str, ...]:
    if isinstance(feet, str):
        feet = check_choice("feet", feet, FEET_CHOICES)
        return FEET if feet == "both" else (feet,)
    out = tuple(check_choice("foot", f, FEET) for f in feet)
    if not out or len(set(out)) != len(out):
        raise FootvizError(f"feet must name 'left' and/or 'right' once each, got {feet!r}")
    return tuple(f for f in FEET if f in out)


class FootMap(FigureResult):
    """A reflexology map: which feet, which view, which aspect, in which language.

    A FootMap owns the layout and the chart coordinate system (millimetres; see
    :mod:`footviz.atlas.layout`) and draws onto matplotlib axes with :meth:`draw`.

    Parameters
    ----------
    atlas : Atlas, optional
        Defaults to the built-in reflexology atlas.
    feet : {"both", "left", "right"} or sequence of them
    layout : {"self", "practitioner"}
        ``"self"``: soles as you see your own feet (left foot on the left);
        ``"practitioner"``: facing the client's soles (the client's left foot on the right).
    aspect : str
        One of ``atlas.aspects`` (``"plantar"`` ...).
    lang : {"en", "ru"}
        Language of labels, captions and legends.
    greyscale : bool
        Print mode: white zones, highlight sets told apart by hatching, grey colormap.
    figsize : (width, height) in inches, optional
        Size of the figure :meth:`draw` makes when no ``ax`` is given; defaults to A4
        landscape (11.7 x 8.3) for both feet and 8.5 x 10 for one.  Side profiles lie on
        their side, one above the other (see :mod:`footviz.atlas.layout`): A4 portrait
        (8.3 x 11.7) for both, 9 x 6.2 for one.
    fontsize : float
        Label font size in points, at least :data:`MIN_FONTSIZE` (6): labels shrink towards
        it when they would not fit, and where even that fails they become numbers with a key.
    """

    def __init__(
        self,
        atlas: Atlas | None = None,
        *,
        feet: str | Sequence[str] = "both",
        layout: str = "self",
        aspect: str = "plantar",
        lang: str = "en",
        greyscale: bool = False,
        figsize: tuple[float, float] | None = None,
        fontsize: float = 7.0,
    ) -> None:
        figsize = check_map_options(
            atlas=atlas, feet=feet, greyscale=greyscale, figsize=figsize, fontsize=fontsize
        )
        self.atlas = atlas if atlas is not None else load_atlas()
        self.feet = _feet(feet)
        self.view = check_choice("layout", layout, ("self", "practitioner"))
        self.aspect = check_choice("aspect", aspect, self.atlas.aspects)
        self.lang = check_choice("language", lang, LANGUAGES, "lang")
        self.greyscale = bool(greyscale)
        self.fontsize = float(fontsize)
        if self.fontsize < MIN_FONTSIZE:
            raise FootvizError(
                f"fontsize must be at least {MIN_FONTSIZE} points (MIN_FONTSIZE), got {fontsize!r}"
            )
        self.extent = self.atlas.outline(self.feet[0], self.aspect).bounds
        self.orientation: Orientation = orientation_for(self)
        self.turned = self.orientation.turned
        default = self.orientation.default_figsize()
        self.figsize = figsize or default
        self.drawn: MapArtists | None = None
        self._interaction = None
        self._own_figure = False

    def __repr__(self) -> str:
        return (
            f"<FootMap feet={'+'.join(self.feet)} layout={self.view!r} "
            f"aspect={self.aspect!r} lang={self.lang!r}{' greyscale' if self.greyscale else ''}>"
        )

    # ------------------------------------------------------------------ coordinates
    def layout_for(self, columns: Mapping[str, float] | None = None) -> Layout:
        """The panel layout with callout columns of the given widths (mm) beside each foot.

        Side profiles lie one above the other instead (the drawing works out their gap).
        """
        return self.orientation.layout_for(columns)

    @property
    def layout(self) -> Layout:
        """The layout of the last drawing (or a default one before drawing)."""
        return self.drawn.layout if self.drawn is not None else self.layout_for()

    def to_foot(self, cx: float, cy: float) -> tuple[Panel, float, float] | None:
        """Chart mm to ``(panel, x, y)`` in that foot's own frame; None off the feet."""
        panel = self.layout.panel_at(cx, cy)
        if panel is None:
            return None
        fx, fy = panel.from_chart(cx, cy)
        return panel, float(fx), float(fy)

    def pixel_zones(self, width: int, height: int, **kwargs: Any) -> dict[str, Any]:
        """Every drawn zone's rings in the pixels of a ``width`` x ``height`` image of this
        map (JSON-ready); see :func:`footviz.render.pixels.pixel_zones`."""
        from .pixels import pixel_zones

        return pixel_zones(self, width, height, **kwargs)

    def label_raster(self, width: int, height: int, **kwargs: Any):
        """The zone under each pixel of that image; see :func:`.pixels.label_raster`."""
        from .pixels import label_raster

        return label_raster(self, width, height, **kwargs)

    def save_pixels(self, path: Any, width: int, height: int, **kwargs: Any) -> dict[str, str]:
        """Write the pixel JSON, the image and the label raster; see :func:`.pixels.save_pixels`."""
        from .pixels import save_pixels

        return save_pixels(self, path, width, height, **kwargs)

    # ------------------------------------------------------------------ conveniences
    @property
    def figure(self):
        return self._need().figure

    @property
    def ax(self):
        return self._need().ax

    @property
    def artists(self) -> MapArtists:
        return self._need()

    def _need(self) -> MapArtists:
        if self.drawn is None:
            raise FootvizError("nothing drawn yet: call FootMap.draw() first")
        return self.drawn

    def _result_figure(self):
        return self.drawn.figure if self.drawn is not None else None

    def _owns_figure(self) -> bool:
        return self._own_figure

    def _disconnect(self) -> None:
        if self._interaction is not None:
            self._interaction.disconnect()
            self._interaction = None

    def interactive(self, callback: Callable[[Any], None] | None = None):
        """Hover tooltips and click-to-highlight on the last drawing; see :mod:`.interactive`."""
        from .interactive import Interaction

        if self._interaction is not None:
            self._interaction.disconnect()
        self._interaction = Interaction(self, callback)
        return self._interaction

    # ------------------------------------------------------------------ web exports
    def to_svg(self, path: Any = None, **kwargs: Any) -> str:
        """The map as SVG with one ``<path>`` per zone (ids, ``data-*``, ``<title>``) and real
        ``<text>``; see :mod:`footviz.render.svg`.  Draws with defaults if nothing is drawn.

        Writes it (atomically) too when given a ``path`` or binary file object.  ``kwargs``
        go to ``Figure.savefig``.  Same map, same bytes.
        """
        from .svg import map_svg

        return self._export(map_svg(self, **kwargs), path)

    def to_html(self, path: Any = None, **kwargs: Any) -> str:
        """The map as one self-contained interactive HTML page (hover tooltip, click and
        keyboard selection, ``footviz:select`` events); see :mod:`footviz.render.html`."""
        from .html import map_page

        return self._export(map_page(self, **kwargs).encode("utf-8"), path)

    def _export(self, data: bytes, path: Any) -> str:
        if path is not None:
            from .._internal.atomic import check_target, write_bytes

            check_target(path)
            write_bytes(path, data)
        return data.decode("utf-8")

    def savefig(self, target: Any, **kwargs: Any) -> Any:
        """Save the figure (see :meth:`FigureResult.savefig`); SVG is :meth:`to_svg`'s."""
        from .._internal.atomic import check_target
        from .options import check_save_options
        from .output import figure_format

        check_save_options(kwargs)
        check_target(target)
        if figure_format(self._live_figure(), target, kwargs.get("format")) != "svg":
            return super().savefig(target, **kwargs)
        self.to_svg(target, **kwargs)
        return target

    def _repr_html_(self) -> str | None:
        """In a notebook: the interactive map (image outputs stay for other front ends)."""
        from .figures import widget_backend

        if self._shown_figure() is None or widget_backend():
            return None
        from .html import map_fragment

        return map_fragment(self)

    # ------------------------------------------------------------------ drawing
    def draw(
        self,
        ax: Any = None,
        *,
        highlight: Any = None,
        highlight_colours: str | Sequence[str] | Mapping[str, str] | None = None,
        values: Mapping[str, Any] | None = None,
        cmap: Any = None,
        vmin: float | None = None,
        vmax: float | None = None,
        norm: Any = None,
        categories: Sequence[str] | None = None,
        status_colours: Mapping[str, str] | None = None,
        labels: bool | str | Iterable[str] = True,
        numbered: bool = False,
        legend: bool = True,
        colorbar: bool = True,
        title: str | None = None,
        value_label: str | None = None,
        scale: float | None = None,
        theme: str | Theme = "auto",
        points: Any = None,
        technique: Any = None,
        step: int | None = None,
        **kwargs: Any,
    ) -> MapArtists:
        """Draw the map.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on (of any figure); a new figure of ``figsize`` is made when omitted.
            In a given axes the scale follows from the axes size alone (never from the
            labels): equal axes show the same feet at the same scale.
        highlight : name, sequence of names, or mapping of set name to names, optional
            Zone ids, organs, groups or conditions (``"migraine"``), or ``"zone/foot"``.
            Highlighted zones get a strong colour and outline, the rest is muted.  A mapping
            gives several sets, each with its own colour (first set wins a shared zone's fill).
        highlight_colours : colour, sequence or mapping of set name to colour, optional
        values : mapping of zone id / organ / ``"zone/foot"`` to number, status or None
            Numbers give a heat map with a colorbar; strings (``"worse"``, ``"same"``,
            ``"better"``) a status map.  Zones without a value are drawn as "no data".
        cmap, vmin, vmax
            Colormap and fixed limits of a numeric heat map (fix them to compare maps).
        norm : matplotlib.colors.Normalize, optional
            How numeric values map to the colormap (``LogNorm``, ``BoundaryNorm``,
            ``TwoSlopeNorm`` ...), instead of ``vmin``/``vmax``; zones and colorbar follow it.
        categories, status_colours
            Order and colours of status values.
        labels : bool, "highlighted" or names
            Which zones to name: all, none, only highlighted ones, or the named ones.
        numbered : bool
            Label with numbers and add a key; ``MapArtists.numbering`` holds number → shapes.
            Names that would not fit at :data:`MIN_FONTSIZE` are numbered anyway.
        legend, colorbar : bool
        title : str, optional
            Defaults to the atlas title in the map's language.
        value_label : str, optional
            Colorbar label.
        scale : float, optional
            Print scale: millimetres on the page per millimetre of the reference foot
            (``0.25``: a 250 mm foot is drawn 62.5 mm long, i.e. ``scale * dpi / 25.4``
            pixels per mm).  Fixes the scale exactly; the map must fit the axes.
        theme : {"auto", "light", "dark"}
            Colours of outlines, captions, notes, hints, leaders and legend text: for a light
            or a dark background; ``"auto"`` follows the figure's face colour (the active
            matplotlib style).  On a figure of its own, ``"light"``/``"dark"`` also set the
            figure's colour.
        points : True, name or sequence of names, optional
            Acupoints to draw (:mod:`footviz.render.points`): True for all, a meridian
            (``"kidney"``), point codes or names (``["KI1", "Taichong"]``) or a role
            (``"calming"``); markers sized by radius, shaped and coloured by role, joined
            along their meridian, with code labels and legend entries.
        technique : name or Technique, optional
            A massage technique (``"heel-spur"``) whose strokes are drawn over the map on
            the aspect shown (the ``"strokes"`` layer, :mod:`footviz.render.strokes`), each
            step's number at its first stroke; ``step=`` draws one step only, its presses
            numbered.
        step : int, optional
        **kwargs
            Passed to each foot's zones :class:`matplotlib.collections.PathCollection`.

        Returns
        -------
        MapArtists
        """
        check_draw_options(
            ax, kwargs, highlight=highlight, highlight_colours=highlight_colours,
            values=values, cmap=cmap, vmin=vmin, vmax=vmax, categories=categories,
            status_colours=status_colours, labels=labels, numbered=numbered, legend=legend,
            colorbar=colorbar, title=title, value_label=value_label,
        )  # fmt: skip
        request = self._request(
            highlight, highlight_colours, values, categories, status_colours, labels, numbered
        )
        from .points import point_handles, resolve_points

        chosen = resolve_points(self.atlas, points)
        strokes = check_technique_option(self.atlas, technique, step)
        own = ax is None
        if own:
            fig = new_figure(self.figsize)  # not pyplot's: see .figures
            ax = fig.add_axes((0.01, 0.01, 0.98, 0.92))
            # when the width limits the scale (a colorbar), the map sits on the legend and
            # any spare height goes above the title, not between the map and its legend
            ax.set_anchor("S")
        fig = ax.figure
        ax.set_aspect("equal")
        ax.set_axis_off()
        theme_ = resolve_theme(theme, fig.get_facecolor())
        if own and theme != "auto":
            fig.set_facecolor(theme_.background)
        colouring = colour_zones(
            request.shapes, sets=request.sets, values=request.values, greyscale=self.greyscale,
            cmap=cmap, vmin=vmin, vmax=vmax, norm=norm,
        )  # fmt: skip
        out = MapArtists(fig, ax, self.layout_for(), shapes=dict(request.shapes))
        out.highlight_sets, out.values, out.theme = request.sets, request.values, theme_
        # a fixed y: no automatic title placement (a costly pass; the axes has no decorations)
        ax.set_title(
            title if title is not None else self.atlas.title(self.lang),
            fontsize=14,
            y=1.0,
            color=theme_.text,
        )
        handles = []
        if legend:
            handles = legend_handles(
                self.atlas, self.lang, self.greyscale, request.sets, request.values, request.shapes
            )
            if chosen is not None:
                drawn_points = [
                    s for f in self.feet for s in chosen.shapes(self.atlas, f, self.aspect)
                ]
                handles = [*handles, *point_handles(drawn_points, self.lang, self.greyscale)]
        out.points = chosen
        decor = {"colouring": colouring, "colorbar": colorbar, "value_label": value_label}
        plan, frame = self._plan(out, request, own, scale, handles, decor)
        out.plan, out.layout = plan, frame.layout
        ax.set_xlim(*frame.xlim)  # the limits, once: no layer updates them
        ax.set_ylim(*frame.ylim)
        ctx = self._context(out, request, colouring, kwargs)
        ctx.points, ctx.strokes = chosen, strokes
        self._keep(out, draw_layers(ctx))
        self._draw_labels(out, plan, frame)
        self._draw_captions(out, frame)
        self._disconnect()  # handlers of an earlier drawing
        self.drawn, self._own_figure, self._closed = out, own, False
        return out

    # ------------------------------------------------------------------ drawing steps
    def _request(
        self, highlight, highlight_colours, values, categories, status_colours, labels, numbered
    ) -> _Request:
        """What to draw, resolved against the atlas (every name checked before drawing)."""
        atlas = self.atlas
        sets = resolve_highlight(atlas, highlight, highlight_colours)
        zv = (
            resolve_values(atlas, values, categories=categories, status_colours=status_colours)
            if values is not None
            else None
        )
        shapes = {f: draw_order(atlas.shapes(f, self.aspect)) for f in self.feet}
        visible = {f: visible_geometry(shapes[f]) for f in self.feet}
        highlighted = frozenset(k for s in sets for k in s.keys)
        wanted = self._label_keys(labels, highlighted)
        # the names a fixed scale must make room for, whatever is highlighted
        by_highlight = isinstance(labels, str) and labels in ("highlighted", "highlight")
        every = self._label_keys(True, highlighted) if by_highlight else wanted
        return _Request(sets, zv, shapes, visible, highlighted, wanted, every, bool(numbered))

    def _items(self, request: _Request, numbered: bool, worst: bool = False):
        """The labels to place, and the key numbering of a numbered map.

        ``worst``: every name the map can show, all in bold (whatever is highlighted).
        """
        wanted = request.every if worst else request.wanted
        numbers = self._numbers(request.shapes, request.wanted) if numbered else {}
        numbering = {
            n: tuple(s for f in self.feet for s in request.shapes[f] if s.zone.id == z)
            for z, n in numbers.items()
        }
        items = []
        for f in self.feet:
            for s in request.shapes[f]:
                if s.key not in wanted:
                    continue
                zid = s.zone.id
                text = str(numbers[zid]) if numbered else s.zone.label(self.lang)
                bold = worst or numbered or (bool(request.sets) and s.key in request.highlighted)
                items.append(_Item(f, zid, text, request.visible[f][zid], bold))
        return items, numbering

    def _room(self, fig, ax, scale: float | None) -> Room:
        """The axes' pixel size and the measured sizes of captions, note and hints."""
        words = CAPTIONS[self.lang]
        renderer = renderer_of(fig)
        pos = ax.get_position(original=True)
        axes_px = (pos.width * fig.bbox.width, pos.height * fig.bbox.height)
        probe = fig.text(0, 0, words["left"], fontsize=12, fontweight="bold")
        px = {"caption": probe.get_window_extent(renderer=renderer).height}
        probe.set_text(words["self_view"])
        probe.set_fontsize(9)
        px["note"] = probe.get_window_extent(renderer=renderer).height * 1.6
        hint_w = []
        for hint in (f"{words['toes']} →", f"← {words['toes']}", words["heel"]):
            probe.set_text(hint)
            probe.set_fontsize(HINT_SIZE)
            probe.set_fontweight("normal")
            hint_w.append(probe.get_window_extent(renderer=renderer).width)
        px["hint"] = max(hint_w)
        probe.remove()
        room = Room(fig, renderer, axes_px, px, self.fontsize)
        if scale is not None:
            room.ppm = _scale_ppm(scale, fig.dpi)
        return room

    def _plan(self, out, request: _Request, own: bool, scale, handles, decor):
        """Decorate, then plan the labels; names that don't fit become numbers with a key.

        On the map's own figure (no ``scale=``) the labels decide the scale; in the caller's
        axes, or with ``scale=``, the scale is fixed first (:meth:`_plan_fixed`).
        """
        if not own or scale is not None:
            return self._plan_fixed(out, request, own, scale, handles, decor)
        strategy = self.orientation
        tries = (True,) if request.numbered else (False, True)
        for attempt, numbered in enumerate(tries):
            items, out.numbering = self._items(request, numbered)
            self._decorate(out, own, handles, decor, numbered)
            room = self._room(out.figure, out.ax, scale)
            plan = strategy.plan(items, room, strict=attempt < len(tries) - 1)
            if plan is not None:
                break
            undecorate(out)
        plan.numbered = numbered
        return plan, strategy.frame(plan, room)

    def _plan_fixed(self, out, request: _Request, own: bool, scale, handles, decor):
        """Plan at a scale that never depends on the labels.

        Names are used when every name of the map, even in bold, fits at the fixed scale
        (so the choice does not depend on the highlight either); else numbers, with a key
        under the map when drawing into the caller's axes, and the scale worked out for
        number columns and that key.
        """
        strategy = self.orientation
        if not request.numbered:
            self._decorate(out, own, handles, decor, False)
            room = self._room(out.figure, out.ax, scale)
            if room.ppm is None:
                room.ppm = strategy.fixed_ppm(room)
            probe, _ = self._items(request, False, worst=True)
            if not probe or strategy.plan(probe, room, strict=True) is not None:
                items, out.numbering = self._items(request, False)
                plan = strategy.plan(items, room, strict=False)
                return plan, strategy.frame(plan, room)
            undecorate(out)
        items, out.numbering = self._items(request, True)
        self._decorate(out, own, handles, decor, True)
        room = self._room(out.figure, out.ax, scale)
        room.numbered = True
        room.number_px = _widest(room, [i.text for i in items])
        if out.key is not None and not own:
            fit_key(out, 0.0, out.theme)
            room.key_px = out.key.get_window_extent(room.renderer).height + KEY_GAP
        if room.ppm is None:
            room.ppm = strategy.fixed_ppm(room)
        plan = strategy.plan(items, room, strict=False)
        plan.numbered = True
        frame = strategy.frame(plan, room)
        if out.key is not None and not own:  # the key goes under the map, in the axes
            frame = frame.top_aligned()
            y0, y1 = frame.ylim
            fit_key(out, (frame.content[0] - y0) / (y1 - y0), out.theme)
        return plan, frame

    def _decorate(self, out, own: bool, handles, decor, numbered: bool) -> None:
        entries = key_entries(out.numbering, self.lang) if numbered else []
        decorate(
            out, own, handles, entries, **decor, lang=self.lang,
            key_below=self.orientation.key_below, theme=out.theme,
        )  # fmt: skip

    def _context(self, out: MapArtists, request: _Request, colouring, kwargs) -> DrawContext:
        """What the layers draw from."""
        return DrawContext(
            ax=out.ax, atlas=self.atlas, aspect=self.aspect, panels=out.layout.panels,
            shapes=request.shapes, visible=request.visible, colouring=colouring, theme=out.theme,
            greyscale=self.greyscale, sets=request.sets, values=request.values,
            zone_kwargs=kwargs,
        )  # fmt: skip

    def _keep(self, out: MapArtists, drawn: Mapping[str, dict]) -> None:
        out.layers = dict(drawn)
        out.skins = dict(drawn.get("skin", {}))
        out.zones = dict(drawn.get("zones", {}))
        out.no_data = dict(drawn.get("no_data", {}))
        out.highlights = dict(drawn.get("highlights", {}))
        out.outlines = dict(drawn.get("outline", {}))

    def _draw_labels(self, out: MapArtists, plan: Plan, frame: Frame) -> None:
        from .textlayer import TextLayer

        ax, theme = out.ax, out.theme
        layer = TextLayer(zorder=6)  # all labels and captions drawn in one pass on raster output
        ax.add_artist(layer)
        out.text_layer = layer
        fills: dict[tuple[str, str], Any] = {}
        for foot, coll in out.zones.items():
            fills.update(zone_fills(foot, coll, out.shapes[foot]))
        panels = {p.foot: p for p in frame.layout.panels}
        boxed: bool | set[tuple[str, str]] = self.greyscale
        if not boxed and out.values is not None:  # text over "no data" hatching
            boxed = {
                (f, s.zone.id)
                for f, shapes in out.shapes.items()
                for s in shapes
                if out.values.get(s.key) is None
            }
        drawn = draw_plan(
            ax, plan, panels, fills, add_text=layer.add, boxed=boxed, text_colour=theme.text,
            leader_colour=theme.leader,
        )  # fmt: skip
        out.labels.update(drawn.labels)
        out.leader_segments.update(drawn.leader_segments)
        out.leaders = drawn.leaders

    def _draw_captions(self, out: MapArtists, frame: Frame) -> None:
        """Which foot is which, the toes/heel hints, and the viewing convention."""
        ax, words, theme, layer = out.ax, CAPTIONS[self.lang], out.theme, out.text_layer
        hint_style = {"fontsize": HINT_SIZE, "color": theme.hint, "style": "italic", "va": "center"}
        for panel in frame.layout.panels:
            b = panel.chart_bounds
            aspect = "" if self.aspect == "plantar" else f" ({words[self.aspect]})"
            y, va = frame.captions[panel.foot]
            out.captions[panel.foot] = layer.add(
                ax,
                (b[0] + b[2]) / 2,
                y,
                words[panel.foot] + aspect,
                ha="center",
                va=va,
                fontsize=12,
                fontweight="bold",
                color=theme.text,
            )
            hints = self.orientation.hints(panel, words)
            for end, (hx, hy, text, ha) in zip(("toes", "heel"), hints, strict=False):
                out.hints[(panel.foot, end)] = layer.add(ax, hx, hy, text, ha=ha, **hint_style)
        note = self.orientation.note(words)
        if note is not None:
            out.convention = layer.add(
                ax,
                self.orientation.note_x(frame),
                frame.ylim[0] if frame.content is None else frame.content[0],
                note,
                ha="center",
                va="bottom",
                fontsize=9,
                style="italic",
                color=theme.note,
            )

    # ------------------------------------------------------------------ helpers
    def _label_keys(self, labels, highlighted) -> set[tuple[str, str, str]]:
        every = {s.key for f in self.feet for s in self.atlas.shapes(f, self.aspect)}
        if labels is True:
            return every
        if labels is False or labels is None:
            return set()
        if isinstance(labels, str) and labels in ("highlighted", "highlight"):
            return every & highlighted
        names = [labels] if isinstance(labels, str) else list(labels)
        return every & set(shape_keys(self.atlas, names))

    def _numbers(self, shapes, wanted) -> dict[str, int]:
        """Zone id → key number, toes to heel, then medial to lateral (order-independent)."""
        where: dict[str, tuple[float, float]] = {}
        for f in self.feet:
            for s in shapes[f]:
                if s.key in wanted:
                    c = s.geometry.centroid
                    y, x = where.get(s.zone.id, (-np.inf, -np.inf))
                    where[s.zone.id] = max((y, x), (round(c.y, 3), round(c.x, 3)))
        order = sorted(where, key=lambda z: (-where[z][0], -where[z][1], z))
        return {z: i + 1 for i, z in enumerate(order)}


@dataclass(frozen=True)
class _Request:
    """A draw request resolved against the atlas."""

    sets: tuple[HighlightSet, ...]
    values: ZoneValues | None
    shapes: dict[str, list[ZoneShape]]
    visible: dict[str, dict[str, Any]]
    highlighted: frozenset[tuple[str, str, str]]
    wanted: set[tuple[str, str, str]]
    every: set[tuple[str, str, str]]  # what a fixed scale makes room for
    numbered: bool


KEY_GAP = 4.0  # pixels between the map and a key drawn under it


def _widest(room: Room, texts: Sequence[str]) -> float:
    """Pixels: the widest number label of ``texts`` in its circle, bold, at the room's size."""
    from .labelling import _Measure
    from .planned import NUMBER_BOX

    pad = float(NUMBER_BOX["boxstyle"].split("pad=")[1]) * room.fontsize * room.fig.dpi / 72
    measure = _Measure(room.fig, room.renderer)
    try:
        sizes = [measure(t, room.fontsize, True) for t in texts]
    finally:
        measure.close()
    return max((math.hypot(w, h) + 2 * pad for w, h in sizes), default=0.0)


def _scale_ppm(scale: Any, dpi: float) -> float:
    """Pixels per chart mm of a print scale (page mm per foot mm) at ``dpi``."""
    from numbers import Real

    if isinstance(scale, bool) or not isinstance(scale, Real) or not 0 < float(scale) < 1e3:
        raise FootvizError(
            f"scale must be a positive number of page millimetres per millimetre of the "
            f"foot (e.g. 0.25), got {scale!r}"
        )
    return float(scale) * float(dpi) / MM_PER_INCH


def plot(
    feet: str | Sequence[str] = "both",
    highlight: Any = None,
    values: Mapping[str, Any] | None = None,
    labels: bool | str | Iterable[str] = True,
    lang: str = "en",
    ax: Any = None,
    *,
    atlas: Atlas | None = None,
    layout: str = "self",
    aspect: str = "plantar",
    greyscale: bool = False,
    figsize: tuple[float, float] | None = None,
    **kwargs: Any,
) -> FootMap:
    """Draw a reflexology map in one call and return the :class:`FootMap`.

    ``feet``, ``layout``, ``aspect``, ``lang``, ``greyscale`` and ``figsize`` make the map;
    everything else goes to :meth:`FootMap.draw`.  The returned map shows itself in Jupyter
    and gives ``.figure``, ``.ax`` and ``.artists``.

    >>> m = footviz.plot(highlight="migraine")            # doctest: +SKIP
    >>> m.artists.zones["left"]                            # doctest: +SKIP
    """
    fm = FootMap(
        atlas,
        feet=feet,
        layout=layout,
        aspect=aspect,
        lang=lang,
        greyscale=greyscale,
        figsize=figsize,
    )
    fm.draw(ax, highlight=highlight, values=values, labels=labels, **kwargs)
    return fm
