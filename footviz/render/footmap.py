"""The :class:`FootMap`: layout, coordinate system and drawing of a reflexology map."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..atlas import Atlas, load_atlas
from ..errors import FootvizError, NotInAtlasError
from ..layout import PROFILES, Layout, Panel
from ..model import FEET, LANGUAGES, ZoneShape, check_choice
from ..style import (
    CAPTIONS,
    DEFAULT_CMAP,
    EDGE_COLOUR,
    FALLBACK_COLOUR,
    GREY_BASE,
    GREY_CMAP,
    GREY_FILLS,
    HATCHES,
    MUTED_AMOUNT,
    MUTED_EDGE_COLOUR,
    NO_DATA_FACE,
    NO_DATA_HATCH,
    NO_DATA_HATCH_COLOUR,
    OUTLINE_COLOUR,
    SKIN_COLOUR,
    SYSTEM_COLOURS,
    lighten,
    muted,
)
from .figures import FigureResult, new_figure
from .labelling import COLUMN_GAP, ROW_LEAD, ROW_OVERHANG, Plan, plan_labels, plan_rows
from .labelling import LabelItem as _Item
from .legend import system_handles
from .paths import draw_order, geometry_path, panel_transform, visible_geometry
from .planned import draw_plan, zone_fills
from .selection import HighlightSet, resolve_highlight, shape_keys
from .values import ZoneValues, resolve_values

__all__ = ["FootMap", "MapArtists", "plot"]

FEET_CHOICES = ("left", "right", "both")
TOP_MARGIN = 6.0  # mm above the toes
CAPTION_GAP = 5.0  # mm between the heel and the captions
A4_LANDSCAPE = (11.7, 8.3)  # inches: default figure of both feet (prints on A4 / Letter)
A4_PORTRAIT = (8.3, 11.7)  # both side profiles, lying one above the other
PROFILE_FIGSIZE = (9.0, 6.2)  # one side profile
# side profiles lying on their side (mm): caption above each profile, gaps, hints at the ends
PROFILE_CAPTION_GAP = 3.0  # between a caption and the rows or outline below it
PROFILE_GAP = 8.0  # between one profile's lowest callout row and the caption of the next
NOTE_GAP = 4.0  # between the lowest row and the viewing note
HINT_GAP = 2.5  # between the heel or the toe tip and its "heel" / "toes" hint
HINT_HEIGHT = 12.0  # height above the floor of the hints
HINT_SIZE = 8.0  # points
TOP_PAD = 4.0  # above the top caption


@dataclass
class MapArtists:
    """Everything one :meth:`FootMap.draw` call made, by foot where it applies.

    ``zones[foot]`` is the zones' PathCollection; ``shapes[foot]`` lists its zone shapes in
    path order, so ``zones[foot].get_facecolors()[i]`` is the colour of ``shapes[foot][i]``.
    ``numbering`` maps each key number to the zone shapes it names (numbered maps only).
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


def _renderer(fig):
    try:
        return fig.canvas.get_renderer()
    except AttributeError:  # pragma: no cover - canvases without a cached renderer
        return fig._get_renderer()


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
    :mod:`footviz.layout`) and draws onto matplotlib axes with :meth:`draw`.

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
        their side, one above the other (see :mod:`footviz.layout`): A4 portrait
        (8.3 x 11.7) for both, 9 x 6.2 for one.
    fontsize : float
        Label font size in points (shrunk automatically when labels would not fit).
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
        self.atlas = atlas if atlas is not None else load_atlas()
        self.feet = _feet(feet)
        self.view = check_choice("layout", layout, ("self", "practitioner"))
        self.aspect = check_choice("aspect", aspect, self.atlas.aspects)
        self.lang = check_choice("language", lang, LANGUAGES)
        self.greyscale = bool(greyscale)
        self.fontsize = float(fontsize)
        self.turned = self.aspect in PROFILES
        if self.turned:
            default = A4_PORTRAIT if len(self.feet) == 2 else PROFILE_FIGSIZE
        else:
            default = A4_LANDSCAPE if len(self.feet) == 2 else (8.5, 10.0)
        self.figsize = figsize or default
        self.extent = self.atlas.outline(self.feet[0], self.aspect).bounds
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
        if self.turned:
            return Layout.side_by_side(self.extent, self.feet, self.aspect, self.view, gap=40.0)
        medial = (columns or {}).get("medial", 40.0)
        gap = 2 * (COLUMN_GAP + medial) + 4.0
        return Layout.side_by_side(self.extent, self.feet, self.aspect, self.view, gap=gap)

    def _stack(self, bands: Mapping[tuple[str, str], float], ppm: float, px: Mapping[str, float]):
        """Layout, limits and caption heights of lying profiles at ``ppm`` pixels per mm.

        ``bands`` gives the pixel height of each (foot, "above"/"below") callout band, ``px``
        the pixel sizes of the caption, the note and the widest hint.  From the bottom: note,
        then per profile its lower rows, the outline, its upper rows and its caption.
        """
        x0, y0, x1, y1 = self.extent

        def band(foot: str, side: str) -> float:
            b = bands.get((foot, side), 0.0)
            return ROW_LEAD + b / ppm if b > 0 else 0.0

        order = ("left", "right") if self.view == "self" else ("right", "left")
        placed = [f for f in order if f in self.feet]  # top to bottom
        cap = px["caption"] / ppm
        gap = 0.0
        if len(placed) == 2:
            top, bottom = placed
            gap = band(bottom, "above") + PROFILE_CAPTION_GAP + cap + PROFILE_GAP
            gap += band(top, "below")
        layout = Layout.side_by_side(self.extent, self.feet, self.aspect, self.view, gap=gap)
        captions = {}
        for p in layout.panels:
            captions[p.foot] = p.dy + x1 + band(p.foot, "above") + PROFILE_CAPTION_GAP
        ylo = x0 - band(placed[-1], "below") - NOTE_GAP - px["note"] / ppm
        yhi = captions[placed[0]] + cap + TOP_PAD
        side = max(ROW_OVERHANG, HINT_GAP + px["hint"] / ppm) + 1.0
        return layout, (y0 - side, y1 + side), (ylo, yhi), captions

    def _stack_scale(self, bands, axes_px, px) -> float:
        """Pixels per mm at which lying profiles with these callout bands fill the axes."""
        x0, y0, x1, y1 = self.extent
        n = len(self.feet)
        text = n * px["caption"] + px["note"] + sum(bands.values())
        mm = n * (x1 - x0 + PROFILE_CAPTION_GAP) + (n - 1) * PROFILE_GAP + NOTE_GAP + TOP_PAD
        mm += ROW_LEAD * sum(1 for b in bands.values() if b > 0)
        length = y1 - y0
        by_w = min(
            axes_px[0] / (length + 2 * (ROW_OVERHANG + 1.0)),
            (axes_px[0] - 2 * px["hint"]) / (length + 2 * (HINT_GAP + 1.0)),
        )
        return max(min(by_w, (axes_px[1] - text) / mm), 0.05)

    def _x_bounds(self, layout: Layout, columns: Mapping[str, float]) -> tuple[float, float]:
        x0, _, x1, _ = self.extent
        xs: list[float] = []
        for p in layout.panels:
            for fx in (x0 - COLUMN_GAP - columns["lateral"], x1 + COLUMN_GAP + columns["medial"]):
                xs.append(float(p.to_chart(fx, 0.0)[0]))
        return min(xs) - 1.0, max(xs) + 1.0

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
        categories: Sequence[str] | None = None,
        status_colours: Mapping[str, str] | None = None,
        labels: bool | str | Iterable[str] = True,
        numbered: bool = False,
        legend: bool = True,
        colorbar: bool = True,
        title: str | None = None,
        value_label: str | None = None,
        **kwargs: Any,
    ) -> MapArtists:
        """Draw the map.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on (of any figure); a new figure of ``figsize`` is made when omitted.
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
        categories, status_colours
            Order and colours of status values.
        labels : bool, "highlighted" or names
            Which zones to name: all, none, only highlighted ones, or the named ones.
        numbered : bool
            Label with numbers and add a key; ``MapArtists.numbering`` holds number → shapes.
        legend, colorbar : bool
        title : str, optional
            Defaults to the atlas title in the map's language.
        value_label : str, optional
            Colorbar label.
        **kwargs
            Passed to each foot's zones :class:`matplotlib.collections.PathCollection`.

        Returns
        -------
        MapArtists
        """
        atlas, lang, words = self.atlas, self.lang, CAPTIONS[self.lang]
        sets = resolve_highlight(atlas, highlight, highlight_colours)
        zv = (
            resolve_values(atlas, values, categories=categories, status_colours=status_colours)
            if values is not None
            else None
        )
        shapes = {f: draw_order(atlas.shapes(f, self.aspect)) for f in self.feet}
        visible = {f: visible_geometry(shapes[f]) for f in self.feet}
        highlighted = {k for s in sets for k in s.keys}
        wanted = self._label_keys(labels, highlighted)

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
        out = MapArtists(fig, ax, self.layout_for(), shapes=dict(shapes), highlight_sets=sets)
        out.values = zv

        # colours, norms --------------------------------------------------------------
        norm, cmap_obj, arrays = None, None, {}
        if zv is not None:
            norm, cmap_obj, arrays = self._value_arrays(zv, shapes, cmap, vmin, vmax)

        # numbering -----------------------------------------------------------------
        numbers: dict[str, int] = {}
        if numbered:
            numbers = self._numbers(shapes, wanted)
            out.numbering = {
                n: tuple(s for f in self.feet for s in shapes[f] if s.zone.id == z)
                for z, n in numbers.items()
            }

        # decorations that take room from the axes: title, legend, colorbar, key
        # a fixed y: no automatic title placement (a costly pass; the axes has no decorations)
        ax.set_title(title if title is not None else atlas.title(lang), fontsize=14, y=1.0)
        handles = self._legend_handles(sets, zv, shapes) if legend else []
        key_entries = (
            [
                f"{n}  {out.numbering[n][0].zone.name(lang)}"
                for n in sorted(out.numbering)
                if out.numbering[n]
            ]
            if numbered
            else []
        )
        self._decorate(out, own, handles, key_entries, norm, cmap_obj, colorbar, value_label)

        # label plan (fixes the scale), then the layout ---------------------------------
        renderer = _renderer(fig)
        pos = ax.get_position(original=True)
        axes_px = (pos.width * fig.bbox.width, pos.height * fig.bbox.height)
        probe = fig.text(0, 0, words["left"], fontsize=12, fontweight="bold")
        cap_px = probe.get_window_extent(renderer=renderer).height
        px = {"caption": cap_px}
        probe.set_text(words["self_view"])
        probe.set_fontsize(9)
        px["note"] = probe.get_window_extent(renderer=renderer).height * 1.6
        cap_px += px["note"]
        hint_w = []
        for hint in self._hint_texts(words):
            probe.set_text(hint)
            probe.set_fontsize(HINT_SIZE)
            probe.set_fontweight("normal")
            hint_w.append(probe.get_window_extent(renderer=renderer).width)
        px["hint"] = max(hint_w)
        probe.remove()
        top = self.extent[3]
        y_base = top + TOP_MARGIN + CAPTION_GAP + 2.0

        def scale(columns: Mapping[str, float]) -> float:
            x0, x1 = self._x_bounds(self.layout_for(columns), columns)
            return min(axes_px[0] / (x1 - x0), (axes_px[1] - cap_px) / y_base)

        items = []
        for f in self.feet:
            for s in shapes[f]:
                if s.key not in wanted:
                    continue
                zid = s.zone.id
                text = str(numbers[zid]) if numbered else s.zone.label(lang)
                bold = numbered or (bool(sets) and s.key in highlighted)
                items.append(_Item(f, zid, text, visible[f][zid], bold))
        stack = None
        if self.turned:
            plan = plan_rows(
                items,
                fig=fig,
                renderer=renderer,
                scale=lambda bands: self._stack_scale(bands, axes_px, px),
                extent=self.extent,
                fontsize=self.fontsize,
            )
            layout, xlim, ylim, captions = self._stack(plan.bands, plan.ppm, px)
            stack = captions
        else:
            plan = plan_labels(
                items,
                fig=fig,
                renderer=renderer,
                scale=scale,
                y_range=(4.0, top + 4.0),
                fontsize=self.fontsize,
                x_range=(self.extent[0], self.extent[2]),
            )
            layout = self.layout_for(plan.columns)
            xlim = self._x_bounds(layout, plan.columns)
            ylim = (-(CAPTION_GAP + cap_px / plan.ppm), top + TOP_MARGIN)
        plan.numbered = numbered
        out.plan = plan
        out.layout = layout
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)

        # the feet -----------------------------------------------------------------
        for panel in layout.panels:
            self._draw_foot(out, panel, sets, zv, norm, cmap_obj, arrays, visible, kwargs)
        self._draw_labels(out, plan, layout, stack)
        self._disconnect()  # handlers of an earlier drawing
        self.drawn, self._own_figure, self._closed = out, own, False
        return out

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _hint_texts(words) -> tuple[str, ...]:
        return (f"{words['toes']} →", f"← {words['toes']}", words["heel"])

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

    def _value_arrays(self, zv, shapes, cmap, vmin, vmax):
        import matplotlib as mpl
        from matplotlib.colors import ListedColormap, Normalize

        arrays = {}
        if zv.categorical:
            index = {c: i for i, c in enumerate(zv.categories)}
            cmap_obj = ListedColormap([zv.colours[c] for c in zv.categories], name="status")
            norm = Normalize(-0.5, len(zv.categories) - 0.5)
            for f, ss in shapes.items():
                arrays[f] = np.array(
                    [index[v] if (v := zv.get(s.key)) is not None else np.nan for s in ss],
                    dtype=float,
                )
        else:
            name = cmap if cmap is not None else (GREY_CMAP if self.greyscale else DEFAULT_CMAP)
            cmap_obj = mpl.colormaps[name] if isinstance(name, str) else name
            data = [float(v) for v in zv.values.values()]
            lo = vmin if vmin is not None else (min(data) if data else 0.0)
            hi = vmax if vmax is not None else (max(data) if data else 1.0)
            if hi <= lo:
                if vmin is not None and vmax is not None:
                    raise FootvizError(f"vmax must be greater than vmin, got {vmin!r}..{vmax!r}")
                hi = lo + 1.0
            norm = Normalize(lo, hi)
            for f, ss in shapes.items():
                arrays[f] = np.array(
                    [v if (v := zv.get(s.key)) is not None else np.nan for s in ss], dtype=float
                )
        cmap_obj = cmap_obj.with_extremes(bad=NO_DATA_FACE)
        return norm, cmap_obj, arrays

    def _base_colour(self, s: ZoneShape, sets: tuple[HighlightSet, ...]) -> str:
        system = SYSTEM_COLOURS.get(s.zone.system, FALLBACK_COLOUR)
        if not sets:
            return GREY_BASE if self.greyscale else lighten(system, 0.35)
        for hs in sets:
            if s.key in hs.keys:
                return GREY_FILLS[hs.index % len(GREY_FILLS)] if self.greyscale else hs.colour
        return GREY_BASE if self.greyscale else muted(system, MUTED_AMOUNT)

    def _legend_handles(self, sets, zv, shapes):
        from matplotlib.patches import Patch

        lang, words = self.lang, CAPTIONS[self.lang]
        handles = []
        if sets:
            for hs in sets:
                handles.append(
                    Patch(
                        facecolor=GREY_FILLS[hs.index % len(GREY_FILLS)]
                        if self.greyscale
                        else hs.colour,
                        edgecolor="black" if self.greyscale else hs.colour,
                        hatch=HATCHES[hs.index % len(HATCHES)] if self.greyscale else None,
                        linewidth=1.5,
                        label=self._set_label(hs),
                    )
                )
        elif zv is None and not self.greyscale:
            handles += system_handles(self.atlas, (s for ss in shapes.values() for s in ss), lang)
        if zv is not None:
            if zv.categorical:
                for c in zv.categories:
                    handles.append(Patch(facecolor=zv.colours[c], edgecolor=EDGE_COLOUR, label=c))
            missing = any(zv.get(s.key) is None for ss in shapes.values() for s in ss)
            if missing:
                handles.append(
                    Patch(
                        facecolor=NO_DATA_FACE,
                        edgecolor=NO_DATA_HATCH_COLOUR,
                        hatch=NO_DATA_HATCH,
                        label=words["no_data"],
                    )
                )
        return handles

    def _set_label(self, hs: HighlightSet) -> str:
        """A readable legend entry: the display name of a condition, organ, group or zone."""
        atlas, lang = self.atlas, self.lang
        if hs.named:
            return hs.name
        for finder in (atlas.condition, atlas.zone, atlas.organ, atlas.group):
            try:
                return finder(hs.name).name(lang)
            except FootvizError:  # not that kind of name
                continue
        return hs.name

    def _decorate(self, out, own, handles, key_entries, norm, cmap_obj, colorbar, value_label):
        from matplotlib.cm import ScalarMappable
        from matplotlib.patches import Patch

        fig, ax, words = out.figure, out.ax, CAPTIONS[self.lang]
        if out.highlight_sets:
            title = words["highlighted"]
        elif out.values is not None:
            title = None
        else:
            title = words["systems"]
        renderer = _renderer(fig)
        W, H = fig.bbox.width, fig.bbox.height  # pixels
        bottom_px, right_px = 6.0, 6.0
        if handles:
            ncol = min(5, len(handles))
            if own:
                while True:
                    leg = fig.legend(
                        handles=handles,
                        loc="lower center",
                        ncol=ncol,
                        frameon=False,
                        fontsize=9,
                        title=title,
                        title_fontsize=9,
                    )
                    if ncol == 1 or leg.get_window_extent(renderer).width <= W - 12.0:
                        break
                    leg.remove()  # wider than the figure: fewer columns
                    ncol -= 1
                bottom_px += leg.get_window_extent(renderer).height + 4
            else:
                leg = ax.legend(
                    handles=handles,
                    loc="upper center",
                    bbox_to_anchor=(0.5, 0.0),
                    ncol=ncol,
                    frameon=False,
                    fontsize=8,
                    title=title,
                    title_fontsize=8,
                )
                ax.add_artist(leg)
            out.legend = leg
        if key_entries:
            blank = [Patch(visible=False) for _ in key_entries]
            kw = {
                "handles": blank,
                "labels": key_entries,
                "handlelength": 0,
                "handletextpad": 0,
                "frameon": False,
                "fontsize": 8,
                "title": words["key"],
                "title_fontsize": 9,
                "alignment": "left",
            }
            if own and self.turned:  # lying profiles are wide: the key goes under them
                key = fig.legend(
                    loc="lower center", bbox_to_anchor=(0.5, bottom_px / H), ncol=2, **kw
                )
                bottom_px += key.get_window_extent(renderer).height + 4
            elif own:
                key = fig.legend(loc="center right", **kw)
                right_px += key.get_window_extent(renderer).width + 6
            else:
                key = ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), **kw)
                ax.add_artist(key)
            out.key = key
        if own:
            top_px = 0.6 * fig.dpi
            numeric = out.values is not None and not out.values.categorical
            cb_px = 0.95 * fig.dpi if (colorbar and numeric) else 0.0
            ax.set_position(
                (
                    6.0 / W,
                    bottom_px / H,
                    1 - (12.0 + right_px + cb_px) / W,
                    1 - (bottom_px + top_px) / H,
                )
            )
        if colorbar and norm is not None and not (out.values and out.values.categorical):
            sm = ScalarMappable(norm=norm, cmap=cmap_obj)
            if own:
                pos = ax.get_position(original=True)
                cax = fig.add_axes(
                    (
                        pos.x1 + 0.15 * fig.dpi / W,
                        pos.y0 + 0.2 * pos.height,
                        0.16 * fig.dpi / W,
                        0.6 * pos.height,
                    )
                )
                cb = fig.colorbar(sm, cax=cax)
            else:
                cb = fig.colorbar(sm, ax=ax, fraction=0.04, pad=0.02, shrink=0.7)
            if value_label:
                cb.set_label(value_label)
            out.colorbar = cb

    def _draw_foot(self, out, panel, sets, zv, norm, cmap_obj, arrays, visible, kwargs):
        from matplotlib.collections import PathCollection
        from matplotlib.patches import PathPatch

        ax, foot = out.ax, panel.foot
        tf = panel_transform(panel) + ax.transData
        shapes = out.shapes[foot]
        outline = geometry_path(self.atlas.outline(foot, self.aspect))
        skin = PathPatch(
            outline,
            facecolor="white" if self.greyscale else SKIN_COLOUR,
            edgecolor="none",
            transform=tf,
            zorder=1,
        )
        ax.add_artist(skin)  # limits are set by the map; add_patch would walk every vertex
        muted = bool(sets) and zv is None
        edges = [
            EDGE_COLOUR
            if (not muted or any(s.key in hs.keys for hs in sets))
            else MUTED_EDGE_COLOUR
            for s in shapes
        ]
        style: dict[str, Any] = {"edgecolors": edges, "linewidths": 0.6, "zorder": 2}
        if zv is None:
            style["facecolors"] = [self._base_colour(s, sets) for s in shapes]
        style.update(kwargs)
        coll = PathCollection([geometry_path(s.geometry) for s in shapes], transform=tf, **style)
        if zv is not None:
            coll.set_array(arrays[foot])
            coll.set_cmap(cmap_obj)
            coll.set_norm(norm)
            coll.set_clim(norm.vmin, norm.vmax)
        coll.set_label(f"zones/{foot}")
        ax.add_collection(coll, autolim=False)
        out.zones[foot] = coll
        if zv is not None:
            empty = [s for s in shapes if zv.get(s.key) is None]
            nd = PathCollection(
                [geometry_path(visible[foot][s.zone.id]) for s in empty],
                facecolors="none",
                edgecolors=NO_DATA_HATCH_COLOUR,
                linewidths=0.0,
                hatch=NO_DATA_HATCH,
                transform=tf,
                zorder=2.5,
            )
            nd.set_label(f"no data/{foot}")
            ax.add_collection(nd, autolim=False)
            out.no_data[foot] = nd
        for hs in sets:
            mine = [s for s in shapes if s.key in hs.keys]
            if not mine:
                continue
            hatch = HATCHES[hs.index % len(HATCHES)] if self.greyscale else None
            hc = PathCollection(
                [geometry_path(visible[foot][s.zone.id]) for s in mine],
                facecolors="none",
                edgecolors="black" if self.greyscale else hs.colour,
                linewidths=1.4 if self.greyscale else 2.2,
                hatch=hatch,
                transform=tf,
                zorder=4,
            )
            hc.set_label(f"highlight {hs.name}/{foot}")
            ax.add_collection(hc, autolim=False)
            out.highlights[(hs.name, foot)] = hc
        edge = PathPatch(
            outline,
            facecolor="none",
            edgecolor=OUTLINE_COLOUR,
            linewidth=1.6,
            transform=tf,
            zorder=3,
        )
        ax.add_artist(edge)
        out.skins[foot] = skin
        out.outlines[foot] = edge

    def _draw_labels(
        self,
        out: MapArtists,
        plan: Plan,
        layout: Layout,
        stack: Mapping[str, float] | None = None,
    ) -> None:
        from .textlayer import TextLayer

        ax, words = out.ax, CAPTIONS[self.lang]
        layer = TextLayer(zorder=6)  # all labels and captions drawn in one pass on raster output
        ax.add_artist(layer)
        out.text_layer = layer
        fills: dict[tuple[str, str], Any] = {}
        for foot, coll in out.zones.items():
            fills.update(zone_fills(foot, coll, out.shapes[foot]))
        panels = {p.foot: p for p in layout.panels}
        boxed: bool | set[tuple[str, str]] = self.greyscale
        if not boxed and out.values is not None:  # text over "no data" hatching
            boxed = {
                (f, s.zone.id)
                for f, shapes in out.shapes.items()
                for s in shapes
                if out.values.get(s.key) is None
            }
        drawn = draw_plan(ax, plan, panels, fills, add_text=layer.add, boxed=boxed)
        out.labels.update(drawn.labels)
        out.leader_segments.update(drawn.leader_segments)
        out.leaders = drawn.leaders
        # captions: which foot is which, and the viewing convention
        for panel in layout.panels:
            b = panel.chart_bounds
            aspect = "" if self.aspect == "plantar" else f" ({words[self.aspect]})"
            out.captions[panel.foot] = layer.add(
                ax,
                (b[0] + b[2]) / 2,
                -2.0 if stack is None else stack[panel.foot],
                words[panel.foot] + aspect,
                ha="center",
                va="top" if stack is None else "bottom",
                fontsize=12,
                fontweight="bold",
            )
            if stack is not None:
                self._draw_hints(out, layer, panel, words)
        if stack is not None:
            out.convention = layer.add(
                ax,
                sum(ax.get_xlim()) / 2,
                ax.get_ylim()[0],
                words[f"{self.aspect}_view"],
                ha="center",
                va="bottom",
                fontsize=9,
                style="italic",
                color="#444444",
            )
        elif self.aspect == "plantar":
            note = words["self_view"] if self.view == "self" else words["practitioner_view"]
            xs = [p.chart_bounds for p in layout.panels]
            cx = (min(b[0] for b in xs) + max(b[2] for b in xs)) / 2
            out.convention = layer.add(
                ax,
                cx,
                ax.get_ylim()[0],
                note,
                ha="center",
                va="bottom",
                fontsize=9,
                style="italic",
                color="#444444",
            )

    def _draw_hints(self, out: MapArtists, layer, panel: Panel, words) -> None:
        """ "heel" and "toes →" beside the two ends of a lying profile, near the floor."""
        _, y0, _, y1 = self.extent
        toes_right = panel.direction(0.0, 1.0)[0] > 0
        style = {"fontsize": HINT_SIZE, "color": "#555555", "style": "italic", "va": "center"}
        out_dir = 1.0 if toes_right else -1.0
        hy = float(panel.to_chart(HINT_HEIGHT, 0.0)[1])
        toe_x = float(panel.to_chart(0.0, y1)[0]) + out_dir * HINT_GAP
        heel_x = float(panel.to_chart(0.0, y0)[0]) - out_dir * HINT_GAP
        toes = f"{words['toes']} →" if toes_right else f"← {words['toes']}"
        out.hints[(panel.foot, "toes")] = layer.add(
            out.ax, toe_x, hy, toes, ha="left" if toes_right else "right", **style
        )
        out.hints[(panel.foot, "heel")] = layer.add(
            out.ax, heel_x, hy, words["heel"], ha="right" if toes_right else "left", **style
        )


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
